import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { changedAfterAcknowledgement } from '../../shared/domain/dayReports.js'
import type { DayEntry, RegisterMonth } from '../../shared/protocol/index.js'
import type { Database } from '../db/types.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { Client, eventWhere, startTestServer, type TestServer } from '../test/server.js'

let db: Database
let server: TestServer
let s: SmallSchool
let reason: Record<string, number>
let keyN = 0
const key = () => `thread-key-${String(++keyN).padStart(8, '0')}`

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'thr')
  const rows = await db.sql<{ id: number; label: string }[]>`select id, label from school_reason where school_id = ${s.schoolId}`
  reason = Object.fromEntries(rows.map((r) => [r.label, r.id]))
  server = await startTestServer(db) // Monday 2026-11-30 07:45 JST
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

type Body = Record<string, unknown>
const absentWithFever = (pupilIds: number[], date: string, extra: Body = {}): Body => ({
  idempotencyKey: key(), pupilIds, kind: 'absent', fromDate: date, toDate: date, reasonId: reason['発熱'],
  symptoms: ['せき'], temperature: 38.4, message: '朝から熱があります', ...extra,
})
const partDay = (pupilIds: number[], kind: 'late' | 'early_leave', date: string, time: string, extra: Body = {}): Body => ({
  idempotencyKey: key(), pupilIds, kind, fromDate: date, toDate: date, reasonId: reason['通院'], time, message: '', ...extra,
})

async function entryOf(staff: Client, pupilId: number, date: string): Promise<DayEntry | undefined> {
  const socket = await staff.socket()
  const ack = await socket.emitWithAck('day:snapshot', { date })
  socket.disconnect()
  if (!ack.ok) throw new Error(ack.error.code)
  return ack.snapshot.entries.find((e) => e.pupilId === pupilId)
}

async function currentCode(pupilId: number, date: string): Promise<string | null> {
  const [row] = await db.sql<{ code: string | null }[]>`
    select c.code from attendance_log l left join attendance_code c on c.id = l.code_id
    where l.pupil_id = ${pupilId} and l.date = ${date} order by l.id desc limit 1`
  return row?.code ?? null
}

const counts = async () => {
  const [row] = await db.sql<{ reports: number; marks: number; seq: number }[]>`
    select (select count(*)::int from guardian_report) as reports, (select count(*)::int from attendance_log) as marks,
           (select sum(seq)::int from school) as seq`
  return row!
}

