import { mkdirSync, statfsSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MIN_FREE_BYTES } from './health/readiness.js'

/** Exit codes an operator's service manager can tell apart. */
export const EXIT = { config: 2, dataFolder: 3 } as const

/** A start-up problem the operator can fix, told in one line in Japanese and English. */
export class StartupError extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message)
  }
}

const FS_PROBLEM: Record<string, (dir: string) => string> = {
  EROFS: (d) => `データフォルダが読み取り専用です / The data folder is read-only: ${d}`,
  EACCES: (d) => `データフォルダに書き込む権限がありません / No permission to write the data folder: ${d}`,
  EPERM: (d) => `データフォルダに書き込む権限がありません / No permission to write the data folder: ${d}`,
  ENOSPC: (d) => `データフォルダのディスクがいっぱいです / The data folder's disk is full: ${d}`,
  EDQUOT: (d) => `データフォルダのディスク容量の上限に達しています / The disk quota of the data folder is used up: ${d}`,
  ENOTDIR: (d) => `データフォルダの場所がフォルダではありません / The data folder path is not a folder: ${d}`,
}

/** Turns a file-system error about the data folder into a StartupError; anything else stays as it is. */
export function asDataFolderError(err: unknown, dir: string): unknown {
  const code = (err as { code?: unknown } | null)?.code
  const say = typeof code === 'string' ? FS_PROBLEM[code] : undefined
  return say ? new StartupError(say(dir), EXIT.dataFolder) : err
}

/**
 * Checks before anything else opens the data folder that it exists, is writable and has room:
 * the embedded database would otherwise fail deep inside WebAssembly with an unreadable dump.
 */
export function checkDataFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true })
    const s = statfsSync(dir)
    if (s.bavail * s.bsize < MIN_FREE_BYTES) throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
    const probe = join(dir, `.start-${process.pid}`)
    writeFileSync(probe, 'ok')
    unlinkSync(probe)
  } catch (err) {
    throw asDataFolderError(err, dir)
  }
}

/**
 * The embedded database in the data folder does not open although the folder itself is usable:
 * its files are damaged. The nightly backups are the way back.
 */
export function damagedDatabaseError(dataDir: string, pgdata: string): StartupError {
  const backups = join(dataDir, 'backups')
  return new StartupError(
    `データフォルダのデータベースを開けません。${pgdata} を別の名前に移し、${backups} の最新のバックアップを npm run restore -- ファイル で復元してください` +
      ` / The database in the data folder cannot be opened: move ${pgdata} aside and restore the newest backup in ${backups} with npm run restore -- FILE`,
    EXIT.dataFolder,
  )
}
