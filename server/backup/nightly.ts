import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Clock } from '../clock.js'
import type { Sql } from '../db/types.js'
import type { Log } from '../log.js'
import { startPeriodic, type Periodic } from '../ops/periodic.js'
import { listNightly, nightlyName, pruneNightly, writeWhole } from './files.js'
import { dumpLogical } from './logical.js'

const DAY_MS = 24 * 60 * 60 * 1000
const CHECK_EVERY_MS = 10 * 60 * 1000

export interface NightlyOptions {
  sql: Sql
  /** `ASAGAO_DATA_DIR/backups` */
  dir: string
  /** How many to keep (ASAGAO_BACKUP_KEEP). */
  keep: number
  clock: Clock
  log: Log
}

/**
 * Takes a backup when the newest one is a day old (or there is none), then deletes the oldest
 * beyond `keep`. Returns the file written, or null when none was due.
 */
export async function backupIfDue(opts: NightlyOptions): Promise<string | null> {
  const now = new Date(opts.clock.now())
  const newest = listNightly(opts.dir).at(-1)
  if (newest && now.getTime() - newest.at.getTime() < DAY_MS) return null
  mkdirSync(opts.dir, { recursive: true })
  const file = join(opts.dir, nightlyName(now))
  writeWhole(file, await dumpLogical(opts.sql, now))
  pruneNightly(opts.dir, opts.keep)
  return file
}

/**
 * The embedded server's daily backup, checked every ten minutes (and right after start). The
 * dump holds the single connection while it reads, so requests wait that long once a day.
 */
export function startNightlyBackups(opts: NightlyOptions): Periodic {
  // Shutdown waits for a backup being written before the database closes.
  return startPeriodic({
    name: 'backup',
    everyMs: CHECK_EVERY_MS,
    atStart: true,
    log: opts.log,
    work: async () => {
      const file = await backupIfDue(opts)
      if (file) opts.log.info('backup written', { file })
    },
  })
}
