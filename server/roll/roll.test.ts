import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { Client, eventWhere, nextEvent, startTestServer, type TestServer, type TestSocket } from '../test/server.js'

let db: Database
let server: TestServer
let s: SmallSchool
let other: SmallSchool
let teacher1: TestSocket
let teacher2: TestSocket
let vp: TestSocket
let guardian: Client

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'roll')
  other = await smallSchool(db.sql, 'rollo')
  server = await startTestServer(db, '2026-11-30T08:32:00+09:00') // Monday, just after roll call
  teacher1 = await (await new Client(server).login(s.login.teacher1)).socket()
  teacher2 = await (await new Client(server).login(s.login.teacher2)).socket()
  vp = await (await new Client(server).login(s.login.vp)).socket()
  guardian = await new Client(server).login(s.login.suzuki)
})
afterAll(async () => {
  for (const sock of [teacher1, teacher2, vp]) sock?.disconnect()
  await server?.close()
  await db?.close()
})

async function counts(): Promise<number[]> {
  const [row] = await db.sql<{ a: number; e: number; r: number; n: number }[]>`
    select (select count(*)::int from attendance_log) as a, (select sum(seq)::int from school) as e,
           (select count(*)::int from roll_call) as r, (select count(*)::int from staff_note) as n`
  return [row!.a, row!.e, row!.r, row!.n]
}

async function snapshot(sock: TestSocket) {
  const res = await sock.emitWithAck('day:snapshot', {})
  if (!res.ok) throw new Error(res.error.code)
  return res.snapshot
}

