import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DaySnapshot } from '../../shared/protocol/index.js'
import type { Database } from '../db/types.js'
import { queriesOf } from '../db/queryCount.js'
import { testDatabase } from '../test/db.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { Client, startTestServer, type TestServer } from '../test/server.js'
import { SharedSnapshots, snapshotFor } from './sharedSnapshots.js'
import { buildSnapshot, buildSnapshotUnlessUnchanged, type BuiltSnapshot } from './snapshot.js'

/** A builder the test finishes by hand, numbering its snapshots by build. */
function manualBuilds() {
  const pending: { schoolId: number; last: BuiltSnapshot | undefined; resolve(s: DaySnapshot): void; reject(e: Error): void }[] = []
  const build = (schoolId: number, date: string, last: BuiltSnapshot | undefined) =>
    new Promise<BuiltSnapshot>((resolve, reject) => pending.push({ schoolId, last, reject, resolve: (s) => resolve({ snapshot: { ...s, date }, digest: 'd' }) }))
  const finish = (seq: number) => pending.shift()!.resolve({ seq } as DaySnapshot)
  return { pending, build, finish }
}
const tick = () => new Promise((r) => setImmediate(r))

let db: Database
let server: TestServer
beforeAll(async () => {
  db = await testDatabase()
  // No sweep on its own timer: only the asks a test counts may use the pool.
  server = await startTestServer(db, undefined, {}, { socketSweepMs: 0 })
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

/** Suzuki's 欠席 for Taro on 30 November through the guardians' route: a change, so the school's next sequence number. */
async function reportAbsence(s: SmallSchool, idempotencyKey: string, health: { symptoms: string[]; temperature: number | null; message: string }) {
  const [reason] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} limit 1`
  const guardian = await new Client(server).login(s.login.suzuki)
  const created = await guardian.post('/api/guardian/reports', {
    idempotencyKey, pupilIds: [s.pupils.taro], kind: 'absent', fromDate: '2026-11-30', toDate: '2026-11-30', reasonId: reason!.id, mode: 'add', ...health,
  })
  expect(created.status).toBe(201)
}

describe('shared snapshot builds', () => {
  it('serves a thousand pages of one school asking at once from two builds: the first asker’s, and one for all the others', async () => {
    const b = manualBuilds()
    const shared = new SharedSnapshots(b.build)
    const asks = Array.from({ length: 1000 }, () => shared.get(1, '2026-11-30'))
    expect(b.pending).toHaveLength(1)
    b.finish(7)
    await tick()
    expect(b.pending).toHaveLength(1)
    b.finish(8)
    const seqs = (await Promise.all(asks)).map((s) => s.seq)
    expect(seqs[0]).toBe(7)
    expect(new Set(seqs.slice(1))).toEqual(new Set([8]))
    expect(shared.builds).toBe(2)
  })

  it('never hands a page a build that began before it asked: those asking meanwhile share the next one', async () => {
    const b = manualBuilds()
    const shared = new SharedSnapshots(b.build)
    const early = shared.get(1, '2026-11-30')
    const late = Array.from({ length: 50 }, () => shared.get(1, '2026-11-30'))
    expect(b.pending).toHaveLength(1)
    b.finish(7)
    expect((await early).seq).toBe(7)
    await tick()
    expect(b.pending).toHaveLength(1)
    b.finish(8)
    expect((await Promise.all(late)).every((s) => s.seq === 8)).toBe(true)
    expect(shared.builds).toBe(2)
  })

  it('builds each school and date on its own, and a failed build fails only those who shared it', async () => {
    const b = manualBuilds()
    const shared = new SharedSnapshots(b.build)
    const one = shared.get(1, '2026-11-30')
    const two = shared.get(2, '2026-11-30')
    const otherDay = shared.get(1, '2026-12-01')
    expect(b.pending.map((p) => p.schoolId)).toEqual([1, 2, 1])
    b.pending.shift()!.reject(new Error('connection lost'))
    await expect(one).rejects.toThrow('connection lost')
    b.finish(3)
    b.finish(4)
    expect([(await two).seq, (await otherDay).seq]).toEqual([3, 4])
    const again = shared.get(1, '2026-11-30')
    expect(b.pending).toHaveLength(1)
    b.finish(9)
    expect((await again).seq).toBe(9)
  })

  it('offers each build the school’s latest one', async () => {
    const b = manualBuilds()
    const shared = new SharedSnapshots(b.build)
    const first = shared.get(1, '2026-11-30')
    b.finish(7)
    await first
    const second = shared.get(1, '2026-11-30')
    expect(b.pending[0]!.last?.snapshot.seq).toBe(7)
    b.finish(7)
    await second
    void shared.get(2, '2026-11-30')
    expect(b.pending[0]!.last).toBeUndefined()
  })

  it('offers the build queued behind a running one the one that just ended', async () => {
    const b = manualBuilds()
    const shared = new SharedSnapshots(b.build)
    const first = shared.get(1, '2026-11-30')
    const queued = shared.get(1, '2026-11-30')
    b.finish(7)
    await first
    await tick()
    expect(b.pending).toHaveLength(1)
    expect(b.pending[0]!.last?.snapshot.seq).toBe(7)
    b.finish(7)
    await queued
  })
})

describe('one build per school, date and sequence number', () => {
  let s: SmallSchool
  beforeAll(async () => {
    s = await smallSchool(db.sql, 'unchanged')
  })

  it('gives back the latest build while the school has not changed, and builds again after a change, a calendar edit or on another day', async () => {
    let builds = 0
    const shared = new SharedSnapshots((schoolId, date, last) => {
      builds++
      return buildSnapshotUnlessUnchanged(db.sql, { schoolId, date, buildId: 'b', forBoard: false, healthNotes: true }, last)
    })
    const date = '2026-11-30'
    const first = await queriesOf(db.sql, () => shared.get(s.schoolId, date))
    expect(first.count).toBe(2)
    const again = await queriesOf(db.sql, () => shared.get(s.schoolId, date))
    expect(again.result).toBe(first.result)
    // Only the first round trip (school, year, calendar and the sequence number), none for the day.
    expect(again.count).toBe(1)

    await reportAbsence(s, 'unchanged-snapshot-01', { symptoms: [], temperature: null, message: '' })
    const afterReport = await shared.get(s.schoolId, date)
    expect(afterReport.seq).toBeGreaterThan(first.result.seq)
    expect(afterReport.entries.map((e) => e.pupilId)).toContain(s.pupils.taro)
    expect(afterReport).toEqual(await buildSnapshot(db.sql, { schoolId: s.schoolId, date, buildId: 'b', forBoard: false, healthNotes: true }))

    // A calendar row written without a change (no new sequence number) still shows: the fingerprint differs.
    await db.sql`insert into calendar_day (school_id, date, kind, label) values (${s.schoolId}, '2026-11-27', 'closed', '臨時休業')`
    const afterCalendar = await shared.get(s.schoolId, date)
    expect(afterCalendar).not.toBe(afterReport)
    expect(afterCalendar.seq).toBe(afterReport.seq)

    const otherDay = await shared.get(s.schoolId, '2026-12-01')
    expect(otherDay.date).toBe('2026-12-01')
    expect(builds).toBe(5)
  })
})

describe('what each reader sees of the shared snapshot', () => {
  let s: SmallSchool
  beforeAll(async () => {
    s = await smallSchool(db.sql, 'shared')
    // A report with symptoms, a temperature and a message: something for each reader to be spared.
    await reportAbsence(s, 'shared-snapshot-0001', { symptoms: ['のどの痛み'], temperature: 38.4, message: '病院へ行きます' })
  })

  it('is exactly what a build for that reader alone would give', async () => {
    const opts = { schoolId: s.schoolId, date: '2026-11-30', buildId: 'b' }
    const full = await buildSnapshot(db.sql, { ...opts, forBoard: false, healthNotes: true })
    expect(full.entries.find((e) => e.pupilId === s.pupils.taro)?.reports[0]).toMatchObject({ symptoms: ['のどの痛み'], temperature: 38.4, message: '病院へ行きます' })
    for (const reader of [{ forBoard: true, healthNotes: false }, { forBoard: false, healthNotes: false }, { forBoard: false, healthNotes: true }]) {
      expect(snapshotFor(full, reader)).toEqual(await buildSnapshot(db.sql, { ...opts, ...reader }))
    }
    // Each view is made once per build: every board of a storm is sent the same object.
    expect(snapshotFor(full, { forBoard: true, healthNotes: false })).toBe(snapshotFor(full, { forBoard: true, healthNotes: false }))
    expect(snapshotFor(full, { forBoard: false, healthNotes: false })).toBe(snapshotFor(full, { forBoard: false, healthNotes: false }))
    expect(full.entries.find((e) => e.pupilId === s.pupils.taro)?.reports[0]).toMatchObject({ symptoms: ['のどの痛み'] })
  })
})
