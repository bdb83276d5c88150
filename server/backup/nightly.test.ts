import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ManualClock } from '../clock.js'
import type { Database } from '../db/types.js'
import { silentLog } from '../log.js'
import { testDatabase } from '../test/db.js'
import { BackupError } from './errors.js'
import { readLogical } from './logical.js'
import { backupIfDue } from './nightly.js'
import { ensureNoServer, holdDataDir } from './serverLock.js'

const HOUR = 60 * 60 * 1000

describe('nightly backups', () => {
  let db: Database
  let dir: string
  beforeAll(async () => {
    db = await testDatabase()
    dir = mkdtempSync(join(tmpdir(), 'asagao-nightly-'))
  })
  afterAll(async () => {
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('writes one a day, named by its time, and keeps only the newest ones', async () => {
    const clock = new ManualClock(Date.parse('2026-12-01T18:00:00Z'))
    const opts = { sql: db.sql, dir, keep: 2, clock, log: silentLog }
    const taken: (string | null)[] = []
    // Checked as the server checks: often. A backup is due 24 hours after the last one.
    for (const step of [0, 1, 22, 1, 24, 24]) {
      clock.advance(step * HOUR)
      taken.push(await backupIfDue(opts))
    }
    expect(taken.map((f) => f && f.slice(dir.length + 1))).toEqual([
      'asagao-20261201T180000Z.backup.gz', // first check after start: there is none yet
      null, // 19:00
      null, // 17:00 next day: 23 hours after
      'asagao-20261202T180000Z.backup.gz',
      'asagao-20261203T180000Z.backup.gz',
      'asagao-20261204T180000Z.backup.gz',
    ])
    expect(readdirSync(dir).sort()).toEqual(['asagao-20261203T180000Z.backup.gz', 'asagao-20261204T180000Z.backup.gz'])
  })

  it('writes complete, restorable dumps', async () => {
    const newest = readdirSync(dir).sort().at(-1)!
    const dump = readLogical(readFileSync(join(dir, newest)))
    expect(dump.header.createdAt).toBe('2026-12-04T18:00:00.000Z')
    expect(dump.tables.map((t) => t.table)).toContain('school')
  })
})

describe('one server per embedded data folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asagao-lock-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('lets this process through, and refuses while another live process holds the folder', () => {
    const release = holdDataDir(dir)
    expect(() => ensureNoServer(dir)).not.toThrow()
    release()
    expect(readdirSync(dir)).toEqual([])
    // The test runner's parent process stands in for a running server.
    writeFileSync(join(dir, 'server.pid'), String(process.ppid))
    const err = (() => {
      try {
        ensureNoServer(dir)
      } catch (e) {
        return e
      }
    })()
    expect(err).toBeInstanceOf(BackupError)
    expect((err as BackupError).code).toBe('SERVER_RUNNING')
  })

  it('ignores the mark of a server that is gone', () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid
    writeFileSync(join(dir, 'server.pid'), String(gone))
    expect(() => ensureNoServer(dir)).not.toThrow()
  })
})
