import { join } from 'node:path'
import type { Config } from '../config.js'
import { connectPostgres } from './connect.js'
import { connectEmbedded } from './embedded.js'
import { migrate } from './migrate.js'
import type { Database } from './types.js'

/** Opens the configured database (PostgreSQL, or the embedded one in the data folder) and migrates it. */
export async function openDatabase(config: Config, poolSize = 10): Promise<Database> {
  const db = config.databaseUrl ? await connectPostgres(config.databaseUrl, poolSize) : await connectEmbedded({ dataDir: join(config.dataDir, 'pgdata') })
  await migrate(db.sql)
  return db
}
