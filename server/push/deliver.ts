import type { Agent } from 'node:https'
import type webpushModule from 'web-push'
import type { Clock } from '../clock.js'
import { forEachConcurrently } from '../concurrently.js'
import type { Sql } from '../db/types.js'
import { claimPushes, dropSubscription, markPushesSent, markPushRetry, releasePushes, type ClaimedPush, type VapidKeys } from '../data/push.js'
import type { Log } from '../log.js'

/** Delivering queued pushes to the browsers' push services. */

export interface PushDevice {
  endpoint: string
  p256dh: string
  auth: string
}

export interface PushSendOptions {
  /** Seconds the push service may hold the message for an offline device. */
  ttl: number
  urgency: ClaimedPush['urgency']
}

export interface PushSender {
  /** Encrypts (RFC 8291, aes128gcm) and posts; rejects with `PushRefused` when the service answers other than 2xx. */
  send(device: PushDevice, payload: string, opts: PushSendOptions): Promise<void>
}

/** The push service's refusal, with its HTTP status. */
export class PushRefused extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

/**
 * A sender through the `web-push` package, signing with the server's VAPID keys. `subject`
 * (mailto: or https:) tells push services whom to contact about this server's traffic.
 * `agent` is for tests, which trust their own push endpoint's certificate.
 */
export function webPushSender(keys: VapidKeys, subject: string, agent?: Agent): PushSender {
  // One signed VAPID token per push service, reused for an hour (RFC 8292 allows it): signing
  // costs more than encrypting, and a school's send goes to a handful of services.
  const tokens = new Map<string, { authorization: string; renewAt: number }>()
  const authorization = (webpush: typeof webpushModule, endpoint: string): string => {
    const audience = new URL(endpoint).origin
    const now = Date.now()
    let t = tokens.get(audience)
    if (!t || t.renewAt <= now) {
      // The token's expiry is the push service's business, so it follows real time, not the school's clock.
      const expires = Math.floor(now / 1000) + VAPID_TOKEN.lifetimeSeconds
      const headers = webpush.getVapidHeaders(audience, subject, keys.publicKey, keys.privateKey, 'aes128gcm', expires)
      tokens.set(audience, (t = { authorization: headers.Authorization, renewAt: now + VAPID_TOKEN.reuseMs }))
    }
    return t.authorization
  }
  return {
    async send(device, payload, opts) {
      const webpush = await loadWebPush()
      try {
        await webpush.sendNotification(
          { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
          payload,
          {
            headers: { Authorization: authorization(webpush, device.endpoint) },
            TTL: opts.ttl, urgency: opts.urgency, contentEncoding: 'aes128gcm', timeout: PUSH_DELIVERY.timeoutMs,
            ...(agent ? { agent } : {}),
          },
        )
      } catch (err) {
        if (err instanceof webpush.WebPushError) throw new PushRefused(err.statusCode, `push service answered ${err.statusCode}: ${String(err.body).slice(0, 200)}`)
        throw err
      }
    },
  }
}

/** A VAPID token lives 12 hours (push services refuse more than 24) and is renewed after one. */
export const VAPID_TOKEN = { lifetimeSeconds: 12 * 3600, reuseMs: 3600_000 } as const

export const PUSH_DELIVERY = {
  maxAttempts: 6,
  batch: 50,
  /** Pushes posted at once: push services answer in tens of milliseconds, one after another would take minutes for a school. */
  concurrency: 8,
  leaseMs: 5 * 60_000,
  firstRetryMs: 30_000,
  timeoutMs: 15_000,
} as const

/** Statuses after which the device will never receive anything again. */
const GONE = new Set([404, 410])
/** Statuses worth trying again later: the service is busy or briefly broken. */
const RETRY = (status: number) => status === 429 || status >= 500

/**
 * Delivers due pushes once each, batch after batch until none is due. A push the service
 * accepted is 'sent'; a device that is gone (404/410) is deleted with its queue; a busy or
 * failing service (429, 5xx, network) gets retries with exponential backoff, up to
 * `maxAttempts`; any other refusal (a bad request, a key mismatch: 400, 403, 413) fails at once.
 * A push whose time to live ran out is marked 'expired' instead of sent late.
 */
export async function deliverPushes(sql: Sql, clock: Clock, sender: PushSender, log: Log, stopping: () => boolean = () => false): Promise<{ sent: number; failed: number; gone: number; released: number }> {
  const totals = { sent: 0, failed: 0, gone: 0, released: 0 }
  const gone = new Set<number>()
  for (;;) {
    const now = clock.now()
    const claimed = await claimPushes(sql, iso(now), iso(now + PUSH_DELIVERY.leaseMs), PUSH_DELIVERY.batch)
    // Accepted pushes are marked once per batch: a crash in between sends at most one batch
    // again after the lease, and the device shows a repeated tag only once.
    const accepted: ClaimedPush[] = []
    const run = await forEachConcurrently(claimed, PUSH_DELIVERY.concurrency, async (row) => {
      // The device's other pushes went with its subscription.
      if (!gone.has(row.subscriptionId)) await deliverOne(sql, clock, sender, log, row, accepted, totals, gone)
    }, stopping)
    // After a failure (the database, most likely) these are tried all the same: what fails waits out its lease.
    const bestEffort = (p: Promise<void>) => (run.failure ? p.catch(() => {}) : p)
    await bestEffort(markPushesSent(sql, accepted.filter((r) => !gone.has(r.subscriptionId)), iso(clock.now())))
    totals.sent += accepted.length
    totals.gone = gone.size
    if (run.started < claimed.length) {
      const rest = claimed.slice(run.started).map((r) => r.id)
      await bestEffort(releasePushes(sql, rest, iso(clock.now())))
      totals.released += rest.length
    }
    if (run.failure) throw run.failure.err
    if (run.started < claimed.length) return totals
    if (claimed.length < PUSH_DELIVERY.batch || stopping()) return totals
  }
}

async function deliverOne(sql: Sql, clock: Clock, sender: PushSender, log: Log, row: ClaimedPush, accepted: ClaimedPush[], totals: { failed: number }, gone: Set<number>): Promise<void> {
  const ttl = Math.max(0, Math.floor((Date.parse(row.expiresAt) - clock.now()) / 1000))
  try {
    await sender.send(row, row.payload, { ttl, urgency: row.urgency })
    accepted.push(row)
  } catch (err) {
    const status = err instanceof PushRefused ? err.status : null
    if (status !== null && GONE.has(status)) {
      if (gone.has(row.subscriptionId)) return
      gone.add(row.subscriptionId)
      await dropSubscription(sql, row.subscriptionId)
      log.info('push subscription gone', { subscriptionId: row.subscriptionId, status })
      return
    }
    totals.failed++
    const last = row.attempts >= PUSH_DELIVERY.maxAttempts || (status !== null && !RETRY(status))
    const retryAt = iso(clock.now() + PUSH_DELIVERY.firstRetryMs * 2 ** (row.attempts - 1))
    const message = err instanceof Error ? err.message : String(err)
    await markPushRetry(sql, row.id, last ? 'failed' : 'pending', retryAt, message)
    log.warn('push delivery failed', { pushId: row.id, kind: row.kind, attempts: row.attempts, status, final: last })
  }
}

const iso = (ms: number) => new Date(ms).toISOString()

/** web-push is loaded with the first push (or key pair), not at start, like nodemailer (see outbox.ts). */
export async function loadWebPush(): Promise<typeof webpushModule> {
  return (await import('web-push')).default
}
