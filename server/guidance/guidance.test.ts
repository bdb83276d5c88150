import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GuidanceView } from '../../shared/protocol/guidance.js'
import type { Database } from '../db/types.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { Client, startTestServer, type TestServer } from '../test/server.js'

let db: Database
let server: TestServer
let s: SmallSchool
const code = async (c: string) => (await db.sql<{ id: number }[]>`select id from attendance_code where school_id = ${s.schoolId} and code = ${c}`)[0]!.id

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'gui')
  const mark = async (pupilId: number, dates: string[], c: string) => {
    const codeId = await code(c)
    for (const date of dates) await db.sql`insert into attendance_log (school_id, seq, pupil_id, date, code_id, source) values (${s.schoolId}, 0, ${pupilId}, ${date}, ${codeId}, 'teacher')`
  }
  // taro: the first 8 school days of October (10/12 is スポーツの日), then 11/26, 11/27 and
  // Monday 11/30: 11 in the year, crossing 10 this month, a streak of 3 over the weekend.
  await mark(s.pupils.taro, ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09', '2026-10-13'], 'absent_sick')
  await mark(s.pupils.taro, ['2026-11-26', '2026-11-27', '2026-11-30'], 'absent_sick')
  // jiro: every school day from 9/1 to 10/19 (9/21–23 シルバーウィーク, 10/12): 19 + 12 = 31, 長期欠席.
  await mark(s.pupils.jiro, [
    '2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-09-07', '2026-09-08', '2026-09-09', '2026-09-10', '2026-09-11',
    '2026-09-14', '2026-09-15', '2026-09-16', '2026-09-17', '2026-09-18', '2026-09-24', '2026-09-25', '2026-09-28', '2026-09-29', '2026-09-30',
    '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09', '2026-10-13', '2026-10-14', '2026-10-15',
    '2026-10-16', '2026-10-19',
  ], 'absent_other')
  server = await startTestServer(db) // Monday 2026-11-30 07:45 JST
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

describe('the guidance view', () => {
  it('ranks pupils by cumulative absences with streak, trend and thresholds crossed this month', async () => {
    const vp = await new Client(server).login(s.login.vp)
    const res = await vp.get('/api/guidance')
    expect(res.status).toBe(200)
    const v = res.body as GuidanceView
    // Ties (hanako, other: no absences) by grade, then class and number.
    // Trend weeks ending 11/30: [10/20–26, 10/27–11/2, 11/3–9, 11/10–16, 11/17–23, 11/24–30].
    const none = [0, 0, 0, 0, 0, 0]
    expect(v.pupils.map(({ pupilId, classLabel, cumulative, monthAbsent, streak, trend, crossed }) => ({ pupilId, classLabel, cumulative, monthAbsent, streak, trend, crossed }))).toEqual([
      { pupilId: s.pupils.jiro, classLabel: '2年1組', cumulative: 31, monthAbsent: 0, streak: 0, trend: none, crossed: [] },
      { pupilId: s.pupils.taro, classLabel: '1年1組', cumulative: 11, monthAbsent: 3, streak: 3, trend: [0, 0, 0, 0, 0, 3], crossed: [10] },
      { pupilId: s.pupils.hanako, classLabel: '1年1組', cumulative: 0, monthAbsent: 0, streak: 0, trend: none, crossed: [] },
      { pupilId: s.pupils.other, classLabel: '2年1組', cumulative: 0, monthAbsent: 0, streak: 0, trend: none, crossed: [] },
    ])
  })

  it('shows a homeroom teacher only their class', async () => {
    const t1 = await new Client(server).login(s.login.teacher1)
    const v = (await t1.get('/api/guidance')).body as GuidanceView
    expect(v.pupils.map((p) => p.pupilId).sort()).toEqual([s.pupils.taro, s.pupils.hanako].sort())
  })

  it('keeps a memo, a reason category and the board-of-education mark', async () => {
    const vp = await new Client(server).login(s.login.vp)
    const save = await vp.post(`/api/guidance/notes/${s.pupils.jiro}`, { memo: '家庭訪問 11/20', longAbsenceReason: 'truancy', reportedToBoard: true })
    expect(save.status).toBe(200)
    const jiro = ((await vp.get('/api/guidance')).body as GuidanceView).pupils.find((p) => p.pupilId === s.pupils.jiro)!
    expect(jiro).toMatchObject({ memo: '家庭訪問 11/20', longAbsenceReason: 'truancy' })
    expect(jiro.reportedToBoardAt).not.toBeNull()
    const t1 = await new Client(server).login(s.login.teacher1)
    expect((await t1.post(`/api/guidance/notes/${s.pupils.jiro}`, { memo: 'x', longAbsenceReason: null, reportedToBoard: false })).status).toBe(403)
    expect((await vp.post(`/api/guidance/notes/${s.pupils.jiro}`, { memo: 'x', longAbsenceReason: 'lazy', reportedToBoard: false })).status).toBe(400)
  })
})

describe('board-of-education exports', () => {
  const csv = async (client: Client, path: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: { cookie: client.cookie, origin: server.url } })
    return { status: res.status, text: Buffer.from(await res.arrayBuffer()).subarray(3).toString('utf8') }
  }

  it('lists pupils at or above 30 days with the reason category', async () => {
    const vp = await new Client(server).login(s.login.vp)
    await vp.post(`/api/guidance/notes/${s.pupils.jiro}`, { memo: '', longAbsenceReason: 'truancy', reportedToBoard: true })
    const r = await csv(vp, '/api/guidance/long-absence.csv?month=2026-11')
    expect(r.status).toBe(200)
    const lines = r.text.trim().split('\r\n')
    expect(lines).toHaveLength(2)
    // 31 in the year, none in November, no 出席停止, 162 school days April–November.
    expect(lines[1]).toMatch(/^2,1組,1,鈴木 次郎,すずき じろう,31,0,0,162,不登校,2026-11-\d\d$/)
    const t1 = await new Client(server).login(s.login.teacher1)
    expect((await csv(t1, '/api/guidance/long-absence.csv?month=2026-11')).status).toBe(403)
  })

  it('counts the day\'s absentees by class, reason and symptom', async () => {
    const guardian = await new Client(server).login(s.login.tanaka)
    const [reason] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} and label = '発熱'`
    const sent = await guardian.post('/api/guardian/reports', {
      idempotencyKey: 'guidance-test-0001', pupilIds: [s.pupils.hanako], kind: 'absent', fromDate: '2026-11-30', toDate: '2026-11-30',
      reasonId: reason!.id, symptoms: ['せき', '発熱'], temperature: 38.1, message: '',
    })
    expect(sent.status).toBe(201)
    const vp = await new Client(server).login(s.login.vp)
    const lines = (await csv(vp, '/api/guidance/daily-absentees.csv?date=2026-11-30')).text.trim().split('\r\n')
    expect(lines[0]).toBe('日付,学年,学級,在籍者数,欠席者数,出席停止・忌引等,理由:発熱,症状:せき,症状:発熱')
    // 1年1組: taro (欠席, no report) and hanako (欠席, 発熱 with two symptoms).
    expect(lines[1]).toBe('2026-11-30,1,1組,2,2,0,1,1,1')
    expect(lines[2]).toBe('2026-11-30,2,1組,2,0,0,0,0,0') // jiro's 31 days ended in October
  })
})
