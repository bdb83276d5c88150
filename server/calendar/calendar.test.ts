import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CalendarYear, RegisterMonth } from '../../shared/protocol/index.js'
import type { Database } from '../db/types.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { Client, startTestServer, type TestServer } from '../test/server.js'

let db: Database
let server: TestServer
let s: SmallSchool
let other: SmallSchool

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'cal')
  other = await smallSchool(db.sql, 'cao')
  server = await startTestServer(db) // Monday 2026-11-30 07:45 JST
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

const month = async (c: Client, classId: number, m = '2026-11') => (await c.get(`/api/register/month?classId=${classId}&month=${m}`)).body as RegisterMonth

describe('editing the calendar', () => {
  it('closes days and adds a Saturday class day; the register follows', async () => {
    const admin = await new Client(server).login(s.login.admin)
    const before = ((await admin.get('/api/calendar')).body as CalendarYear).schoolDayCount
    expect((await admin.post('/api/calendar/days', { from: '2026-12-24', to: '2026-12-25', kind: 'closed', label: '冬季休業' })).status).toBe(200)
    expect((await admin.post('/api/calendar/days', { from: '2026-12-05', to: '2026-12-05', kind: 'extra_school_day', label: '土曜授業' })).status).toBe(200)
    const cal = (await admin.get('/api/calendar')).body as CalendarYear
    expect(cal.schoolDayCount).toBe(before - 2 + 1)
    expect(cal.holidays).toContainEqual({ date: '2026-11-23', name: '勤労感謝の日' })
    const dec = await month(admin, s.classes.c1, '2026-12')
    expect(dec.days).toContain('2026-12-05')
    expect(dec.days).not.toContain('2026-12-24')
    await admin.post('/api/calendar/days', { from: '2026-12-24', to: '2026-12-24', kind: 'clear' })
    expect((await month(admin, s.classes.c1, '2026-12')).days).toContain('2026-12-24')
  })

  it('is edited only by administrators, within a school year, with a valid range', async () => {
    const t1 = await new Client(server).login(s.login.teacher1)
    expect((await t1.post('/api/calendar/days', { from: '2026-12-24', to: '2026-12-25', kind: 'closed' })).status).toBe(403)
    expect((await t1.get('/api/calendar')).status).toBe(200)
    const admin = await new Client(server).login(s.login.admin)
    expect((await admin.post('/api/calendar/days', { from: '2027-03-30', to: '2027-04-02', kind: 'closed' })).body.error.code).toBe('DATE_OUTSIDE_SCHOOL_YEAR')
    const backwards = await admin.post('/api/calendar/days', { from: '2026-12-25', to: '2026-12-24', kind: 'closed' })
    expect(backwards.status).toBe(400)
    expect(backwards.body.error.fields.to).toBe('終わりの日が始まりの日より前です')
  })

  it('closes one class (学級閉鎖) without touching the other', async () => {
    const admin = await new Client(server).login(s.login.admin)
    expect((await admin.post('/api/calendar/closures', { from: '2026-11-18', to: '2026-11-19' })).body.error.code).toBe('CLOSURE_TARGET_REQUIRED')
    expect((await admin.post('/api/calendar/closures', { classId: other.classes.c1, from: '2026-11-18', to: '2026-11-19' })).status).toBe(404)
    const made = await admin.post('/api/calendar/closures', { classId: s.classes.c1, from: '2026-11-18', to: '2026-11-19', label: 'インフルエンザ' })
    expect(made.status).toBe(201)
    expect((await month(admin, s.classes.c1)).pupils[0]!.month.excusedDays).toBe(2)
    expect((await month(admin, s.classes.c2)).pupils[0]!.month.excusedDays).toBe(0)
    await admin.post('/api/calendar/closures', { grade: 2, from: '2026-11-20', to: '2026-11-20' })
    expect((await month(admin, s.classes.c2)).pupils[0]!.month.excusedDays).toBe(1)
    const cal = (await admin.get('/api/calendar')).body as CalendarYear
    expect(cal.closures.map((c) => c.target)).toEqual(['1年1組', '2年(学年閉鎖)'])
    await admin.post(`/api/calendar/closures/${made.body.id}/delete`)
    expect((await month(admin, s.classes.c1)).pupils[0]!.month.excusedDays).toBe(0)
  })
})

describe('school events', () => {
  it('reach the guardians of the school when marked visible', async () => {
    const admin = await new Client(server).login(s.login.admin)
    expect((await admin.post('/api/calendar/events', { from: '2026-12-10', to: '2026-12-10', title: '音楽会' })).status).toBe(201)
    await admin.post('/api/calendar/events', { from: '2026-12-11', to: '2026-12-11', title: '職員会議', visibleToGuardians: false })
    expect((await admin.post('/api/calendar/events', { from: '2026-12-11', to: '2026-12-11', title: '' })).status).toBe(400)
    const suzuki = await new Client(server).login(s.login.suzuki)
    const mine = await suzuki.get('/api/calendar/guardian-events?month=2026-12')
    expect(mine.body.events.map((e: { title: string }) => e.title)).toEqual(['音楽会'])
    const stranger = await new Client(server).login(other.login.suzuki)
    expect((await stranger.get('/api/calendar/guardian-events?month=2026-12')).body.events).toEqual([])
    expect((await admin.get('/api/calendar/guardian-events')).status).toBe(403)
  })
})

