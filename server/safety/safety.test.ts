import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SafetyBoard, SafetyChanged } from '../../shared/protocol/index.js'
import { createGuardian, linkGuardian } from '../data/schoolSetup.js'
import type { Database } from '../db/types.js'
import { silentLog } from '../log.js'
import { deliverOutbox, smtpTransport, type MailTransport } from '../notices/outbox.js'
import { changedTables, tableChecksums } from '../test/checksums.js'
import { testDatabase } from '../test/db.js'
import { smallSchool, PASSWORD, type SmallSchool } from '../test/fixtures.js'
import { Client, nextEvent, startTestServer, type TestServer, type TestSocket } from '../test/server.js'
import { startSmtp, type TestSmtp } from '../test/smtp.js'
import { hashPassword } from '../auth/password.js'
import { runDueReminders } from './commands.js'
import { upsertSubscription } from '../data/push.js'

let db: Database
let server: TestServer
let s: SmallSchool
let smtp: TestSmtp
let transport: MailTransport
let vp: Client
let admin: Client
let teacher1: Client
let suzuki: Client
let tanaka: Client
/** Taro's second guardian (his father): answers after his mother. */
let makoto: Client
let board: TestSocket
let teacherSocket: TestSocket
let suzukiSocket: TestSocket
let tanakaSocket: TestSocket
let makotoId: number

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'sft')
  await db.sql`update guardian set email = 'akemi@example.jp', language = 'en' where id = ${s.guardians.suzuki}`
  await db.sql`update guardian set email = 'ken@example.jp' where id = ${s.guardians.tanaka}`
  makotoId = await createGuardian(db.sql, { loginId: 'sft-makoto', passwordHash: await hashPassword(PASSWORD), familyName: '鈴木', givenName: '誠', email: 'makoto@example.jp', phone: '090-0000-0003' })
  await linkGuardian(db.sql, { schoolId: s.schoolId, guardianId: makotoId, pupilId: s.pupils.taro })
  server = await startTestServer(db, '2026-12-01T10:00:00+09:00', { mail: { mode: 'smtp', publicUrl: 'https://asagao.example.jp' } })
  smtp = await startSmtp()
  transport = smtpTransport(`smtp://127.0.0.1:${smtp.port}`, 'school@example.jp')
  vp = await new Client(server).login(s.login.vp)
  admin = await new Client(server).login(s.login.admin)
  teacher1 = await new Client(server).login(s.login.teacher1)
  suzuki = await new Client(server).login(s.login.suzuki)
  tanaka = await new Client(server).login(s.login.tanaka)
  makoto = await new Client(server).login('sft-makoto')
  const created = await admin.post('/api/admin/board-devices', { name: '職員室モニター' })
  const boardClient = new Client(server)
  await boardClient.post('/api/board/pair', { code: created.body.pairingCode.toLowerCase().replaceAll('-', ' ') })
  board = await boardClient.socket('board')
  teacherSocket = await teacher1.socket()
  suzukiSocket = await suzuki.socket()
  tanakaSocket = await tanaka.socket()
})
afterAll(async () => {
  for (const sock of [board, teacherSocket, suzukiSocket, tanakaSocket]) sock?.disconnect()
  transport?.close()
  await smtp?.close()
  await server?.close()
  await db?.close()
})

const deliver = () => deliverOutbox(db.sql, server.clock, transport, silentLog)
const byClass = (b: SafetyBoard, classId: number) => b.classes.find((c) => c.classId === classId)!

/** Whether nothing at all was written by `act`. */
async function writesNothing(act: () => Promise<{ status: number; body: any }>, status: number, code: string): Promise<void> {
  const before = await tableChecksums(db.sql)
  const res = await act()
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  expect(res.body.error.code).toBe(code)
  expect(changedTables(before, await tableChecksums(db.sql))).toEqual([])
}

let id: number

