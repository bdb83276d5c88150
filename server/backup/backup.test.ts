import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.js'
import { ManualClock } from '../clock.js'
import { loadConfig, type Config } from '../config.js'
import type { DaySnapshot } from '../../shared/protocol/index.js'
import { buildSnapshot } from '../day/snapshot.js'
import { openDatabase } from '../db/open.js'
import type { Q } from '../db/types.js'
import { silentLog } from '../log.js'
import { seedDemo } from '../seed/demo.js'
import { BackupError } from './errors.js'
import { dumpLogical, latestSchemaVersion } from './logical.js'
import { writeWhole } from './files.js'
import { backup, restore } from './operations.js'

const TODAY = '2026-11-30'
const clock = new ManualClock(Date.parse(`${TODAY}T07:00:00+09:00`))
const pgUrl = process.env.DATABASE_URL

/** Row count and a checksum of every row's text, per table, and every sequence's position: an oracle that knows nothing of the backup format. */
async function fingerprint(sql: Q): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const tables = await sql<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migration' order by 1`
  for (const { name } of tables) {
    const [r] = await sql.unsafe(`select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as sum from "${name}" t`)
    out[name] = `${r!.n} ${r!.sum}`
  }
  for (const { name } of await sql<{ name: string }[]>`select relname as name from pg_class where relkind = 'S' and relnamespace = 'public'::regnamespace`) {
    const [s] = await sql.unsafe(`select last_value::text as v, is_called from "${name}"`)
    out[`sequence ${name}`] = `${s!.v} ${s!.isCalled}`
  }
  return out
}

async function snapshotOf(config: Config, schoolId: number): Promise<{ fingerprint: Record<string, string>; board: DaySnapshot; versions: number[] }> {
  const db = await openDatabase(config, 1)
  try {
    return {
      fingerprint: await fingerprint(db.sql),
      board: await buildSnapshot(db.sql, { schoolId, date: TODAY, buildId: 'test', forBoard: true }),
      versions: (await db.sql<{ version: number }[]>`select version from schema_migration order by 1`).map((r) => r.version),
    }
  } finally {
    await db.close()
  }
}

