import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { connectPostgres } from '../db/connect.js'
import { connectEmbedded } from '../db/embedded.js'
import { migrate } from '../db/migrate.js'
import type { Database } from '../db/types.js'

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

/** A migrated database the bench owns from open to close, with what the printout says about it. */
export interface BenchDatabase extends Database {
  /** e.g. "PostgreSQL 15.20 (Debian …)" or "PostgreSQL 18.6 (PGlite 0.5.14), in-process". */
  serverVersion: string
}

async function serverVersion(db: Database): Promise<string> {
  const [row] = await db.sql<{ v: string }[]>`select split_part(version(), ' on ', 1) as v`
  return row!.v + (db.mode === 'embedded' ? ', in-process' : ', local server')
}

/** In-memory PGlite, reached over its private socket exactly as `npm start` does it. */
export async function openEmbedded(): Promise<BenchDatabase> {
  const db = await connectEmbedded()
  await migrate(db.sql)
  return { ...db, serverVersion: await serverVersion(db) }
}

/** The URL with any password hidden, for printing. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return '(unparsable DATABASE_URL)'
  }
}

/** Whether a PostgreSQL server answers at `url` within a few seconds; the bench skips the mode when not. */
export async function postgresAnswers(url: string): Promise<boolean> {
  const probe = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} })
  try {
    await probe`select 1`
    return true
  } catch {
    return false
  } finally {
    await probe.end({ timeout: 1 }).catch(() => {})
  }
}

/**
 * A fresh database `asagao_bench_<random>` on the server at `url`, migrated, with the pool size
 * `npm start` uses. Closing it drops the database, so repeated runs leave nothing behind.
 */
export async function openPostgres(url: string): Promise<BenchDatabase> {
  const name = `asagao_bench_${randomBytes(6).toString('hex')}`
  const admin = postgres(url, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const dropIt = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.end({ timeout: 5 })
  }
  try {
    const dbUrl = new URL(url)
    dbUrl.pathname = `/${name}`
    const db = await connectPostgres(dbUrl.toString())
    await migrate(db.sql)
    return {
      ...db,
      serverVersion: await serverVersion(db),
      async close() {
        await db.close()
        await dropIt()
      },
    }
  } catch (err) {
    await dropIt().catch(() => {})
    throw err
  }
}