describe('安否確認', () => {
  it('only the roles the policy names may start one: a teacher, a guardian and a board cannot', async () => {
    const body = { template: 'drill', situation: 'out_of_school' }
    await writesNothing(() => teacher1.post('/api/safety', body), 403, 'FORBIDDEN')
    await writesNothing(() => suzuki.post('/api/safety', body), 403, 'FORBIDDEN')
    await writesNothing(() => vp.post('/api/safety', { ...body, template: 'free' }), 400, 'BAD_REQUEST')
    await writesNothing(() => vp.post('/api/safety', { ...body, target: { kind: 'grades', grades: [6] } }), 422, 'SAFETY_NO_TARGETS')
  })

  it('the 教頭 starts a drill for the whole school: boards and staff get the tally in sequence, families hear of it, the outbox holds one e-mail per guardian and an urgent push per device', async () => {
    // One device of the Suzuki family is subscribed; it gets the push in the guardian's language.
    const now = new Date().toISOString()
    await upsertSubscription(db.sql, { guardianId: s.guardians.suzuki, endpoint: 'https://fcm.googleapis.com/fcm/send/safety-test', p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', auth: 'tBHItJI5svbpez7KI4CCXg', userAgent: 'test', now })
    const boardEvent = nextEvent(board, 'safety:changed')
    const teacherEvent = nextEvent(teacherSocket, 'safety:changed')
    const familyEvent = nextEvent(suzukiSocket, 'family:safety')
    const before = (await db.sql<{ seq: number }[]>`select seq from school where id = ${s.schoolId}`)[0]!.seq
    const res = await vp.post('/api/safety', { template: 'drill', situation: 'out_of_school', reminderEveryMinutes: 30 })
    expect(res.status).toBe(201)
    id = res.body.id
    const e: SafetyChanged = await boardEvent
    expect(e.seq).toBe(before + 1)
    expect(e.confirmationId).toBe(id)
    expect(e.safety).toMatchObject({ id, drill: true, template: 'drill', title: '安否確認訓練', startedBy: '小林 先生', closedAt: null, reminders: 0 })
    expect(e.safety!.totals).toEqual({ targets: 4, answered: 0, safe: 0, support: 0, unanswered: 4 })
    expect(e.safety!.classes.map((c) => [c.label, c.targets])).toEqual([['1年1組', 2], ['2年1組', 2]])
    expect((await teacherEvent).seq).toBe(e.seq)
    expect(await familyEvent).toEqual({ schoolId: s.schoolId, seq: e.seq, confirmationId: id })

    // Nothing waited on SMTP: the rows are in the outbox, the worker delivers them.
    const rows = await db.sql<{ recipient: string; status: string }[]>`select recipient, status from outbox where safety_id = ${id} order by recipient`
    expect(rows).toEqual([
      { recipient: 'akemi@example.jp', status: 'pending' },
      { recipient: 'ken@example.jp', status: 'pending' },
      { recipient: 'makoto@example.jp', status: 'pending' },
    ])
    expect(await deliver()).toEqual({ sent: 3, failed: 0, released: 0 })
    const ken = smtp.received.find((m) => m.to.includes('ken@example.jp'))!
    expect(ken.subject).toBe('【訓練】【sft小学校】安否確認のお願い')
    expect(ken.text).toContain('田中 健 様')
    expect(ken.text).toContain('田中 花子について')
    expect(ken.text).toContain(`https://asagao.example.jp/guardian/?safety=${id}`)
    expect(ken.text).toContain('これは訓練です。実際の災害ではありません。')
    // Siblings: one e-mail for both children, in the guardian's language, with the school's Japanese after it.
    const akemi = smtp.received.find((m) => m.to.includes('akemi@example.jp'))!
    expect(akemi.subject).toBe('[DRILL] [sft小学校] Safety check: please answer')
    expect(akemi.text).toContain('鈴木 太郎 and 鈴木 次郎')
    expect(akemi.text).toContain('お子さまとご家族は無事ですか')

    const pushes = await db.sql<{ payload: string; urgency: string; kind: string }[]>`select payload, urgency, kind from push_outbox`
    expect(pushes).toHaveLength(1)
    expect(pushes[0]).toMatchObject({ urgency: 'high', kind: 'safety' })
    expect(JSON.parse(pushes[0]!.payload)).toEqual({ lang: 'en', title: '[DRILL] [sft小学校] Safety check: please answer', body: '', url: `/guardian/?safety=${id}`, tag: `safety-${id}` })
  })

  it('the snapshot of a board or teacher that (re)connects carries safety mode at its sequence', async () => {
    const ack = (await board.emitWithAck('day:snapshot', {})) as any
    expect(ack.ok).toBe(true)
    expect(ack.snapshot.safety).toMatchObject({ id, totals: { targets: 4, unanswered: 4 } })
    const t = (await teacherSocket.emitWithAck('day:snapshot', {})) as any
    expect(t.snapshot.safety.id).toBe(id)
  })

  it('a second confirmation cannot start while one is open', async () => {
    await writesNothing(() => vp.post('/api/safety', { template: 'earthquake', situation: 'out_of_school' }), 409, 'SAFETY_ALREADY_OPEN')
  })

  it('a guardian cannot answer for another family’s child', async () => {
    await writesNothing(() => tanaka.post(`/api/guardian/safety/${id}/answer`, { answers: [{ pupilId: s.pupils.taro, status: 'safe', whereabouts: 'home' }] }), 403, 'FORBIDDEN')
    await writesNothing(
      () => tanaka.post(`/api/guardian/safety/${id}/answer`, { answers: [{ pupilId: s.pupils.hanako, status: 'safe', whereabouts: 'home' }, { pupilId: s.pupils.other, status: 'safe', whereabouts: 'home' }] }),
      403, 'FORBIDDEN',
    )
    // Outside school hours the question of where the child is must be answered.
    await writesNothing(() => tanaka.post(`/api/guardian/safety/${id}/answer`, { answers: [{ pupilId: s.pupils.hanako, status: 'safe' }] }), 400, 'BAD_REQUEST')
    // Staff do not answer as guardians.
    await writesNothing(() => vp.post(`/api/guardian/safety/${id}/answer`, { answers: [{ pupilId: s.pupils.hanako, status: 'safe', whereabouts: 'home' }] }), 403, 'FORBIDDEN')
  })

  it('siblings are answered together and the board tally follows live; only their own family hears of it', async () => {
    const heardByTanaka: unknown[] = []
    tanakaSocket.on('family:safety', (e) => heardByTanaka.push(e))
    const family = nextEvent(suzukiSocket, 'family:safety')
    const live = nextEvent(board, 'safety:changed')
    const res = await suzuki.post(`/api/guardian/safety/${id}/answer`, {
      answers: [
        { pupilId: s.pupils.taro, status: 'safe', whereabouts: 'home' },
        { pupilId: s.pupils.jiro, status: 'injured', whereabouts: 'home', note: '膝をすりむきました' },
      ],
    })
    expect(res.status).toBe(200)
    const e = await live
    expect(e.safety!.totals).toEqual({ targets: 4, answered: 2, safe: 1, support: 1, unanswered: 2 })
    expect(byClass(e.safety!, s.classes.c1)).toMatchObject({ answered: 1, safe: 1, support: 0, unanswered: 1 })
    expect(byClass(e.safety!, s.classes.c2)).toMatchObject({ answered: 1, safe: 0, support: 1, unanswered: 1 })
    expect((await family).seq).toBe(e.seq)
    // The event reached the Suzukis' socket after the board's; Tanaka's would have come with it.
    await new Promise((r) => setTimeout(r, 100))
    expect(heardByTanaka).toEqual([])
    tanakaSocket.off('family:safety')
  })

  it('the first guardian’s answer counts; a second guardian’s is kept and shown; the first may change theirs', async () => {
    expect((await makoto.post(`/api/guardian/safety/${id}/answer`, { answers: [{ pupilId: s.pupils.taro, status: 'unknown', whereabouts: 'other', note: '連絡がとれません' }] })).status).toBe(200)
    let detail = (await vp.get(`/api/safety/${id}`)).body
    let taro = detail.rows.find((r: any) => r.pupilId === s.pupils.taro)
    expect(taro.answer).toMatchObject({ guardian: '鈴木 明美', status: 'safe', counts: true })
    expect(taro.answers.map((a: any) => [a.guardian, a.status, a.counts])).toEqual([['鈴木 誠', 'unknown', false], ['鈴木 明美', 'safe', true]])
    expect(detail.safety.totals).toMatchObject({ safe: 1, support: 1 })

    server.clock.advance(60_000)
    expect((await suzuki.post(`/api/guardian/safety/${id}/answer`, { answers: [{ pupilId: s.pupils.taro, status: 'other', whereabouts: 'shelter', note: '公民館にいます' }] })).status).toBe(200)
    detail = (await vp.get(`/api/safety/${id}`)).body
    taro = detail.rows.find((r: any) => r.pupilId === s.pupils.taro)
    expect(taro.answer).toMatchObject({ guardian: '鈴木 明美', status: 'other', whereabouts: 'shelter', counts: true })
    expect(taro.answers).toHaveLength(3)
    expect(detail.safety.totals).toEqual({ targets: 4, answered: 2, safe: 0, support: 1, unanswered: 2 })

    // The father's page shows his own answer and the one that counts.
    const mine = (await makoto.get('/api/guardian/safety')).body.confirmations[0]
    expect(mine).toMatchObject({ id, open: true, drill: true })
    expect(mine.children).toHaveLength(1)
    expect(mine.children[0].mine).toMatchObject({ status: 'unknown', counts: false })
    expect(mine.children[0].counting).toMatchObject({ guardian: '鈴木 明美', status: 'other' })
  })

  it('teachers see only their class; the office sees the non-responders with phone numbers and calls', async () => {
    const t = (await teacher1.get(`/api/safety/${id}`)).body
    expect(t.rows.map((r: any) => r.pupilId).sort()).toEqual([s.pupils.taro, s.pupils.hanako].sort())
    expect(t.safety.totals.targets).toBe(4)
    expect((await suzuki.get(`/api/safety/${id}`)).status).toBe(403)
    // The office records a call with the existing call records; it shows on the confirmation.
    expect((await vp.post('/api/office/calls', { pupilId: s.pupils.other, outcome: 'no_answer', note: '' })).status).toBe(200)
    const office = (await vp.get(`/api/safety/${id}`)).body
    const unanswered = office.rows.filter((r: any) => r.answer === null)
    expect(unanswered.map((r: any) => r.pupilId).sort()).toEqual([s.pupils.hanako, s.pupils.other].sort())
    expect(unanswered.find((r: any) => r.pupilId === s.pupils.hanako).phones).toEqual([{ guardian: '田中 健', phone: '090-0000-0002' }])
    expect(unanswered.find((r: any) => r.pupilId === s.pupils.other).calls).toMatchObject([{ by: '小林 先生', outcome: 'no_answer' }])
    expect((await teacher1.post(`/api/safety/${id}/remind`)).status).toBe(403)
  })

  it('a reminder goes to the families that have not answered, and to no one else', async () => {
    smtp.received.length = 0
    const live = nextEvent(board, 'safety:changed')
    const res = await vp.post(`/api/safety/${id}/remind`)
    expect(res.body).toEqual({ ok: true, families: 1, pupils: 2 })
    expect((await live).safety).toMatchObject({ reminders: 1 })
    expect(await deliver()).toEqual({ sent: 1, failed: 0, released: 0 })
    expect(smtp.received.map((m) => m.to)).toEqual([['ken@example.jp']])
    expect(smtp.received[0]!.subject).toBe('【訓練】【sft小学校】安否確認:まだ回答がありません')
  })

  it('scheduled reminders: due an interval after the last one, only to non-responders', async () => {
    smtp.received.length = 0
    expect(await runDueReminders({ ...depsOf() })).toBe(0)
    expect((await tanaka.post(`/api/guardian/safety/${id}/answer`, { answers: [{ pupilId: s.pupils.hanako, status: 'safe', whereabouts: 'school' }] })).status).toBe(200)
    server.clock.advance(30 * 60_000)
    // Three processes check at once: one sends it.
    const runs = await Promise.all([1, 2, 3].map(() => runDueReminders({ ...depsOf() })))
    expect(runs.reduce((a, b) => a + b)).toBe(1)
    expect(await runDueReminders({ ...depsOf() })).toBe(0)
    const [last] = await db.sql<{ sentBy: number | null; families: number; pupils: number }[]>`select sent_by, families, pupils from safety_reminder where confirmation_id = ${id} order by id desc limit 1`
    // Only 佐藤 三郎 is left, and his family has no guardian account: nobody to e-mail, the reminder still recorded.
    expect(last).toEqual({ sentBy: null, families: 0, pupils: 1 })
    expect(await deliver()).toEqual({ sent: 0, failed: 0, released: 0 })
    expect(smtp.received).toEqual([])
  })

  it('closing freezes the confirmation: boards leave safety mode, answers are refused, nothing more is sent', async () => {
    await writesNothing(() => teacher1.post(`/api/safety/${id}/close`), 403, 'FORBIDDEN')
    const live = nextEvent(board, 'safety:changed')
    const family = nextEvent(suzukiSocket, 'family:safety')
    expect((await vp.post(`/api/safety/${id}/close`)).status).toBe(200)
    const e = await live
    expect(e).toMatchObject({ confirmationId: id, safety: null })
    expect((await family).confirmationId).toBe(id)
    const snap = (await board.emitWithAck('day:snapshot', {})) as any
    expect(snap.snapshot.safety).toBeNull()

    await writesNothing(() => suzuki.post(`/api/guardian/safety/${id}/answer`, { answers: [{ pupilId: s.pupils.taro, status: 'safe', whereabouts: 'home' }] }), 409, 'SAFETY_CLOSED')
    await writesNothing(() => vp.post(`/api/safety/${id}/remind`), 409, 'SAFETY_CLOSED')
    await writesNothing(() => vp.post(`/api/safety/${id}/close`), 409, 'SAFETY_CLOSED')
    server.clock.advance(60 * 60_000)
    expect(await runDueReminders({ ...depsOf() })).toBe(0)
    const g = (await suzuki.get('/api/guardian/safety')).body.confirmations[0]
    expect(g).toMatchObject({ id, open: false })
  })

  it('the report: print data and CSV in UTF-8 with BOM or Shift_JIS, with who answered what and when, and who was called', async () => {
    const report = (await vp.get(`/api/safety/${id}/report`)).body
    expect(report.schoolName).toBe('sft小学校')
    expect(report.safety.closedAt).not.toBeNull()
    expect(report.rows).toHaveLength(4)
    expect((await teacher1.get(`/api/safety/${id}/report`)).status).toBe(403)

    const utf8 = await fetch(`${server.url}/api/safety/${id}/report.csv`, { headers: { cookie: vp.cookie } })
    const bytes = Buffer.from(await utf8.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString('utf8')
    expect(text).toContain('【訓練】安否確認訓練')
    expect(text).toContain('1年1組,1,鈴木 太郎,すずき たろう,その他,避難所,,,公民館にいます,鈴木 明美,12月1日(火) 10:01')
    expect(text).toContain('鈴木 誠: 不明 (連絡がとれません)')
    expect(text).toMatch(/2年1組,2,佐藤 三郎,さとう さぶろう,未回答,.*小林 先生: 出ない/)

    const sjis = await fetch(`${server.url}/api/safety/${id}/report.csv?encoding=sjis`, { headers: { cookie: vp.cookie } })
    expect(sjis.headers.get('content-type')).toContain('Shift_JIS')
    expect(iconv.decode(Buffer.from(await sjis.arrayBuffer()), 'cp932')).toContain('鈴木 次郎,すずき じろう,けが,自宅')
  })

  it('in school hours the families are asked about pick-up; a grade target reaches only that grade', async () => {
    const res = await admin.post('/api/safety', { template: 'intruder', situation: 'in_school', target: { kind: 'grades', grades: [2] } })
    expect(res.status).toBe(201)
    const second = res.body.id
    const overview = (await vp.get('/api/safety')).body
    expect(overview.open).toMatchObject({ id: second, situation: 'in_school', drill: false, title: '不審者情報に伴う安否確認', totals: { targets: 2 } })
    expect(overview.recent.map((b: any) => b.id)).toEqual([second, id])
    await writesNothing(() => tanaka.post(`/api/guardian/safety/${second}/answer`, { answers: [{ pupilId: s.pupils.hanako, status: 'safe', pickup: 'parent' }] }), 404, 'SAFETY_NOT_FOUND')
    await writesNothing(() => suzuki.post(`/api/guardian/safety/${second}/answer`, { answers: [{ pupilId: s.pupils.jiro, status: 'safe' }] }), 400, 'BAD_REQUEST')
    await writesNothing(
      () => suzuki.post(`/api/guardian/safety/${second}/answer`, { answers: [{ pupilId: s.pupils.jiro, status: 'safe', pickup: 'parent' }, { pupilId: s.pupils.taro, status: 'safe', pickup: 'parent' }] }),
      404, 'PUPIL_NOT_FOUND',
    )
    expect((await suzuki.post(`/api/guardian/safety/${second}/answer`, { answers: [{ pupilId: s.pupils.jiro, status: 'safe', pickup: 'parent', pickupTime: '15:30' }] })).status).toBe(200)
    const row = (await vp.get(`/api/safety/${second}`)).body.rows.find((r: any) => r.pupilId === s.pupils.jiro)
    expect(row.answer).toMatchObject({ whereabouts: 'school', pickup: 'parent', pickupTime: '15:30' })
    expect((await admin.post(`/api/safety/${second}/close`)).status).toBe(200)
  })
})

function depsOf() {
  return { sql: db.sql, dbMode: db.mode, clock: server.clock, log: silentLog, publish: server.publish, buildId: 'test-build', version: 'test', mail: { mode: 'smtp' as const, publicUrl: 'https://asagao.example.jp' } }
}
