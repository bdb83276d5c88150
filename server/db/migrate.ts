import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Sql, Tx } from './types.js'

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations')
const FILE = /^(\d{5})_([a-z0-9_]+)\.sql$/

export interface Migration {
  version: number
  name: string
  text: string
}

/** The numbered migration files, checked to run 1, 2, 3 … with no gaps. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()
  return files.map((f, i) => {
    const m = FILE.exec(f)
    if (!m) throw new Error(`Migration file name must look like 00001_name.sql: ${f}`)
    const version = Number(m[1])
    if (version !== i + 1) throw new Error(`Migration ${f} is out of order: expected number ${i + 1}`)
    return { version, name: m[2]!, text: readFileSync(join(dir, f), 'utf8') }
  })
}

/**
 * Applies every pending migration in one transaction, forward only. An advisory lock keeps
 * two server processes starting together from applying the same file twice.
 */
export async function migrate(sql: Sql, dir?: string): Promise<number[]> {
  const migrations = listMigrations(dir)
  return sql.begin((tx) => migrateIn(tx, migrations))
}

/**
 * Applies the given migrations that are not yet recorded, inside the caller's transaction
 * (a restore replays them up to a backup's version, loads its rows, then applies the rest).
 */
export async function migrateIn(tx: Tx, migrations: readonly Migration[]): Promise<number[]> {
  await tx`select pg_advisory_xact_lock(7243001)`
  await tx`create table if not exists schema_migration (
    version integer primary key, name text not null, applied_at timestamptz not null default now())`
  const done = new Set((await tx<{ version: number }[]>`select version from schema_migration`).map((r) => r.version))
  const applied: number[] = []
  for (const m of migrations) {
    if (done.has(m.version)) continue
    await tx.unsafe(m.text).simple()
    await tx`insert into schema_migration (version, name) values (${m.version}, ${m.name})`
    applied.push(m.version)
  }
  return applied
}
