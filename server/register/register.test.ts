import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RegisterMonth } from '../../shared/protocol/register.js'
import type { Database } from '../db/types.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { Client, nextEvent, startTestServer, type TestServer } from '../test/server.js'

let db: Database
let server: TestServer
let s: SmallSchool
let other: SmallSchool
const code = async (schoolId: number, c: string) => (await db.sql<{ id: number }[]>`select id from attendance_code where school_id = ${schoolId} and code = ${c}`)[0]!.id

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'reg')
  other = await smallSchool(db.sql, 'oth')
  const mark = async (pupilId: number, date: string, c: string) =>
    db.sql`insert into attendance_log (school_id, seq, pupil_id, date, code_id, source, actor_staff_id)
           values (${s.schoolId}, 0, ${pupilId}, ${date}, ${await code(s.schoolId, c)}, 'teacher', ${s.staff.teacher1})`
  // taro: absent Fri 11/20, then Tue 11/24 (Mon 11/23 is 勤労感謝の日) to Thu 11/26, the class is
  // closed on Fri 11/27, absent again today: a streak of 5 across a weekend, a holiday and a closure.
  for (const d of ['2026-11-20', '2026-11-24', '2026-11-25', '2026-11-26']) await mark(s.pupils.taro, d, 'absent_sick')
  await mark(s.pupils.taro, '2026-11-30', 'absent_other')
  await mark(s.pupils.hanako, '2026-11-25', 'late')
  await mark(s.pupils.hanako, '2026-11-26', 'suspension_infection')
  // A class closure of 1年1組 only, on 11/27.
  await db.sql`insert into class_closure (school_id, school_year_id, class_id, from_date, to_date, label)
               values (${s.schoolId}, ${s.yearId}, ${s.classes.c1}, '2026-11-27', '2026-11-27', '学級閉鎖')`
  server = await startTestServer(db) // Monday 2026-11-30 07:45 JST
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

describe('the monthly register', () => {
  it('shows the grid and the counts for the month and the year so far', async () => {
    const t1 = await new Client(server).login(s.login.teacher1)
    const res = await t1.get(`/api/register/month?classId=${s.classes.c1}&month=2026-11`)
    expect(res.status).toBe(200)
    const r = res.body as RegisterMonth
    expect(r.classLabel).toBe('1年1組')
    expect(r.days).toHaveLength(19) // November 2026: 21 weekdays minus 11/3 and 11/23
    const taro = r.pupils.find((p) => p.pupilId === s.pupils.taro)!
    expect(taro.cells['2026-11-20']).toMatchObject({ shortLabel: '病', corrected: false })
    expect(taro.cells['2026-11-27']).toMatchObject({ closed: true })
    expect(taro.month).toEqual({ schoolDays: 19, excusedDays: 1, requiredDays: 18, absentDays: 5, attendedDays: 13, late: 0, earlyLeave: 0, unresolved: 0 })
    expect(taro.streak).toBe(5)
    // April–November 2026 by hand: 21+18+22+22+20+19+21+19 = 162 school days (no vacations set).
    // The closure on 11/27 is taro's only excused day: 162 − 1 = 161 required, 161 − 5 = 156 attended.
    expect(taro.year).toEqual({ schoolDays: 162, excusedDays: 1, requiredDays: 161, absentDays: 5, attendedDays: 156, late: 0, earlyLeave: 0, unresolved: 0 })
    // hanako: late 11/25, 出席停止 11/26, the closure 11/27.
    const hanako = r.pupils.find((p) => p.pupilId === s.pupils.hanako)!
    expect(hanako.month).toEqual({ schoolDays: 19, excusedDays: 2, requiredDays: 17, absentDays: 0, attendedDays: 17, late: 1, earlyLeave: 0, unresolved: 0 })
  })

  it('does not apply one class closure to another class', async () => {
    const vp = await new Client(server).login(s.login.vp)
    const r = (await vp.get(`/api/register/month?classId=${s.classes.c2}&month=2026-11`)).body as RegisterMonth
    expect(r.pupils[0]!.month.excusedDays).toBe(0)
    expect(r.classes.map((c) => c.label)).toEqual(['1年1組', '2年1組'])
  })

  it('is limited to the homeroom classes of a teacher and to staff of the school', async () => {
    const t1 = await new Client(server).login(s.login.teacher1)
    expect((await t1.get(`/api/register/month?classId=${s.classes.c2}&month=2026-11`)).status).toBe(403)
    const guardian = await new Client(server).login(s.login.suzuki)
    expect((await guardian.get(`/api/register/month?classId=${s.classes.c1}&month=2026-11`)).status).toBe(403)
    const stranger = await new Client(server).login(other.login.admin)
    expect((await stranger.get(`/api/register/month?classId=${s.classes.c1}&month=2026-11`)).status).toBe(404)
    expect((await new Client(server).get(`/api/register/month?classId=${s.classes.c1}&month=2026-11`)).status).toBe(401)
    const bad = await t1.get(`/api/register/month?classId=${s.classes.c1}&month=2026-13`)
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('BAD_REQUEST')
  })
})