describe('roll call', () => {
  it('marks a pupil 未登校 live, as a teacher mark, and takes it back without a trace on the board', async () => {
    const seen = nextEvent(vp, 'day:changed')
    const res = await teacher1.emitWithAck('pupil:mark', { pupilId: s.pupils.taro, mark: 'not_arrived' })
    expect(res).toEqual({ ok: true })
    const event = await seen
    expect(event.changes[0]!.entry).toMatchObject({ pupilId: s.pupils.taro, status: 'not_arrived', source: 'teacher', reports: [] })

    const back = nextEvent(vp, 'day:changed')
    expect((await teacher1.emitWithAck('pupil:mark', { pupilId: s.pupils.taro, mark: 'present' })).ok).toBe(true)
    const cleared = await back
    expect(cleared.seq).toBe(event.seq + 1)
    expect(cleared.changes[0]).toMatchObject({ pupilId: s.pupils.taro, entry: null })
    const [log] = await db.sql<{ n: number }[]>`select count(*)::int as n from attendance_log where pupil_id = ${s.pupils.taro}`
    expect(log!.n).toBe(2) // append-only: the 未登校 row stays in the register
  })

  it('ignores a repeated tap without using a sequence number', async () => {
    await teacher1.emitWithAck('pupil:mark', { pupilId: s.pupils.hanako, mark: 'not_arrived' })
    const before = await counts()
    const seqBefore = (await snapshot(vp)).seq
    expect((await teacher1.emitWithAck('pupil:mark', { pupilId: s.pupils.hanako, mark: 'not_arrived' })).ok).toBe(true)
    expect(await counts()).toEqual(before)
    expect((await snapshot(vp)).seq).toBe(seqBefore)
  })

  it('records 遅刻 with the arrival time and 早退 with the time of leaving', async () => {
    const seen = eventWhere(vp, (e) => e.changes[0]?.entry?.status === 'late')
    await teacher1.emitWithAck('pupil:mark', { pupilId: s.pupils.hanako, mark: 'late', time: '9:05' })
    expect((await seen).changes[0]!.entry).toMatchObject({ status: 'late', time: '9:05', codeLabel: '遅刻' })
    // Leaving early after arriving late: both are real and both count (one combined mark).
    const left = eventWhere(vp, (e) => e.changes[0]?.entry?.time === '13:40')
    await teacher1.emitWithAck('pupil:mark', { pupilId: s.pupils.hanako, mark: 'early_leave', time: '13:40' })
    expect((await left).changes[0]!.entry).toMatchObject({ codeLabel: '遅刻・早退', time: '13:40' })
    const leftOnly = eventWhere(vp, (e) => e.changes[0]?.entry?.status === 'early_leave')
    await teacher1.emitWithAck('pupil:mark', { pupilId: s.pupils.taro, mark: 'early_leave', time: '11:10' })
    expect((await leftOnly).changes[0]!.entry).toMatchObject({ status: 'early_leave', codeLabel: '早退', time: '11:10' })
    expect((await teacher1.emitWithAck('pupil:mark', { pupilId: s.pupils.taro, mark: 'present' })).ok).toBe(true)
    const noTime = await teacher1.emitWithAck('pupil:mark', { pupilId: s.pupils.hanako, mark: 'late' })
    expect(noTime.ok === false && noTime.error.code).toBe('BAD_REQUEST')
  })

  it('confirms the roll once: who and when, live and in the snapshot', async () => {
    const seen = eventWhere(teacher2, (e) => !!e.classes)
    expect((await teacher1.emitWithAck('roll:confirm', { classId: s.classes.c1 })).ok).toBe(true)
    const event = await seen
    expect(event.changes).toEqual([])
    expect(event.classes).toEqual([{ date: '2026-11-30', classInfo: expect.objectContaining({ id: s.classes.c1, rollTaken: { at: '2026-11-29T23:32:00.000Z', by: '山本 先生' } }) }])
    const snap = await snapshot(vp)
    expect(snap.classes.find((c) => c.id === s.classes.c1)!.rollTaken).toEqual({ at: '2026-11-29T23:32:00.000Z', by: '山本 先生' })
    expect(snap.classes.find((c) => c.id === s.classes.c2)!.rollTaken).toBeNull()

    const before = await counts()
    server.clock.advance(60_000)
    expect((await vp.emitWithAck('roll:confirm', { classId: s.classes.c1 })).ok).toBe(true)
    expect(await counts()).toEqual(before)
    expect((await snapshot(vp)).classes.find((c) => c.id === s.classes.c1)!.rollTaken!.by).toBe('山本 先生')
  })

  it('lets the office mark any class, recorded as 職員室', async () => {
    const seen = eventWhere(teacher2, (e) => e.changes[0]?.pupilId === s.pupils.other)
    expect((await vp.emitWithAck('pupil:mark', { pupilId: s.pupils.other, mark: 'not_arrived' })).ok).toBe(true)
    expect((await seen).changes[0]!.entry).toMatchObject({ pupilId: s.pupils.other, status: 'not_arrived', source: 'office' })
  })

  it('shows a discrepancy: the family said 欠席, the teacher saw the child', async () => {
    const [reason] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} and label = '発熱'`
    server.clock.set('2026-11-30T07:50:00+09:00')
    const rep = await guardian.post('/api/guardian/reports', {
      idempotencyKey: 'roll-test-key-0001', pupilIds: [s.pupils.jiro], kind: 'absent', fromDate: '2026-11-30', toDate: '2026-11-30', reasonId: reason!.id,
    })
    expect(rep.status).toBe(201)
    server.clock.set('2026-11-30T08:35:00+09:00')
    const seen = eventWhere(vp, (e) => e.changes[0]?.pupilId === s.pupils.jiro && e.changes[0]?.entry?.source === 'teacher')
    expect((await teacher2.emitWithAck('pupil:mark', { pupilId: s.pupils.jiro, mark: 'present' })).ok).toBe(true)
    const entry = (await seen).changes[0]!.entry!
    expect(entry).toMatchObject({ status: 'present', source: 'teacher', codeLabel: '出席' })
    expect(entry.reports[0]).toMatchObject({ kind: 'absent' })
  })
})

describe('refusals change nothing', () => {
  it('refuses a teacher marking or confirming another class', async () => {
    const before = await counts()
    const mark = await teacher1.emitWithAck('pupil:mark', { pupilId: s.pupils.jiro, mark: 'not_arrived' })
    expect(mark.ok === false && mark.error.code).toBe('NOT_HOMEROOM')
    expect(mark.ok === false && mark.error.message).toMatch(/担任/)
    const roll = await teacher1.emitWithAck('roll:confirm', { classId: s.classes.c2 })
    expect(roll.ok === false && roll.error.code).toBe('NOT_HOMEROOM')
    const note = await teacher1.emitWithAck('pupil:note', { pupilId: s.pupils.jiro, body: 'メモ' })
    expect(note.ok === false && note.error.code).toBe('NOT_HOMEROOM')
    expect(await counts()).toEqual(before)
  })

  it('refuses pupils and classes of another school, even for the office', async () => {
    const before = await counts()
    const mark = await vp.emitWithAck('pupil:mark', { pupilId: other.pupils.taro, mark: 'not_arrived' })
    expect(mark.ok === false && mark.error.code).toBe('PUPIL_NOT_FOUND')
    const roll = await vp.emitWithAck('roll:confirm', { classId: other.classes.c1 })
    expect(roll.ok === false && roll.error.code).toBe('CLASS_NOT_FOUND')
    const hist = await vp.emitWithAck('pupil:history', { pupilId: other.pupils.taro })
    expect(hist.ok === false && hist.error.code).toBe('PUPIL_NOT_FOUND')
    const ros = await vp.emitWithAck('class:roster', { classId: other.classes.c1 })
    expect(ros.ok === false && ros.error.code).toBe('CLASS_NOT_FOUND')
    expect(await counts()).toEqual(before)
  })

  it('refuses guardians, and marks on a day that is not a school day', async () => {
    const gsock = await guardian.socket()
    const res = await gsock.emitWithAck('pupil:mark', { pupilId: s.pupils.taro, mark: 'not_arrived' })
    expect(res.ok === false && res.error.code).toBe('FORBIDDEN')
    gsock.disconnect()
    const before = await counts()
    server.clock.set('2026-12-05T08:35:00+09:00') // Saturday
    const sat = await teacher1.emitWithAck('pupil:mark', { pupilId: s.pupils.taro, mark: 'not_arrived' })
    expect(sat.ok === false && sat.error.code).toBe('NOT_A_SCHOOL_DAY')
    server.clock.set('2026-11-30T08:40:00+09:00')
    expect(await counts()).toEqual(before)
  })
})

describe('phone reports, notes and history', () => {
  it('records a phoned-in absence as 電話 and shows it in the history with notes, newest first', async () => {
    const [reason] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} and label = 'けが'`
    const seen = eventWhere(vp, (e) => e.changes[0]?.entry?.source === 'phone')
    server.clock.set('2026-11-30T08:41:00+09:00')
    const res = await teacher2.emitWithAck('report:phone', { pupilId: s.pupils.other, kind: 'absent', reasonId: reason!.id, message: '母より。足を痛めたため' })
    expect(res.ok).toBe(true)
    expect((await seen).changes[0]!.entry).toMatchObject({ pupilId: s.pupils.other, status: 'absent', source: 'phone' })

    server.clock.set('2026-11-30T08:45:00+09:00')
    expect((await teacher2.emitWithAck('pupil:note', { pupilId: s.pupils.other, body: '足の怪我は大丈夫?明日声をかける' })).ok).toBe(true)
    // The history holds families' messages and staff notes: the homeroom teacher's, not another class's.
    const refused = await teacher1.emitWithAck('pupil:history', { pupilId: s.pupils.other })
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN')
    const hist = await teacher2.emitWithAck('pupil:history', { pupilId: s.pupils.other })
    if (!hist.ok) throw new Error(hist.error.code)
    expect(hist.history).toMatchObject({ name: '佐藤 三郎', classLabel: '2年1組' })
    expect(hist.history.items.map((i) => i.type)).toEqual(['note', 'mark', 'mark'])
    expect(hist.history.items[0]).toMatchObject({ type: 'note', by: '中村 先生', body: '足の怪我は大丈夫?明日声をかける' })
    expect(hist.history.items[1]).toMatchObject({ type: 'mark', source: 'phone', codeLabel: '欠席(病気・けが)', note: 'けが ・ 母より。足を痛めたため' })
    expect(hist.history.items[2]).toMatchObject({ type: 'mark', source: 'office', codeLabel: '未登校' })
  })

  it('keeps staff notes away from guardians and the board', async () => {
    const snap = await snapshot(vp)
    expect(JSON.stringify(snap)).not.toContain('足の怪我')
    const home = await guardian.get('/api/guardian/home')
    expect(JSON.stringify(home.body)).not.toContain('足の怪我')
  })

  it('lists a class roster for any staff member', async () => {
    const res = await teacher1.emitWithAck('class:roster', { classId: s.classes.c2 })
    if (!res.ok) throw new Error(res.error.code)
    expect(res.pupils.map((p) => p.name)).toEqual(['鈴木 次郎', '佐藤 三郎'])
  })

  it('refuses an empty note and a phone report without a time for 遅刻', async () => {
    const empty = await teacher1.emitWithAck('pupil:note', { pupilId: s.pupils.taro, body: '   ' })
    expect(empty.ok === false && empty.error.code).toBe('BAD_REQUEST')
    const [reason] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} and label = '通院'`
    const late = await teacher1.emitWithAck('report:phone', { pupilId: s.pupils.taro, kind: 'late', reasonId: reason!.id })
    expect(late.ok === false && late.error.code).toBe('BAD_REQUEST')
  })
})
