import { createAdapter } from '@socket.io/postgres-adapter'
import type { ServerOptions } from 'socket.io'
import { adapterPool, type AdapterPoolOptions } from '../db/adapterPool.js'
import type { Sql } from '../db/types.js'
import type { Log } from '../log.js'

/** The adapter's table (migration 00017) and how long a large broadcast's row is kept. */
const ATTACHMENTS = { tableName: 'socket_io_attachments', cleanupInterval: 30_000 } as const

/**
 * Socket.IO's official PostgreSQL adapter over postgres.js: a broadcast is one NOTIFY (one row
 * and a NOTIFY when larger than 8,000 bytes) that every other process hears on its LISTEN
 * connection. Give it a connection of its own: broadcasts do not queue behind snapshots, and NOTIFYs sent on one connection arrive in the order sent (a session's end before its sockets are closed).
 */
export function postgresAdapter(sql: Sql, log: Log, opts: AdapterPoolOptions = {}): NonNullable<ServerOptions['adapter']> {
  return createAdapter(adapterPool(sql, opts) as never, {
    ...ATTACHMENTS,
    // A lost broadcast costs the pages a snapshot (events carry sequence numbers); say it happened.
    errorHandler: (err: Error) => log.warn('socket adapter', { err: String(err) }),
  }) as NonNullable<ServerOptions['adapter']>
}
