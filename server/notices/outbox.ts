import nodemailer from 'nodemailer'
import type { Clock } from '../clock.js'
import type { Sql } from '../db/types.js'
import type { Log } from '../log.js'
import { startPeriodic } from '../ops/periodic.js'
import { deliverPushes, type PushSender } from '../push/deliver.js'

/** Delivering the outbox's e-mail with retries. */

export interface MailMessage {
  to: string
  subject: string
  text: string
  /** Stable per outbox row, so a receiving system can spot a duplicate after a crash. */
  messageId: string
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>
  close(): void
}

/** An SMTP transport through nodemailer (`smtp://user:pass@host:587`, `smtps://…`). */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url, { from })
  return {
    async send(m) {
      await transporter.sendMail({ to: m.to, subject: m.subject, text: m.text, messageId: m.messageId })
    },
    close: () => transporter.close(),
  }
}

export const DELIVERY = {
  maxAttempts: 6,
  batch: 20,
  /** A row claimed by a worker that died is taken up again after this lease. */
  leaseMs: 5 * 60_000,
  firstRetryMs: 30_000,
} as const

interface Claimed {
  id: number
  recipient: string
  subject: string
  body: string
  attempts: number
}

/**
 * Delivers due e-mail rows once each. A row is claimed ('sending', with a lease) in its own
 * statement before the SMTP conversation and marked 'sent' right after, so two workers never
 * send the same row, and a sent row is never sent again. A failure leaves the row 'pending'
 * with the error and a later attempt (exponential backoff), and 'failed' after the last one.
 */
export async function deliverOutbox(sql: Sql, clock: Clock, transport: MailTransport, log: Log, stopping: () => boolean = () => false): Promise<{ sent: number; failed: number; released: number }> {
  const now = clock.now()
  const nowIso = new Date(now).toISOString()
  const claimed = await sql<Claimed[]>`
    update outbox set status = 'sending', attempts = attempts + 1, next_attempt_at = ${new Date(now + DELIVERY.leaseMs).toISOString()}
    where id in (
      select id from outbox
      where channel = 'email' and status in ('pending', 'sending') and next_attempt_at <= ${nowIso}
      order by id limit ${DELIVERY.batch}
      for update skip locked
    )
    returning id, recipient, subject, body, attempts`
  let sent = 0
  let failed = 0
  for (const [i, row] of claimed.entries()) {
    if (stopping()) {
      const rest = claimed.slice(i).map((r) => r.id)
      await releaseLeases(sql, rest, clock)
      return { sent, failed, released: rest.length }
    }
    try {
      await transport.send({ to: row.recipient, subject: row.subject, text: row.body, messageId: `<outbox-${row.id}@asagao>` })
      await sql`update outbox set status = 'sent', sent_at = ${new Date(clock.now()).toISOString()}, last_error = null where id = ${row.id}`
      sent++
    } catch (err) {
      failed++
      const last = row.attempts >= DELIVERY.maxAttempts
      const retryAt = new Date(clock.now() + DELIVERY.firstRetryMs * 2 ** (row.attempts - 1)).toISOString()
      const message = err instanceof Error ? err.message : String(err)
      await sql`update outbox set status = ${last ? 'failed' : 'pending'}, next_attempt_at = ${retryAt}, last_error = ${message.slice(0, 500)} where id = ${row.id}`
      log.warn('mail delivery failed', { outboxId: row.id, attempts: row.attempts, err: message })
    }
  }
  return { sent, failed, released: 0 }
}

/**
 * Gives claimed rows back when the server stops before sending them: due at once for the next
 * process, and the attempt not counted, instead of waiting out the lease.
 */
async function releaseLeases(sql: Sql, ids: number[], clock: Clock): Promise<void> {
  await sql`
    update outbox set status = 'pending', attempts = attempts - 1, next_attempt_at = ${new Date(clock.now()).toISOString()}
    where id = any(${ids}::int[]) and status = 'sending'`
}

/** What the worker delivers: e-mail when an SMTP server is configured, pushes when a sender is given. */
export interface OutboxChannels {
  mail: MailTransport | null
  push: PushSender | null
}

/**
 * Runs the delivery every `everyMs` until stopped; one run at a time. Stopping lets the e-mail
 * or pushes being sent finish and releases the rest of the run's claimed rows.
 */
export function startOutboxWorker(sql: Sql, clock: Clock, channels: OutboxChannels, log: Log, everyMs = 1000): { stop(): Promise<void> } {
  const loop = startPeriodic({
    name: 'outbox worker',
    everyMs,
    log,
    work: async (stopping) => {
      const mail = channels.mail ? await deliverOutbox(sql, clock, channels.mail, log, stopping) : null
      const push = channels.push && !stopping() ? await deliverPushes(sql, clock, channels.push, log, stopping) : null
      const released = (mail?.released ?? 0) + (push?.released ?? 0)
      if (released > 0) log.info('outbox leases released', { released })
    },
  })
  return {
    async stop() {
      await loop.stop()
      channels.mail?.close()
    },
  }
}
