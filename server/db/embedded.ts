import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import postgres from 'postgres'
import { fetchArrayTypesOnce, sqlOptions } from './connect.js'
import { trackPool } from './poolUsage.js'
import type { Database, Sql } from './types.js'

export interface EmbeddedOptions {
  /** Folder to persist in; omit for an in-memory database (tests). */
  dataDir?: string
  /** A data-folder dump to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob | File
}

/** PGlite could not start on the files in its data folder (damaged, or not a database). */
export class EmbeddedFilesDamaged extends Error {
  constructor(cause: unknown) {
    super(`the embedded database did not start on its files: ${String((cause as Error)?.message ?? cause)}`, { cause })
  }
}

const SOCKET = /^asagao-pglite-(\d+)-[0-9a-f]+\.sock$/

/** Where this process's private socket lives: the system's temporary folder (Unix socket paths are short). */
function socketPath(): string {
  return join(tmpdir(), `asagao-pglite-${process.pid}-${randomBytes(4).toString('hex')}.sock`)
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes the sockets of Asagao processes that no longer run: a process killed with -9 cannot
 * clean up after itself, so the next start does it.
 */
export function removeStaleSockets(dir = tmpdir()): string[] {
  const removed: string[] = []
  for (const name of readdirSync(dir)) {
    const m = SOCKET.exec(name)
    if (!m || alive(Number(m[1]))) continue
    rmSync(join(dir, name), { force: true })
    removed.push(name)
  }
  return removed
}

/**
 * Runs PGlite (PostgreSQL compiled to WASM) in this process and lets postgres.js talk to it
 * over a private Unix socket. PGlite is single-connection, so the pool has exactly one
 * connection: queries queue, and a transaction holds the database until it ends.
 */
export async function connectEmbedded(opts: EmbeddedOptions = {}): Promise<Database & { pglite: PGlite }> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true })
  // Loaded here, not at start: a server on PostgreSQL never needs PGlite.
  const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite-socket')])
  const pglite = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  }).catch((err: unknown) => {
    // A file-system error says what is wrong with the folder; anything else is in the files.
    throw typeof (err as { code?: unknown } | null)?.code === 'string' ? err : new EmbeddedFilesDamaged(err)
  })
  removeStaleSockets()
  const path = socketPath()
  const server = new PGLiteSocketServer({ db: pglite, path })
  await server.start()
  const sql = trackPool(postgres(sqlOptions({ path, max: 1, database: 'postgres', username: 'postgres' } as postgres.Options<{}>)) as unknown as Sql, 1)
  await fetchArrayTypesOnce(sql)
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
