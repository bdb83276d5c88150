import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_MESSAGES } from '../../shared/protocol/index.js'
import type { Database } from '../db/types.js'
import type { Log } from '../log.js'
import { tableChecksums } from '../test/checksums.js'
import { testDatabase } from '../test/db.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { Client, startTestServer, type TestServer } from '../test/server.js'

let db: Database
let server: TestServer
let s: SmallSchool
let reasonId: number
const logged: { level: string; msg: string }[] = []

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'full')
  const [reason] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} limit 1`
  reasonId = reason!.id
  const log: Log = { info() {}, warn: (msg) => logged.push({ level: 'warn', msg }), error: (msg) => logged.push({ level: 'error', msg }) }
  server = await startTestServer(db, undefined, { log })
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

/**
 * The disk fills up in the middle of a report's transaction: the database's own "could not
 * extend file" error (SQLSTATE 53100) is raised when the report row is written, after the
 * submission row, as PostgreSQL and PGlite raise it when a table cannot grow. (A real full disk
 * is in server/db/diskFull.test.ts, where the machine lets the test mount one.)
 */
async function diskFullOnReports(on: boolean): Promise<void> {
  if (on) {
    await db.sql.unsafe(`
      create function test_disk_full() returns trigger language plpgsql as $$
      begin raise exception 'could not extend file "base/5/16384": No space left on device' using errcode = 'disk_full'; end $$;
      create trigger test_disk_full before insert on guardian_report for each row execute function test_disk_full();`)
  } else {
    await db.sql.unsafe(`drop trigger test_disk_full on guardian_report; drop function test_disk_full();`)
  }
}

describe('a report while the disk is full', () => {
  it('is refused with 503 STORAGE_FULL and a Japanese message, nothing written; the retry after space is freed stores it once', async () => {
    const guardian = await new Client(server).login(s.login.suzuki)
    const body = {
      idempotencyKey: 'full-disk-0000000001', pupilIds: [s.pupils.taro, s.pupils.jiro], kind: 'absent',
      fromDate: '2026-12-01', toDate: '2026-12-02', reasonId, message: 'ディスクがいっぱい',
    }
    await diskFullOnReports(true)
    const before = await tableChecksums(db.sql)
    const refused = await guardian.post('/api/guardian/reports', body)
    expect(refused.status).toBe(503)
    expect(refused.body.error).toEqual({ code: 'STORAGE_FULL', message: ERROR_MESSAGES.STORAGE_FULL.ja, requestId: expect.any(String) })
    // Nothing of the submission stays: not its idempotency key, not a report, not a mark.
    expect(await tableChecksums(db.sql)).toEqual(before)
    await diskFullOnReports(false)

    const stored = await guardian.post('/api/guardian/reports', body)
    expect(stored.status).toBe(201)
    const again = await guardian.post('/api/guardian/reports', body)
    expect(again.status).toBe(201)
    expect(again.body.reports.map((r: { id: number }) => r.id)).toEqual(stored.body.reports.map((r: { id: number }) => r.id))
    const [n] = await db.sql<{ n: number }[]>`select count(*)::int as n from guardian_report where message = 'ディスクがいっぱい'`
    expect(n!.n).toBe(2)
    expect(logged.filter((l) => l.level === 'error')).toEqual([])
    expect(logged).toContainEqual({ level: 'warn', msg: 'storage full' })
  })
})
