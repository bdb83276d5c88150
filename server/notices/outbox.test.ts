import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ManualClock } from '../clock.js'
import { insertNotice, insertOutbox } from '../data/notices.js'
import type { Database } from '../db/types.js'
import { silentLog } from '../log.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { startSmtp, type TestSmtp, type TestSmtpOptions } from '../test/smtp.js'
import { DELIVERY, deliverOutbox, smtpTransport, type MailTransport } from './outbox.js'

/** The outbox's e-mail over the pooled SMTP transport, against a real SMTP server. */

let db: Database
let s: SmallSchool
let noticeId: number
const clock = new ManualClock(Date.parse('2026-11-30T08:32:00+09:00'))
let opened: { smtp: TestSmtp; transport: MailTransport } | null = null

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'obx')
  noticeId = await insertNotice(db.sql, { schoolId: s.schoolId, pupilId: s.pupils.taro, date: '2026-11-30', sentBy: s.staff.admin, sentAt: new Date(clock.now()).toISOString(), subject: '件名', body: '本文' })
})
afterEach(async () => {
  opened?.transport.close()
  await opened?.smtp.close()
  opened = null
  await db.sql`delete from outbox`
})
afterAll(async () => {
  await db?.close()
})

async function open(options: TestSmtpOptions): Promise<{ smtp: TestSmtp; transport: MailTransport }> {
  const smtp = await startSmtp(0, options)
  opened = { smtp, transport: smtpTransport(`smtp://127.0.0.1:${smtp.port}`, 'school@example.jp') }
  return opened
}

async function queue(recipients: string[]): Promise<void> {
  const now = new Date(clock.now()).toISOString()
  await insertOutbox(db.sql, recipients.map((recipient) => ({
    schoolId: s.schoolId, noticeId, guardianId: s.guardians.suzuki, channel: 'email' as const, recipient,
    subject: '件名', body: '本文', status: 'pending' as const, nextAttemptAt: now, sentAt: null, createdAt: now,
  })))
}

const statuses = () => db.sql<{ recipient: string; status: string; attempts: number }[]>`select recipient, status, attempts from outbox order by id`

describe('pooled SMTP delivery', () => {
  it('has several messages in flight at once over a few reused connections', async () => {
    const { smtp, transport } = await open({ holdMs: 30 })
    const recipients = Array.from({ length: 3 * DELIVERY.connections }, (_, i) => `family${i}@example.jp`)
    await queue(recipients)
    expect(await deliverOutbox(db.sql, clock, transport, silentLog)).toEqual({ sent: recipients.length, failed: 0, released: 0 })
    expect(smtp.stats.maxInFlight).toBeGreaterThan(1)
    expect(smtp.stats.maxInFlight).toBeLessThanOrEqual(DELIVERY.connections)
    expect(smtp.stats.sessions).toBeLessThanOrEqual(DELIVERY.connections)
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([...recipients].sort())
    expect((await statuses()).every((r) => r.status === 'sent')).toBe(true)
  })

  it('retries a message the server refused while the others of the batch are marked sent', async () => {
    let refusing = true
    const { smtp, transport } = await open({ rejectRecipient: (to) => (refusing && to === 'busy@example.jp' ? '451 4.3.0 mailbox busy, try later' : null) })
    await queue(['a@example.jp', 'busy@example.jp', 'b@example.jp', 'c@example.jp'])
    expect(await deliverOutbox(db.sql, clock, transport, silentLog)).toEqual({ sent: 3, failed: 1, released: 0 })
    expect(await statuses()).toEqual([
      { recipient: 'a@example.jp', status: 'sent', attempts: 1 },
      { recipient: 'busy@example.jp', status: 'pending', attempts: 1 },
      { recipient: 'b@example.jp', status: 'sent', attempts: 1 },
      { recipient: 'c@example.jp', status: 'sent', attempts: 1 },
    ])
    const [refused] = await db.sql<{ lastError: string }[]>`select last_error from outbox where recipient = 'busy@example.jp'`
    expect(refused!.lastError).toContain('mailbox busy')

    // Not before its backoff; then once, and the sent ones are not sent again.
    expect(await deliverOutbox(db.sql, clock, transport, silentLog)).toEqual({ sent: 0, failed: 0, released: 0 })
    refusing = false
    clock.advance(DELIVERY.firstRetryMs)
    expect(await deliverOutbox(db.sql, clock, transport, silentLog)).toEqual({ sent: 1, failed: 0, released: 0 })
    expect(smtp.received.map((m) => m.to[0])).toHaveLength(4)
    expect((await statuses()).find((r) => r.recipient === 'busy@example.jp')).toEqual({ recipient: 'busy@example.jp', status: 'sent', attempts: 2 })
  })
})
