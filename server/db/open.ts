import { join } from 'node:path'
import type { Config } from '../config.js'
import { damagedDatabaseError } from '../startupError.js'
import { connectPostgres } from './connect.js'
import { connectEmbedded, EmbeddedFilesDamaged } from './embedded.js'
import { migrate } from './migrate.js'
import type { Database } from './types.js'

/** Opens the configured database (PostgreSQL, or the embedded one in the data folder) and migrates it. */
export async function openDatabase(config: Config, poolSize = 10): Promise<Database> {
  const db = config.databaseUrl ? await connectPostgres(config.databaseUrl, poolSize) : await openEmbedded(config.dataDir)
  await migrate(db.sql)
  return db
}

/** The embedded database in the data folder; damaged files end the start with the way back. */
async function openEmbedded(dataDir: string): Promise<Database> {
  const pgdata = join(dataDir, 'pgdata')
  try {
    return await connectEmbedded({ dataDir: pgdata })
  } catch (err) {
    throw err instanceof EmbeddedFilesDamaged ? damagedDatabaseError(dataDir, pgdata) : err
  }
}
