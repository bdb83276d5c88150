import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { silentLog } from '../log.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { Client, eventWhere, nextEvent, startTestServer, type TestServer, type TestSocket } from '../test/server.js'
import { startSmtp, type TestSmtp } from '../test/smtp.js'
import { deliverOutbox, smtpTransport, type MailTransport } from './outbox.js'

let db: Database
let server: TestServer
let s: SmallSchool
let smtp: TestSmtp
let transport: MailTransport
let teacher1: TestSocket
let teacher2: TestSocket
let office: Client
let officeSocket: TestSocket
let suzuki: Client
let tanaka: Client

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'ntc')
  await db.sql`update guardian set email = 'akemi@example.jp' where id = ${s.guardians.suzuki}`
  await db.sql`update guardian set email = 'ken@example.jp' where id = ${s.guardians.tanaka}`
  server = await startTestServer(db, '2026-11-30T08:32:00+09:00', { mail: { mode: 'smtp', publicUrl: 'https://asagao.example.jp' } })
  smtp = await startSmtp()
  transport = smtpTransport(`smtp://127.0.0.1:${smtp.port}`, 'school@example.jp')
  teacher1 = await (await new Client(server).login(s.login.teacher1)).socket()
  teacher2 = await (await new Client(server).login(s.login.teacher2)).socket()
  office = await new Client(server).login(s.login.vp)
  officeSocket = await office.socket()
  suzuki = await new Client(server).login(s.login.suzuki)
  tanaka = await new Client(server).login(s.login.tanaka)
})
afterAll(async () => {
  for (const sock of [teacher1, teacher2, officeSocket]) sock?.disconnect()
  transport?.close()
  await smtp?.close()
  await server?.close()
  await db?.close()
})

