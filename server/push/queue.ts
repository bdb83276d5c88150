import { GuardianLanguage, LANGUAGE_INFO } from '../../shared/i18n/languages.js'
import { PushPayload, type PushMessage } from '../../shared/protocol/push.js'
import type { Q } from '../db/types.js'
import { devicesOfGuardians, devicesOfPupils, insertPushOutbox, type PushOutboxRow } from '../data/push.js'

/** Who a push goes to: guardian accounts, or every guardian of these pupils (each device once). */
export type PushRecipients = { guardianIds: readonly number[] } | { pupilIds: readonly number[] }

export interface PushOptions {
  /** The school the push is about (the queue is kept per school). */
  schoolId: number
  /** What sends it, for the queue and the logs: 'safety', 'survey', … */
  kind: string
  /** The caller's "now" (ISO 8601), from its clock. */
  now: string
  /** How long the push is worth delivering; after that it is dropped rather than sent late. Default one day. */
  ttlSeconds?: number
  /** The push service's urgency: 'high' wakes a sleeping phone at once (a safety confirmation). */
  urgency?: PushOutboxRow['urgency']
}

export const PUSH_DEFAULT_TTL_SECONDS = 24 * 3600
/** What a push service must accept: 4,096 bytes encrypted, less the record's overhead. */
const MAX_PAYLOAD_BYTES = 3000

/**
 * Queues a push to every subscribed device of the recipients, in the caller's transaction: it
 * is written with the change that decided to send it, or not at all, and the outbox worker
 * delivers it after commit with retries. `message` may depend on the guardian's language
 * (null: never chosen, which means Japanese). Returns how many devices and guardians it reaches.
 */
export async function queuePush(
  tx: Q,
  to: PushRecipients,
  message: PushMessage | ((language: GuardianLanguage | null) => PushMessage),
  opts: PushOptions,
): Promise<{ devices: number; guardians: number }> {
  const ids = 'guardianIds' in to ? to.guardianIds : to.pupilIds
  if (ids.length === 0) return { devices: 0, guardians: 0 }
  const targets = 'guardianIds' in to ? await devicesOfGuardians(tx, ids) : await devicesOfPupils(tx, ids)
  const payloads = new Map<GuardianLanguage | null, string>()
  const payloadIn = (language: GuardianLanguage | null): string => {
    let p = payloads.get(language)
    if (p === undefined) {
      const m = typeof message === 'function' ? message(language) : message
      p = JSON.stringify(PushPayload.parse({ lang: LANGUAGE_INFO[language ?? 'ja'].htmlLang, ...m }))
      if (Buffer.byteLength(p) > MAX_PAYLOAD_BYTES) throw new Error(`push payload of ${Buffer.byteLength(p)} bytes is over ${MAX_PAYLOAD_BYTES}`)
      payloads.set(language, p)
    }
    return p
  }
  const expiresAt = new Date(Date.parse(opts.now) + (opts.ttlSeconds ?? PUSH_DEFAULT_TTL_SECONDS) * 1000).toISOString()
  const rows: PushOutboxRow[] = targets.map((t) => ({
    schoolId: opts.schoolId,
    subscriptionId: t.subscriptionId,
    kind: opts.kind,
    payload: payloadIn(GuardianLanguage.safeParse(t.language).data ?? null),
    urgency: opts.urgency ?? 'normal',
    status: 'pending',
    nextAttemptAt: opts.now,
    expiresAt,
    createdAt: opts.now,
  }))
  await insertPushOutbox(tx, rows)
  return { devices: rows.length, guardians: new Set(targets.map((t) => t.guardianId)).size }
}
