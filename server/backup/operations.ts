import { mkdirSync, readFileSync, renameSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Clock } from '../clock.js'
import type { Config } from '../config.js'
import { openDatabase } from '../db/open.js'
import { BackupError } from './errors.js'
import { nightlyName, writeWhole } from './files.js'
import { dumpLogical, latestSchemaVersion, readLogical, restoreLogical } from './logical.js'
import { dumpPostgres, PG_DUMP_MAGIC, readStart, restorePostgres, verifyPgDump } from './pgDump.js'
import { ensureNoServer, ensureNoServerOn } from './serverLock.js'

const GZIP_MAGIC = '\x1f\x8b'

/**
 * `npm run backup`: PostgreSQL through pg_dump (custom format, `.pgdump`), the embedded database
 * as a logical dump (`.backup.gz`). Writes to `out`, or to a timestamped file in the current
 * folder. Returns the file written.
 */
export async function backup(config: Config, clock: Clock, out?: string): Promise<string> {
  const now = new Date(clock.now())
  const file = resolve(out ?? nightlyName(now, config.databaseUrl ? '.pgdump' : '.backup.gz'))
  mkdirSync(dirname(file), { recursive: true })
  if (config.databaseUrl) {
    // Through a temporary name, so a failed dump never leaves a file that looks complete.
    await dumpPostgres(config.databaseUrl, `${file}.partial`)
    renameSync(`${file}.partial`, file)
    return file
  }
  ensureNoServer(config.dataDir)
  // Opened as the server opens it, migrations included: the dump has this version's schema.
  const db = await openDatabase(config, 1)
  try {
    writeWhole(file, await dumpLogical(db.sql, now))
  } finally {
    await db.close()
  }
  return file
}

/**
 * `npm run restore -- FILE`: checks the whole file first (complete, an Asagao backup, a schema
 * this version knows), then replaces the configured database with it in one transaction.
 */
export async function restore(config: Config, file: string): Promise<void> {
  const start = readStart(file, 5)
  if (start === PG_DUMP_MAGIC) {
    if (!config.databaseUrl) throw new BackupError('WRONG_DATABASE', 'this is a PostgreSQL dump: restore it into PostgreSQL (set DATABASE_URL)')
    await verifyPgDump(file, latestSchemaVersion())
    await ensureNoServerOn(config)
    await restorePostgres(config.databaseUrl, file)
    return
  }
  if (!start.startsWith(GZIP_MAGIC)) throw new BackupError('UNKNOWN_FORMAT', 'this is not an Asagao backup (neither a pg_dump archive nor an embedded backup)')
  const dump = readLogical(readFileSync(file))
  await ensureNoServerOn(config)
  const db = await openDatabase(config, 1)
  try {
    await restoreLogical(db.sql, dump)
  } finally {
    await db.close()
  }
}