const deliver = (t: MailTransport = transport) => deliverOutbox(db.sql, server.clock, t, silentLog)
async function noticeCount(): Promise<number> {
  const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from not_arrived_notice`
  return row!.n
}

describe('not-arrived notices', () => {
  it('sends to every unexplained 未登校 pupil and e-mails each guardian once, in Japanese', async () => {
    await teacher1.emitWithAck('pupil:mark', { pupilId: s.pupils.taro, mark: 'not_arrived' })
    await teacher1.emitWithAck('pupil:mark', { pupilId: s.pupils.hanako, mark: 'not_arrived' })
    const live = eventWhere(officeSocket, (e) => e.changes.length === 2)
    const res = await office.post('/api/office/notices', { pupilIds: 'all' })
    expect(res.body).toEqual({ ok: true, sent: [s.pupils.taro, s.pupils.hanako].sort((a, b) => a - b), skipped: [] })
    expect((await live).changes.map((c) => c.pupilId).sort()).toEqual([s.pupils.taro, s.pupils.hanako].sort())

    expect(await deliver()).toEqual({ sent: 2, failed: 0, released: 0 })
    const toAkemi = smtp.received.find((m) => m.to.includes('akemi@example.jp'))!
    expect(toAkemi.subject).toBe('【ntc小学校】鈴木 太郎さんがまだ登校していません')
    expect(toAkemi.text).toContain('鈴木 明美 様')
    expect(toAkemi.text).toContain('本日11月30日(月)、鈴木 太郎さんがまだ登校していません。')
    expect(toAkemi.text).toMatch(/https:\/\/asagao\.example\.jp\/guardian\/\?notice=\d+/)
    expect(smtp.received.find((m) => m.to.includes('ken@example.jp'))!.subject).toContain('田中 花子さん')

    // The worker runs again: nothing is sent twice.
    expect(await deliver()).toEqual({ sent: 0, failed: 0, released: 0 })
    expect(smtp.received).toHaveLength(2)
  })

  it('never sends twice by accident, never to a family that explained, never to a pupil marked present', async () => {
    const [reason] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} and label = '発熱'`
    server.clock.set('2026-11-30T08:20:00+09:00')
    expect((await suzuki.post('/api/guardian/reports', { idempotencyKey: 'ntc-key-000000001', pupilIds: [s.pupils.jiro], kind: 'late', time: '10:00', fromDate: '2026-11-30', toDate: '2026-11-30', reasonId: reason!.id })).status).toBe(201)
    server.clock.set('2026-11-30T08:40:00+09:00')
    await teacher2.emitWithAck('pupil:mark', { pupilId: s.pupils.jiro, mark: 'not_arrived' }) // explained by the 遅刻 report
    await teacher2.emitWithAck('pupil:mark', { pupilId: s.pupils.other, mark: 'not_arrived' })
    await teacher2.emitWithAck('pupil:mark', { pupilId: s.pupils.other, mark: 'present' }) // turned up after all
    const before = await noticeCount()
    const res = await office.post('/api/office/notices', { pupilIds: [s.pupils.taro, s.pupils.jiro, s.pupils.other] })
    expect(res.body.sent).toEqual([])
    expect(res.body.skipped).toEqual([
      { pupilId: s.pupils.taro, why: '送信済' },
      { pupilId: s.pupils.jiro, why: '連絡済' },
      { pupilId: s.pupils.other, why: '未登校ではありません' },
    ])
    expect((await office.post('/api/office/notices', { pupilIds: 'all' })).body.sent).toEqual([])
    expect(await noticeCount()).toBe(before)
  })

  it('keeps a notice in the outbox while SMTP is down, shows it undelivered, and delivers it once later', async () => {
    await teacher2.emitWithAck('pupil:mark', { pupilId: s.pupils.other, mark: 'not_arrived' })
    await db.sql`insert into guardian_pupil (school_id, guardian_id, pupil_id) values (${s.schoolId}, ${s.guardians.tanaka}, ${s.pupils.other})`
    expect((await office.post('/api/office/notices', { pupilIds: [s.pupils.other] })).body.sent).toEqual([s.pupils.other])

    const down = await startSmtp()
    const downPort = down.port
    await down.close()
    const broken = smtpTransport(`smtp://127.0.0.1:${downPort}`, 'school@example.jp')
    expect(await deliver(broken)).toEqual({ sent: 0, failed: 1, released: 0 })
    const list = await office.get('/api/office/notices')
    const n = list.body.notices.find((x: { pupilId: number }) => x.pupilId === s.pupils.other)
    expect(n.deliveries).toContainEqual(expect.objectContaining({ channel: 'email', status: 'pending', attempts: 1, lastError: expect.any(String) }))
    expect(n.deliveries).toContainEqual(expect.objectContaining({ channel: 'in_app', status: 'sent' }))

    // Too early for the retry: nothing happens.
    expect(await deliver()).toEqual({ sent: 0, failed: 0, released: 0 })
    server.clock.advance(31_000)
    expect(await deliver()).toEqual({ sent: 1, failed: 0, released: 0 })
    expect(await deliver()).toEqual({ sent: 0, failed: 0, released: 0 })
    expect(smtp.received.filter((m) => m.subject.includes('佐藤 三郎'))).toHaveLength(1)
    broken.close()
  })

  it('refuses teachers and guardians sending notices', async () => {
    const teacher = await new Client(server).login(s.login.teacher1)
    expect((await teacher.post('/api/office/notices', { pupilIds: 'all' })).body.error.code).toBe('FORBIDDEN')
    expect((await suzuki.post('/api/office/notices', { pupilIds: 'all' })).body.error.code).toBe('FORBIDDEN')
    expect((await teacher.get('/api/office/notices')).body.error.code).toBe('FORBIDDEN')
  })
})