describe('corrections', () => {
  it('are new log rows with who, when and why, published live, with the history one call away', async () => {
    const t1 = await new Client(server).login(s.login.teacher1)
    const socket = await t1.socket()
    const changed = nextEvent(socket, 'day:changed')
    const before = await db.sql`select count(*)::int as n from attendance_log`
    const res = await t1.post('/api/register/marks', { pupilId: s.pupils.taro, date: '2026-11-20', codeId: await code(s.schoolId, 'absent_other'), note: '家庭の事情と確認' })
    expect(res.status).toBe(200)
    expect((await changed).changes[0]).toMatchObject({ pupilId: s.pupils.taro, date: '2026-11-20' })
    socket.disconnect()
    const after = await db.sql`select count(*)::int as n from attendance_log`
    expect(after[0]!.n).toBe(before[0]!.n + 1)
    const h = await t1.get(`/api/register/history?pupilId=${s.pupils.taro}&date=2026-11-20`)
    expect(h.body.rows).toHaveLength(2)
    expect(h.body.rows[0]).toMatchObject({ codeLabel: '欠席(事故)', actor: '山本 先生', note: '家庭の事情と確認', source: 'teacher' })
    expect(h.body.rows[1]).toMatchObject({ codeLabel: '欠席(病気・けが)' })
    const r = (await t1.get(`/api/register/month?classId=${s.classes.c1}&month=2026-11`)).body as RegisterMonth
    expect(r.pupils.find((p) => p.pupilId === s.pupils.taro)!.cells['2026-11-20']).toMatchObject({ shortLabel: '事', corrected: true })
  })

  it('need a reason, a school day and a code of the school', async () => {
    const t1 = await new Client(server).login(s.login.teacher1)
    const ok = { pupilId: s.pupils.taro, date: '2026-11-20', codeId: await code(s.schoolId, 'present'), note: '訂正' }
    expect((await t1.post('/api/register/marks', { ...ok, note: '' })).body.error.code).toBe('BAD_REQUEST')
    expect((await t1.post('/api/register/marks', { ...ok, date: '2026-11-23' })).body.error.code).toBe('NOT_A_SCHOOL_DAY')
    expect((await t1.post('/api/register/marks', { ...ok, codeId: await code(other.schoolId, 'present') })).body.error.code).toBe('CODE_NOT_FOUND')
    expect((await t1.post('/api/register/marks', { ...ok, pupilId: s.pupils.jiro })).status).toBe(403)
  })
})

describe('CSV export', () => {
  const csv = async (client: Client, encoding: string) => {
    const res = await fetch(`${server.url}/api/register/month.csv?classId=${s.classes.c1}&month=2026-11&encoding=${encoding}`, { headers: { cookie: client.cookie, origin: server.url } })
    return { type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) }
  }
  it('is UTF-8 with a BOM by default, and Shift_JIS on request', async () => {
    const t1 = await new Client(server).login(s.login.teacher1)
    const utf8 = await csv(t1, 'utf8')
    expect([...utf8.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = utf8.bytes.subarray(3).toString('utf8')
    expect(text).toContain('出席番号,氏名,11/2,11/4')
    expect(text).toMatch(/\r\n1,鈴木 太郎,/)
    const sjis = await csv(t1, 'sjis')
    expect(sjis.type).toContain('Shift_JIS')
    expect(sjis.bytes[0]).not.toBe(0xef)
    expect(iconv.decode(sjis.bytes, 'cp932')).toBe(text)
  })
})
