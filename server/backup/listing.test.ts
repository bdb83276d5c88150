import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { testDatabase } from '../test/db.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { Client, startTestServer, type TestServer } from '../test/server.js'
import { listBackups } from './listing.js'

let db: Database
let s: SmallSchool
const dataDir = mkdtempSync(join(tmpdir(), 'asagao-listing-'))
const dir = join(dataDir, 'backups')

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'bk')
  mkdirSync(dir)
  writeFileSync(join(dir, 'asagao-20261201T173000Z.backup.gz'), Buffer.alloc(2048))
  writeFileSync(join(dir, 'asagao-20261130T173000Z.backup.gz'), Buffer.alloc(1024))
  writeFileSync(join(dir, 'before-upgrade.pgdump'), Buffer.alloc(10))
  utimesSync(join(dir, 'before-upgrade.pgdump'), new Date('2026-11-30T09:00:00Z'), new Date('2026-11-30T09:00:00Z'))
  // Not backups: one being written, and anything else.
  writeFileSync(join(dir, 'asagao-20261202T173000Z.backup.gz.partial'), 'x')
  writeFileSync(join(dir, 'notes.txt'), 'x')
})
afterAll(async () => {
  await db?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('the list of backups', () => {
  it('lists nightly and manual backups newest first, dated by their name or their file', () => {
    expect(listBackups(dir)).toEqual([
      { name: 'asagao-20261201T173000Z.backup.gz', takenAt: '2026-12-01T17:30:00.000Z', bytes: 2048, kind: 'nightly' },
      { name: 'asagao-20261130T173000Z.backup.gz', takenAt: '2026-11-30T17:30:00.000Z', bytes: 1024, kind: 'nightly' },
      { name: 'before-upgrade.pgdump', takenAt: '2026-11-30T09:00:00.000Z', bytes: 10, kind: 'manual' },
    ])
    expect(listBackups(join(dataDir, 'missing'))).toEqual([])
  })

  it('is shown to administrators of an embedded server, refused to teachers; a PostgreSQL server has none in its folder', async () => {
    const embedded = await startTestServer(db, undefined, { dbMode: 'embedded', dataDir })
    const postgres = await startTestServer(db, undefined, { dbMode: 'postgres', dataDir })
    try {
      const admin = await new Client(embedded).login(s.login.admin)
      const res = await admin.get('/api/ops/backups')
      expect(res.status).toBe(200)
      expect(res.body.database).toBe('embedded')
      expect(res.body.backups.map((b: { name: string }) => b.name)).toEqual(['asagao-20261201T173000Z.backup.gz', 'asagao-20261130T173000Z.backup.gz', 'before-upgrade.pgdump'])
      expect((await (await new Client(embedded).login(s.login.teacher1)).get('/api/ops/backups')).status).toBe(403)
      const other = await (await new Client(postgres).login(s.login.admin)).get('/api/ops/backups')
      expect(other.body).toEqual({ ok: true, database: 'postgres', backups: [] })
    } finally {
      await embedded.close()
      await postgres.close()
    }
  })
})
