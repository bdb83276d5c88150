import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { APPLICATION_NAME, connectPostgres } from '../db/connect.js'
import { BackupError } from './errors.js'

/**
 * PGlite has no lock of its own: two processes opening one data folder would corrupt it. The
 * embedded server marks its folder with its process id; backup and restore refuse to open a
 * folder a live server holds.
 */
const FILE = 'server.pid'

/** Marks the data folder as held by this process; returns the release. */
export function holdDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, FILE)
  writeFileSync(file, String(process.pid))
  return () => {
    if (existsSync(file) && readFileSync(file, 'utf8') === String(process.pid)) rmSync(file)
  }
}

/** Throws when a live server holds the data folder. */
export function ensureNoServer(dataDir: string): void {
  const file = join(dataDir, FILE)
  if (!existsSync(file)) return
  const pid = Number(readFileSync(file, 'utf8'))
  if (pid !== process.pid && isAlive(pid)) {
    throw new BackupError('SERVER_RUNNING', `an Asagao server (process ${pid}) is using ${dataDir}: stop it first (while it runs, its nightly backups are in ${join(dataDir, 'backups')})`)
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: alive but someone else's.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** How long connections that were just closed get to leave PostgreSQL's list. */
const CLOSING_MS = 2000

/**
 * Throws when Asagao processes (servers, or a command such as a backup) are connected to the
 * PostgreSQL database. A running server keeps
 * the day it last built for each school and its pages keep their sequence numbers, so both
 * would outlive a restore beneath them. A server idle for a minute may hold no connection
 * (its pool lets them go); several processes always hold their adapter's. The operator stops
 * the servers first, as docs/deploy.md says.
 */
async function ensureNoPostgresServer(url: string): Promise<void> {
  const db = await connectPostgres(url, 1)
  try {
    const deadline = Date.now() + CLOSING_MS
    for (;;) {
      const [row] = await db.sql<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and application_name = ${APPLICATION_NAME} and pid <> pg_backend_pid()`
      if (row!.n === 0) return
      if (Date.now() > deadline) {
        throw new BackupError('SERVER_RUNNING', `Asagao processes are connected to this database (${row!.n} connection${row!.n === 1 ? '' : 's'}): stop the servers first (systemctl stop asagao), wait for any backup or admin command to finish, then restore`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  } finally {
    await db.close()
  }
}

/** Throws when a server uses the configured database: PostgreSQL's connections, or the embedded database's folder. */
export async function ensureNoServerOn(config: { databaseUrl: string | null; dataDir: string }): Promise<void> {
  if (config.databaseUrl) await ensureNoPostgresServer(config.databaseUrl)
  else ensureNoServer(config.dataDir)
}