describe(`backup and restore (${pgUrl ? 'PostgreSQL' : 'embedded'})`, () => {
  let dir: string
  let config: Config
  let admin: postgres.Sql | null = null
  let dbName = ''
  let schoolId: number
  let before: Awaited<ReturnType<typeof snapshotOf>>
  let file: string

  /** Empties the configured database completely, as a lost disk or a wrong command would. */
  async function wipe() {
    if (admin) {
      await admin.unsafe(`drop database ${dbName} with (force)`)
      await admin.unsafe(`create database ${dbName}`)
    } else rmSync(join(dir, 'pgdata'), { recursive: true, force: true })
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'asagao-backup-'))
    const env: Record<string, string> = { ASAGAO_DATA_DIR: dir, ASAGAO_DEMO: 'off', ASAGAO_LOG: 'silent' }
    if (pgUrl) {
      dbName = `asagao_test_${randomBytes(6).toString('hex')}`
      admin = postgres(pgUrl, { max: 1, onnotice: () => {} })
      await admin.unsafe(`create database ${dbName}`)
      const url = new URL(pgUrl)
      url.pathname = `/${dbName}`
      env.DATABASE_URL = url.toString()
    }
    config = loadConfig(env)
    const db = await openDatabase(config, 1)
    schoolId = await seedDemo(db.sql, clock)
    await db.close()
    before = await snapshotOf(config, schoolId)
    file = await backup(config, clock, join(dir, pgUrl ? 'school.pgdump' : 'school.backup.gz'))
  }, 300_000)
  afterAll(async () => {
    if (admin) {
      await admin.unsafe(`drop database if exists ${dbName} with (force)`)
      await admin.end()
    }
    rmSync(dir, { recursive: true, force: true })
  })

  it('fills every table of the demo school, so the comparison means something', () => {
    const empty = Object.entries(before.fingerprint).filter(([name, v]) => !name.startsWith('sequence') && v.startsWith('0 '))
    // Tables the demo does not use; every other one must come back with its rows.
    expect(empty.map(([n]) => n).length).toBeLessThan(Object.keys(before.fingerprint).length / 2)
    expect(before.board.entries.length).toBeGreaterThan(0)
  })

  it('brings back every row, sequence and the board of the day after the database is wiped', async () => {
    await wipe()
    await restore(config, file)
    const after = await snapshotOf(config, schoolId)
    expect(after.fingerprint).toEqual(before.fingerprint)
    expect(after.versions).toEqual(before.versions)
    expect(after.board).toEqual(before.board)
  }, 300_000)

  it('serves from the restored data: the server starts and answers', async () => {
    const db = await openDatabase(config, 1)
    const app = createApp({ sql: db.sql, dbMode: db.mode, clock, log: silentLog, buildId: 'test', version: 'test', mail: { mode: 'off', publicUrl: null } }, { allowedOrigins: [], secureCookies: false })
    await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve))
    try {
      const res = await fetch(`http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/readyz`)
      expect(await res.json()).toMatchObject({ status: 'ok' })
    } finally {
      app.io.close()
      await db.close()
    }
  })

  it('refuses a truncated file with a clear message and changes nothing', async () => {
    const whole = readFileSync(file)
    for (const keep of [0.5, 0.9, (whole.length - 7) / whole.length]) {
      const cut = join(dir, `cut-${keep}`)
      writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * keep)))
      const err = await restore(config, cut).catch((e: unknown) => e)
      expect(err, `cut at ${keep}`).toBeInstanceOf(BackupError)
      expect((err as BackupError).code).toBe('TRUNCATED')
      expect((err as Error).message).toMatch(/truncated/)
    }
    expect((await snapshotOf(config, schoolId)).fingerprint).toEqual(before.fingerprint)
  }, 120_000)

  it('refuses a backup from a newer schema, naming both versions, and changes nothing', async () => {
    const future = latestSchemaVersion() + 1
    const newer = join(dir, 'newer')
    if (pgUrl) {
      const db = await openDatabase(config, 1)
      await db.sql`insert into schema_migration (version, name) values (${future}, 'from_the_future')`
      await backup(config, clock, newer)
      await db.sql`delete from schema_migration where version = ${future}`
      await db.close()
    } else {
      const lines = gunzipSync(readFileSync(file)).toString().split('\n')
      lines[0] = JSON.stringify({ ...(JSON.parse(lines[0]!) as object), schemaVersion: future })
      writeFileSync(newer, gzipSync(lines.join('\n')))
    }
    const err = await restore(config, newer).catch((e: unknown) => e)
    expect((err as BackupError).code).toBe('NEWER_SCHEMA')
    expect((err as Error).message).toContain(`schema version ${future}; this one knows up to ${future - 1}`)
    expect((await snapshotOf(config, schoolId)).fingerprint).toEqual(before.fingerprint)
  }, 120_000)

  it.runIf(pgUrl)('refuses while a server is connected to the PostgreSQL database, a pg_dump or an embedded backup alike, and changes nothing', async () => {
    // An embedded backup (the format a school moving from the quick start brings) of the same data.
    const embedded = join(dir, 'moved.backup.gz')
    const source = await openDatabase(config, 1)
    try {
      writeWhole(embedded, await dumpLogical(source.sql, new Date(clock.now())))
    } finally {
      await source.close()
    }
    const running = await openDatabase(config, 2)
    try {
      await running.sql`select 1`
      for (const f of [file, embedded]) {
        const err = await restore(config, f).catch((e: unknown) => e)
        expect((err as BackupError).code).toBe('SERVER_RUNNING')
        expect((err as Error).message).toMatch(/stop the servers first/)
      }
    } finally {
      await running.close()
    }
    expect((await snapshotOf(config, schoolId)).fingerprint).toEqual(before.fingerprint)
    // Its connections gone, the same restores go through.
    for (const f of [file, embedded]) {
      await restore(config, f)
      expect((await snapshotOf(config, schoolId)).fingerprint).toEqual(before.fingerprint)
    }
  }, 120_000)

  it('refuses a file that is not a backup', async () => {
    const other = join(dir, 'notes.txt')
    writeFileSync(other, '出席簿のメモ\n')
    expect(((await restore(config, other).catch((e: unknown) => e)) as BackupError).code).toBe('UNKNOWN_FORMAT')
  })
})