describe('出席停止 calculator', () => {
  const flu = (pupilId: number, feverBroke?: string) => ({ pupilId, input: { disease: 'influenza', onset: '2026-11-16', ...(feverBroke ? { feverBroke } : {}) } })

  it('proposes the range by 第19条 and applies it as new log rows on school days only', async () => {
    const vp = await new Client(server).login(s.login.vp)
    const p = await vp.post('/api/register/suspension/propose', flu(s.pupils.hanako, '2026-11-18'))
    // Onset 11/16 (day 0) + 5 days → suspended through Saturday 11/21; fever 11/18 + 2 days → 11/20.
    // Sunday, then 勤労感謝の日 on Monday 11/23: back on Tuesday 11/24.
    expect(p.body.plan).toMatchObject({ ok: true, from: '2026-11-16', lastDay: '2026-11-21', returnOn: '2026-11-24' })
    expect(p.body.plan.schoolDays).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'])
    expect((await vp.post('/api/register/suspension/apply', flu(s.pupils.hanako, '2026-11-18'))).status).toBe(200)
    const hanako = (await month(vp, s.classes.c1)).pupils.find((x) => x.pupilId === s.pupils.hanako)!
    expect(hanako.cells['2026-11-16']!.label).toBe('出席停止(感染症)')
    expect(hanako.month.excusedDays).toBe(5)
  })

  it('brings the pupil back on the first school day: a vacation moves the return, a closure of the class does not', async () => {
    const admin = await new Client(server).login(s.login.admin)
    await admin.post('/api/calendar/days', { from: '2026-12-25', to: '2027-01-07', kind: 'closed', label: '冬季休業' })
    await admin.post('/api/calendar/closures', { classId: s.classes.c1, from: '2026-11-24', to: '2026-11-25', label: '学級閉鎖' })
    const vp = await new Client(server).login(s.login.vp)
    expect((await vp.post('/api/register/suspension/propose', flu(s.pupils.hanako, '2026-11-18'))).body.plan).toMatchObject({ lastDay: '2026-11-21', returnOn: '2026-11-24' })
    // Onset 12/19 + 5 → through Thursday 12/24; fever 12/21 + 2 → 12/23. 冬季休業 from 12/25: back on Friday 1/8.
    const winter = { pupilId: s.pupils.hanako, input: { disease: 'influenza', onset: '2026-12-19', feverBroke: '2026-12-21' } }
    expect((await vp.post('/api/register/suspension/propose', winter)).body.plan).toMatchObject({ lastDay: '2026-12-24', returnOn: '2027-01-08', schoolDays: ['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24'] })
  })

  it('asks for the missing date and is applied by the nurse or the office only', async () => {
    const vp = await new Client(server).login(s.login.vp)
    expect((await vp.post('/api/register/suspension/propose', flu(s.pupils.taro))).body.plan).toMatchObject({ ok: false, missing: 'feverBroke' })
    expect((await vp.post('/api/register/suspension/apply', flu(s.pupils.taro))).body.error.code).toBe('SUSPENSION_INCOMPLETE')
    const t1 = await new Client(server).login(s.login.teacher1)
    expect((await t1.post('/api/register/suspension/apply', flu(s.pupils.taro, '2026-11-18'))).status).toBe(403)
  })
})

describe('end-of-day resolution', () => {
  it('makes a pupil with no mark 出席 and flags an unresolved 未登校 without turning it into 欠席', async () => {
    const [code] = await db.sql<{ id: number }[]>`select id from attendance_code where school_id = ${s.schoolId} and code = 'not_arrived'`
    await db.sql`insert into attendance_log (school_id, seq, pupil_id, date, code_id, source) values (${s.schoolId}, 0, ${s.pupils.taro}, '2026-11-30', ${code!.id}, 'teacher')`
    const t1 = await new Client(server).login(s.login.teacher1)
    const r = await t1.post('/api/register/resolve', { classId: s.classes.c1, date: '2026-11-30' })
    expect(r.body).toEqual({ ok: true, markedPresent: 1, unresolved: [{ pupilId: s.pupils.taro, name: '鈴木 太郎' }] })
    const m = await month(t1, s.classes.c1)
    expect(m.pupils.find((p) => p.pupilId === s.pupils.taro)!.cells['2026-11-30']!.label).toBe('未登校')
    expect(m.pupils.find((p) => p.pupilId === s.pupils.hanako)!.cells['2026-11-30']!.label).toBe('出席')
    expect(m.pupils.find((p) => p.pupilId === s.pupils.taro)!.month.unresolved).toBe(1)
    // A second resolution finds nothing new to mark.
    expect((await t1.post('/api/register/resolve', { classId: s.classes.c1, date: '2026-11-30' })).body.markedPresent).toBe(0)
    expect((await t1.post('/api/register/resolve', { classId: s.classes.c2, date: '2026-11-30' })).status).toBe(403)
  })
})
