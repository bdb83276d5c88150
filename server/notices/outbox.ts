import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js'
import type { Clock } from '../clock.js'
import { forEachConcurrently } from '../concurrently.js'
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

/**
 * An SMTP transport through nodemailer (`smtp://user:pass@host:587`, `smtps://…`) over a pool
 * of connections kept open between messages: a new connection per message (TCP, greeting,
 * EHLO, TLS, AUTH) took most of a message's time.
 */
export function smtpTransport(url: string, from: string): MailTransport {
  const options: SMTPPool.Options & { maxRequeues: number } = {
    url, pool: true, maxConnections: DELIVERY.connections, maxMessages: DELIVERY.messagesPerConnection,
    // A connection the server closed while idle is found out only when a message is on it:
    // one more try on a fresh connection; any further failure is the outbox's retry.
    maxRequeues: 1,
  }
  // nodemailer is loaded with the first message, not at start: a restart under a reconnect storm
  // answers sooner for every module it does not load (figures in docs/performance.md).
  let transporter: Promise<import('nodemailer').Transporter> | null = null
  const open = () => (transporter ??= Promise.all([import('nodemailer'), import('nodemailer/lib/smtp-pool/index.js')]).then(
    // The pool itself, not its options: given a `url`, createTransport would read only the URL.
    ([{ default: nodemailer }, { default: Pool }]) => nodemailer.createTransport(new Pool(options), { from }),
    (err: unknown) => {
      // The next message tries again; this one goes back to the outbox's retries.
      transporter = null
      throw err
    },
  ))
  return {
    async send(m) {
      await (await open()).sendMail({ to: m.to, subject: m.subject, text: m.text, messageId: m.messageId })
    },
    close: () => void transporter?.then((t) => t.close(), () => {}),
  }
}

export const DELIVERY = {
  maxAttempts: 6,
  batch: 50,
  /** SMTP connections in the pool, and so e-mails under way at once. */
  connections: 5,
  /** Messages over one connection before the pool opens a fresh one. */
  messagesPerConnection: 100,
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
 * Delivers due e-mail rows once each, batch after batch until none is due, up to
 * `DELIVERY.connections` at once. A batch is claimed ('sending', with a lease) in its own
 * statement before the SMTP conversations, and each row is marked 'sent' right after the
 * server accepted it, so two workers never send the same row, and a sent row is never sent
 * again. A failure leaves the row 'pending' with the error and a later attempt (exponential
 * backoff), and 'failed' after the last one; the batch's other rows go on.
 */
export async function deliverOutbox(sql: Sql, clock: Clock, transport: MailTransport, log: Log, stopping: () => boolean = () => false): Promise<{ sent: number; failed: number; released: number }> {
  const totals = { sent: 0, failed: 0, released: 0 }
  for (;;) {
    const now = clock.now()
    const claimed = await sql<Claimed[]>`
      update outbox set status = 'sending', attempts = attempts + 1, next_attempt_at = ${new Date(now + DELIVERY.leaseMs).toISOString()}
      where id in (
        select id from outbox
        where channel = 'email' and status in ('pending', 'sending') and next_attempt_at <= ${new Date(now).toISOString()}
        order by id limit ${DELIVERY.batch}
        for update skip locked
      )
      returning id, recipient, subject, body, attempts`
    // `returning` keeps no order: the oldest go first, and a stop gives back the newest.
    claimed.sort((a, b) => a.id - b.id)
    const run = await forEachConcurrently(claimed, DELIVERY.connections, async (row) => {
      if (await deliverOne(sql, clock, transport, log, row)) totals.sent++
      else totals.failed++
    }, stopping)
    if (run.started < claimed.length) {
      const rest = claimed.slice(run.started).map((r) => r.id)
      // After a failure (the database, most likely) the rows wait out their lease if this fails too.
      const released = releaseLeases(sql, rest, clock)
      await (run.failure ? released.catch(() => {}) : released)
      totals.released += rest.length
    }
    if (run.failure) throw run.failure.err
    if (run.started < claimed.length) return totals
    if (claimed.length < DELIVERY.batch || stopping()) return totals
  }
}

/** Sends one claimed row and records the outcome; true when the SMTP server accepted it. */
async function deliverOne(sql: Sql, clock: Clock, transport: MailTransport, log: Log, row: Claimed): Promise<boolean> {
  try {
    await transport.send({ to: row.recipient, subject: row.subject, text: row.body, messageId: `<outbox-${row.id}@asagao>` })
  } catch (err) {
    const last = row.attempts >= DELIVERY.maxAttempts
    const retryAt = new Date(clock.now() + DELIVERY.firstRetryMs * 2 ** (row.attempts - 1)).toISOString()
    const message = err instanceof Error ? err.message : String(err)
    await sql`update outbox set status = ${last ? 'failed' : 'pending'}, next_attempt_at = ${retryAt}, last_error = ${message.slice(0, 500)} where id = ${row.id}`
    log.warn('mail delivery failed', { outboxId: row.id, attempts: row.attempts, err: message })
    return false
  }
  await sql`update outbox set status = 'sent', sent_at = ${new Date(clock.now()).toISOString()}, last_error = null where id = ${row.id}`
  return true
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
 * Runs the delivery every `everyMs` until stopped; one run at a time. E-mail and pushes go side
 * by side, so a school's worth of e-mail does not hold back the pushes. Stopping lets the e-mail
 * or pushes being sent finish, releases the rest of the run's claimed rows and closes the SMTP pool.
 */
export function startOutboxWorker(sql: Sql, clock: Clock, channels: OutboxChannels, log: Log, everyMs = 1000): { stop(): Promise<void> } {
  const loop = startPeriodic({
    name: 'outbox worker',
    everyMs,
    log,
    // E-mail and pushes side by side: a school's worth of e-mail does not hold back the pushes.
    work: async (stopping) => {
      const [mail, push] = await Promise.allSettled([
        channels.mail ? deliverOutbox(sql, clock, channels.mail, log, stopping) : null,
        channels.push ? deliverPushes(sql, clock, channels.push, log, stopping) : null,
      ])
      for (const r of [mail, push]) if (r.status === 'rejected') log.error('outbox worker failed', { err: String(r.reason) })
      const released = [mail, push].reduce((n, r) => n + (r.status === 'fulfilled' ? (r.value?.released ?? 0) : 0), 0)
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
