import postgres from 'postgres'
import { trackPool } from './poolUsage.js'
import type { Database, Sql } from './types.js'

/**
 * Column types as the rest of the code wants them: dates stay `YYYY-MM-DD` strings (a school
 * date has no time zone), instants become ISO strings for the wire, and bigint sequence
 * numbers become numbers (they stay far below 2^53).
 */
const types = {
  date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x },
  instant: {
    to: 1184,
    from: [1184, 1114],
    serialize: (x: string | Date) => (x instanceof Date ? x.toISOString() : x),
    parse: (x: string) => new Date(x).toISOString(),
  },
  bigint: { to: 20, from: [20], serialize: (x: number) => String(x), parse: (x: string) => Number(x) },
  numeric: { to: 1700, from: [1700], serialize: (x: number) => String(x), parse: (x: string) => Number(x) },
}

/** The name every Asagao connection shows in pg_stat_activity (a restore looks for running servers by it). */
export const APPLICATION_NAME = 'asagao'

/** Every connection's settings (PostgreSQL's names). */
const SESSION_SETTINGS = { application_name: APPLICATION_NAME, TimeZone: 'UTC' } as const

/** Options shared by both storage modes, so the same SQL behaves the same. */
export function sqlOptions(extra: postgres.Options<{}>): postgres.Options<{}> {
  return {
    transform: postgres.camel,
    types,
    onnotice: () => {},
    ...extra,
    connection: { ...SESSION_SETTINGS, ...extra.connection },
  } as postgres.Options<{}>
}

/**
 * How long the server waits on PostgreSQL before it gives up and answers 503: a connection
 * attempt (seconds, postgres.js' unit) and one statement (milliseconds, PostgreSQL's).
 */
export const POSTGRES_TIMEOUTS = { connectSeconds: 3, statementMs: 15_000 } as const

/**
 * Seconds a query waits before its connection tries again after a failed attempt. postgres.js
 * counts failed attempts across the whole pool and waits up to 20 s by default, so during an
 * outage a request queued behind a few refused connections waited 13–18 s before its own
 * attempt; capped at 1 s it is refused (503) within about a second.
 */
export const reconnectBackoff = (failures: number): number => Math.min(0.05 * 2 ** failures, 1)

/**
 * Connects to a real PostgreSQL server. While it is unreachable, queries fail after the
 * connect timeout (or at once when refused, after at most a second's backoff) instead of
 * queueing for the driver's default 30 s, and idle connections are
 * recycled so a restarted server is picked up again without restarting Asagao.
 */
export async function connectPostgres(url: string, max = 10): Promise<Database> {
  const sql = trackPool(postgres(url, sqlOptions({
    max,
    connect_timeout: POSTGRES_TIMEOUTS.connectSeconds,
    backoff: reconnectBackoff,
    idle_timeout: 60,
    connection: { statement_timeout: POSTGRES_TIMEOUTS.statementMs },
  } as postgres.Options<{}>)) as unknown as Sql, max)
  await fetchArrayTypesOnce(sql)
  return { sql, mode: 'postgres', close: () => sql.end({ timeout: 5 }) }
}

/**
 * postgres.js (3.4.9, the latest release) asks every new connection for PostgreSQL's array
 * types and drops the promise of that query: a connection lost at that moment, as when
 * PostgreSQL restarts while the pool reconnects, becomes an unhandled rejection
 * (CONNECTION_CLOSED or 57P01) that no caller can catch (porsager/postgres issues 1192, 1205,
 * 1223; unfixed upstream). The array types are PostgreSQL's built-in ones (the schema defines
 * none), so the first connection fetches them and later connections reuse them.
 */
export async function fetchArrayTypesOnce(sql: Sql): Promise<void> {
  await sql`select 1`
  sql.options.fetch_types = false
}
