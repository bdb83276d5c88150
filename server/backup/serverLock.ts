import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
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
