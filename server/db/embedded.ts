import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import postgres from 'postgres'
import { sqlOptions } from './connect.js'
import type { Database, Sql } from './types.js'

export interface EmbeddedOptions {
  /** Folder to persist in; omit for an in-memory database (tests). */
  dataDir?: string
  /** A data-folder dump to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob | File
}

/**
 * Runs PGlite (PostgreSQL compiled to WASM) in this process and lets postgres.js talk to it
 * over a private Unix socket. PGlite is single-connection, so the pool has exactly one
 * connection: queries queue, and a transaction holds the database until it ends.
 */
export async function connectEmbedded(opts: EmbeddedOptions = {}): Promise<Database & { pglite: PGlite }> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true })
  const pglite = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  })
  // PGlite ignores startup parameters; its one backend keeps session settings instead.
  await pglite.exec(`set plan_cache_mode = force_custom_plan`)
  const path = join(tmpdir(), `asagao-pglite-${process.pid}-${randomBytes(4).toString('hex')}.sock`)
  const server = new PGLiteSocketServer({ db: pglite, path })
  await server.start()
  const sql = postgres(sqlOptions({ path, max: 1, database: 'postgres', username: 'postgres' } as postgres.Options<{}>)) as unknown as Sql
  return {
    sql,
    mode: 'embedded',
    pglite,
    async close() {
      await sql.end({ timeout: 5 })
      await server.stop()
      await pglite.close()
    },
  }
}