describe('answers, the call list and calls', () => {
  it('lets the family answer 遅刻します 9:30: the board shows 遅刻 9:30 live', async () => {
    const mine = await suzuki.get('/api/guardian/notices')
    const notice = mine.body.notices.find((n: { pupilId: number }) => n.pupilId === s.pupils.taro)
    expect(notice).toMatchObject({ open: true, answer: null, subject: '【ntc小学校】鈴木 太郎さんがまだ登校していません' })
    expect(notice.body).toContain('鈴木 明美 様')
    expect(JSON.stringify(mine.body)).not.toContain('田中 花子')

    const live = eventWhere(officeSocket, (e) => e.changes[0]?.entry?.status === 'late')
    const res = await suzuki.post(`/api/guardian/notices/${notice.id}/answer`, { answer: 'late', time: '9:30', message: '寝坊しました' })
    expect(res.body).toEqual({ ok: true })
    expect((await live).changes[0]!.entry).toMatchObject({ pupilId: s.pupils.taro, status: 'late', time: '9:30', source: 'guardian' })

    // The answer is part of the pupil's history.
    const hist = await teacher1.emitWithAck('pupil:history', { pupilId: s.pupils.taro })
    if (!hist.ok) throw new Error(hist.error.code)
    expect(hist.history.items[0]).toMatchObject({ type: 'mark', source: 'guardian', codeLabel: '遅刻', time: '9:30', by: '鈴木 明美', note: 'お知らせへの回答 ・ 寝坊しました' })

    const again = await suzuki.post(`/api/guardian/notices/${notice.id}/answer`, { answer: 'absent', reasonId: 1 })
    expect(again.body.error.code).toBe('NOTICE_ALREADY_ANSWERED')
  })

  it('refuses answering another family\u2019s notice and changes nothing', async () => {
    const theirs = (await tanaka.get('/api/guardian/notices')).body.notices.find((n: { pupilId: number }) => n.pupilId === s.pupils.hanako)
    const res = await suzuki.post(`/api/guardian/notices/${theirs.id}/answer`, { answer: 'will_call' })
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('NOTICE_NOT_FOUND')
    const [row] = await db.sql<{ answer: string | null }[]>`select answer from not_arrived_notice where id = ${theirs.id}`
    expect(row!.answer).toBeNull()
  })

  it('moves an unanswered pupil to the call list after the wait, with phone numbers, and records the call', async () => {
    const early = await office.get('/api/office/notices')
    expect(early.body.notices.find((n: { pupilId: number }) => n.pupilId === s.pupils.hanako).toCall).toBe(false)
    server.clock.set('2026-11-30T08:53:00+09:00') // 21 minutes after sending
    const list = (await office.get('/api/office/notices')).body.notices
    const hanako = list.find((n: { pupilId: number }) => n.pupilId === s.pupils.hanako)
    expect(hanako).toMatchObject({ toCall: true, phones: [{ guardian: '田中 健', phone: '090-0000-0002' }] })
    expect(list.find((n: { pupilId: number }) => n.pupilId === s.pupils.taro).toCall).toBe(false) // answered

    const live = nextEvent(officeSocket, 'day:changed')
    expect((await office.post('/api/office/calls', { pupilId: s.pupils.hanako, outcome: 'reached', note: '祖母が送っていく' })).body).toEqual({ ok: true })
    await live
    const after = (await office.get('/api/office/notices')).body.notices.find((n: { pupilId: number }) => n.pupilId === s.pupils.hanako)
    expect(after.calls).toEqual([{ at: '2026-11-29T23:53:00.000Z', by: '小林 先生', outcome: 'reached', note: '祖母が送っていく' }])
  })

  it('refuses replaying an old notice link the next day', async () => {
    const theirs = (await tanaka.get('/api/guardian/notices')).body.notices.find((n: { pupilId: number }) => n.pupilId === s.pupils.hanako)
    server.clock.set('2026-12-01T08:00:00+09:00')
    const res = await tanaka.post(`/api/guardian/notices/${theirs.id}/answer`, { answer: 'late', time: '9:00' })
    expect(res.body.error.code).toBe('NOTICE_EXPIRED')
    expect((await tanaka.get('/api/guardian/notices')).body.notices.find((n: { id: number }) => n.id === theirs.id).open).toBe(false)
    server.clock.set('2026-11-30T09:00:00+09:00')
  })

  it('lets the office edit the template, which must name the child', async () => {
    const bad = await office.post('/api/office/notice-template', { subject: 'お知らせ', body: '登校していません' })
    expect(bad.body.error.code).toBe('BAD_REQUEST')
    const ok = await office.post('/api/office/notice-template', { subject: '{児童名}さんの登校について', body: '{保護者名} 様\n{日付}、{児童名}さんの登校が確認できません。\n{リンク}' })
    expect(ok.body).toEqual({ ok: true })
    expect((await office.get('/api/office/notice-template')).body.subject).toBe('{児童名}さんの登校について')
    await teacher2.emitWithAck('pupil:mark', { pupilId: s.pupils.jiro, mark: 'present' })
    await db.sql`update guardian_report set withdrawn_at = now() where pupil_id = ${s.pupils.jiro}`
    await teacher2.emitWithAck('pupil:mark', { pupilId: s.pupils.jiro, mark: 'not_arrived' })
    expect((await office.post('/api/office/notices', { pupilIds: [s.pupils.jiro] })).body.sent).toEqual([s.pupils.jiro])
    await deliver()
    const mail = smtp.received.find((m) => m.subject === '鈴木 次郎さんの登校について')!
    expect(mail.to).toEqual(['akemi@example.jp'])
    expect(mail.text).toContain('11月30日(月)、鈴木 次郎さんの登校が確認できません。')
  })
})