describe('a second report for a pupil-day', () => {
  it('is refused without a decision, with a stable code and a Japanese message naming the child and day', async () => {
    const guardian = await new Client(server).login(s.login.tanaka)
    expect((await guardian.post('/api/guardian/reports', absentWithFever([s.pupils.hanako], '2026-12-01'))).status).toBe(201)
    const before = await counts()
    const res = await guardian.post('/api/guardian/reports', partDay([s.pupils.hanako], 'early_leave', '2026-12-01', '13:00'))
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('REPORT_EXISTS')
    expect(res.body.error.message).toContain('花子さんの12月1日(火)')
    expect(await counts()).toEqual(before)
    const bad = await guardian.post('/api/guardian/reports', partDay([s.pupils.hanako], 'early_leave', '2026-12-01', '13:00', { mode: 'both' }))
    expect(bad.body.error.code).toBe('BAD_REQUEST')
  })

  it('changes an acknowledged 欠席 with fever into an 早退: both stay in the thread, the board marks the change', async () => {
    const guardian = await new Client(server).login(s.login.tanaka)
    const teacher = await new Client(server).login(s.login.teacher1)
    const morning = await guardian.post('/api/guardian/reports', absentWithFever([s.pupils.hanako], '2026-11-30'))
    const morningId = morning.body.reports[0].id as number
    const tSocket = await teacher.socket()
    expect(await tSocket.emitWithAck('report:acknowledge', { reportId: morningId })).toEqual({ ok: true })

    const admin = await new Client(server).login(s.login.admin)
    const board = new Client(server)
    await board.post('/api/board/pair', { code: (await admin.post('/api/admin/board-devices', { name: '職員室' })).body.pairingCode })
    const boardSocket = await board.socket('board')
    const boardSaw = eventWhere(boardSocket, (e) => e.changes.some((c) => c.pupilId === s.pupils.hanako && c.entry?.reports.length === 2))

    const later = await guardian.post('/api/guardian/reports', partDay([s.pupils.hanako], 'early_leave', '2026-11-30', '13:00', { mode: 'replace' }))
    expect(later.status).toBe(201)
    const laterId = later.body.reports[0].id as number

    const entry = (await entryOf(teacher, s.pupils.hanako, '2026-11-30'))!
    expect(entry.status).toBe('early_leave')
    expect(entry.reports.map((r) => [r.id, r.kind, r.replacedBy, r.acknowledgedBy])).toEqual([
      [laterId, 'early_leave', null, null],
      [morningId, 'absent', laterId, '山本'],
    ])
    // The morning report keeps what the family said.
    expect(entry.reports[1]).toMatchObject({ temperature: 38.4, symptoms: ['せき'], message: '朝から熱があります' })
    expect(changedAfterAcknowledgement(entry.reports)).toBe(true)
    expect(await currentCode(s.pupils.hanako, '2026-11-30')).toBe('early_leave')

    // The board sees the whole thread, every report redacted.
    const onBoard = (await boardSaw).changes.find((c) => c.pupilId === s.pupils.hanako)!.entry!
    expect(onBoard.reports.map((r) => [r.message, r.temperature, r.symptoms])).toEqual([[null, null, null], [null, null, null]])
    expect(changedAfterAcknowledgement(onBoard.reports)).toBe(true)

    // Acknowledging the new report covers the change.
    expect(await tSocket.emitWithAck('report:acknowledge', { reportId: laterId })).toEqual({ ok: true })
    const acked = (await entryOf(teacher, s.pupils.hanako, '2026-11-30'))!
    expect(acked.reports.map((r) => r.acknowledgedAt !== null)).toEqual([true, true])
    expect(changedAfterAcknowledgement(acked.reports)).toBe(false)

    // The guardian's list says which day the morning report no longer stands for.
    const list = (await guardian.get('/api/guardian/reports')).body.reports as { id: number; replacedDays: string[]; acknowledged: boolean }[]
    expect(list.find((r) => r.id === morningId)).toMatchObject({ replacedDays: ['2026-11-30'], acknowledged: true })
    expect(list.find((r) => r.id === laterId)).toMatchObject({ replacedDays: [], acknowledged: true })
    tSocket.disconnect()
    boardSocket.disconnect()
  })

  it('adds an 早退 to a 遅刻 with its own acknowledgement, and the register counts both', async () => {
    const guardian = await new Client(server).login(s.login.tanaka)
    const teacher = await new Client(server).login(s.login.teacher1)
    const late = await guardian.post('/api/guardian/reports', partDay([s.pupils.hanako], 'late', '2026-12-02', '10:00'))
    const lateId = late.body.reports[0].id as number
    const tSocket = await teacher.socket()
    expect(await tSocket.emitWithAck('report:acknowledge', { reportId: lateId })).toEqual({ ok: true })
    const early = await guardian.post('/api/guardian/reports', partDay([s.pupils.hanako], 'early_leave', '2026-12-02', '14:00', { mode: 'add' }))
    expect(early.status).toBe(201)
    expect(early.body.reports[0].acknowledged).toBe(false)

    const entry = (await entryOf(teacher, s.pupils.hanako, '2026-12-02'))!
    expect(entry.codeLabel).toBe('遅刻・早退')
    expect(entry.reports.map((r) => [r.kind, r.time, r.replacedBy, r.acknowledgedAt !== null])).toEqual([
      ['early_leave', '14:00', null, false],
      ['late', '10:00', null, true],
    ])
    expect(changedAfterAcknowledgement(entry.reports)).toBe(true)
    tSocket.disconnect()

    // Register for December, read on Thursday 12-03 (counts stop at today).
    server.clock.set('2026-12-03T07:45:00+09:00')
    try {
      const month = (await teacher.get(`/api/register/month?classId=${s.classes.c1}&month=2026-12`)).body as RegisterMonth
      const hanako = month.pupils.find((p) => p.pupilId === s.pupils.hanako)!
      // 12-01 absent (発熱), 12-02 late and early leave, 12-03 not yet marked: by hand.
      expect(hanako.month).toMatchObject({ schoolDays: 3, absentDays: 1, late: 1, earlyLeave: 1, attendedDays: 2 })
      expect(hanako.cells['2026-12-02']).toMatchObject({ label: '遅刻・早退' })
    } finally {
      server.clock.set('2026-11-30T07:45:00+09:00')
    }
  })

  it('adds an 早退 to the 遅刻 the teacher saw, instead of wiping it', async () => {
    const guardian = await new Client(server).login(s.login.suzuki)
    const teacher = await (await new Client(server).login(s.login.teacher1)).socket()
    expect(await teacher.emitWithAck('pupil:mark', { pupilId: s.pupils.taro, mark: 'late', time: '8:10', note: '' })).toEqual({ ok: true })
    const res = await guardian.post('/api/guardian/reports', partDay([s.pupils.taro], 'early_leave', '2026-11-30', '12:00'))
    expect(res.status).toBe(201)
    expect(await currentCode(s.pupils.taro, '2026-11-30')).toBe('late_early_leave')
    // A later change of the pick-up time keeps the 遅刻 the teacher saw.
    const changed = await guardian.post('/api/guardian/reports', partDay([s.pupils.taro], 'early_leave', '2026-11-30', '13:30', { mode: 'replace' }))
    expect(changed.status).toBe(201)
    expect(await currentCode(s.pupils.taro, '2026-11-30')).toBe('late_early_leave')
    teacher.disconnect()
  })

  it('withdrawing one of two reports leaves the other, in the thread and in the register', async () => {
    const guardian = await new Client(server).login(s.login.tanaka)
    const teacher = await new Client(server).login(s.login.teacher1)
    await guardian.post('/api/guardian/reports', partDay([s.pupils.hanako], 'late', '2026-12-04', '10:30'))
    const early = await guardian.post('/api/guardian/reports', partDay([s.pupils.hanako], 'early_leave', '2026-12-04', '14:00', { mode: 'add' }))
    expect(await currentCode(s.pupils.hanako, '2026-12-04')).toBe('late_early_leave')
    const withdrawn = await guardian.post(`/api/guardian/reports/${early.body.reports[0].id}/withdraw`)
    expect(withdrawn.body.report.withdrawnAt).not.toBeNull()
    const entry = (await entryOf(teacher, s.pupils.hanako, '2026-12-04'))!
    expect(entry.reports.map((r) => r.kind)).toEqual(['late'])
    expect(entry).toMatchObject({ status: 'late', time: '10:30' })
    expect(await currentCode(s.pupils.hanako, '2026-12-04')).toBe('late')
  })

  it('withdrawing a change brings back the report it changed', async () => {
    const guardian = await new Client(server).login(s.login.tanaka)
    const teacher = await new Client(server).login(s.login.teacher1)
    const first = await guardian.post('/api/guardian/reports', absentWithFever([s.pupils.hanako], '2026-12-07'))
    const change = await guardian.post('/api/guardian/reports', partDay([s.pupils.hanako], 'late', '2026-12-07', '10:00', { mode: 'replace' }))
    expect(await currentCode(s.pupils.hanako, '2026-12-07')).toBe('late')
    await guardian.post(`/api/guardian/reports/${change.body.reports[0].id}/withdraw`)
    const entry = (await entryOf(teacher, s.pupils.hanako, '2026-12-07'))!
    expect(entry.reports.map((r) => [r.id, r.replacedBy])).toEqual([[first.body.reports[0].id, null]])
    expect(await currentCode(s.pupils.hanako, '2026-12-07')).toBe('absent_sick')
  })

  it('decides each pupil-day of a multi-day, multi-child report', async () => {
    const guardian = await new Client(server).login(s.login.suzuki)
    const teacher = await new Client(server).login(s.login.vp)
    const jiroEarly = await guardian.post('/api/guardian/reports', partDay([s.pupils.jiro], 'early_leave', '2026-12-09', '13:00'))
    const range = { fromDate: '2026-12-08', toDate: '2026-12-10' }
    const refused = await guardian.post('/api/guardian/reports', absentWithFever([s.pupils.taro, s.pupils.jiro], '2026-12-08', range))
    expect(refused.body.error.code).toBe('REPORT_EXISTS')
    expect(refused.body.error.message).toContain('次郎さんの12月9日(水)')
    const replaced = await guardian.post('/api/guardian/reports', absentWithFever([s.pupils.taro, s.pupils.jiro], '2026-12-08', { ...range, mode: 'replace' }))
    expect(replaced.status).toBe(201)
    const jiroAbsence = replaced.body.reports.find((r: { pupilId: number }) => r.pupilId === s.pupils.jiro).id
    // Only jiro's 12-09 had a report; every other pupil-day is simply new.
    for (const [pupilId, date, thread] of [
      [s.pupils.jiro, '2026-12-09', [[jiroAbsence, null], [jiroEarly.body.reports[0].id, jiroAbsence]]],
      [s.pupils.jiro, '2026-12-08', [[jiroAbsence, null]]],
      [s.pupils.taro, '2026-12-09', [[replaced.body.reports.find((r: { pupilId: number }) => r.pupilId === s.pupils.taro).id, null]]],
    ] as const) {
      const entry = (await entryOf(teacher, pupilId, date))!
      expect(entry.reports.map((r) => [r.id, r.replacedBy])).toEqual(thread)
      expect(entry.status).toBe('absent')
    }
  })

  it('tells the guardian form which days already have a report', async () => {
    const guardian = await new Client(server).login(s.login.suzuki)
    const home = (await guardian.get('/api/guardian/home')).body
    expect(home.reportedDays).toContainEqual({ pupilId: s.pupils.jiro, date: '2026-12-09', kinds: ['absent'] })
    expect(home.reportedDays).toContainEqual({ pupilId: s.pupils.taro, date: '2026-11-30', kinds: ['early_leave'] })
    expect(home.reportedDays.every((d: { pupilId: number }) => d.pupilId !== s.pupils.hanako)).toBe(true)
  })
})
