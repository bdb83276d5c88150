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

/** Options shared by both storage modes, so the same SQL behaves the same. */
export function sqlOptions(extra: postgres.Options<{}>): postgres.Options<{}> {
  return {
    transform: postgres.camel,
    types,
    onnotice: () => {},
    // Plan every execution with its parameters: after five runs of a prepared statement the
    // server may switch to a generic plan, which cannot see how many school days or pupils an
    // array holds and nests loops over the register's whole year (seconds instead of ms).
    // (PGlite ignores startup parameters: connectEmbedded sets it on its one session.)
    connection: { application_name: 'asagao', TimeZone: 'UTC', plan_cache_mode: 'force_custom_plan' },
    ...extra,
  } as postgres.Options<{}>
}

/**
 * How long the server waits on PostgreSQL before it gives up and answers 503: a connection
 * attempt (seconds, postgres.js' unit) and one statement (milliseconds, PostgreSQL's).
 */
export const POSTGRES_TIMEOUTS = { connectSeconds: 3, statementMs: 15_000 } as const

/**
 * Connects to a real PostgreSQL server. While it is unreachable, queries fail after the
 * connect timeout instead of queueing for the driver's default 30 s, and idle connections are
 * recycled so a restarted server is picked up again without restarting Asagao.
 */
export function connectPostgres(url: string, max = 10): Database {
  const sql = trackPool(postgres(url, sqlOptions({
    max,
    connect_timeout: POSTGRES_TIMEOUTS.connectSeconds,
    idle_timeout: 60,
    connection: { application_name: 'asagao', TimeZone: 'UTC', statement_timeout: POSTGRES_TIMEOUTS.statementMs },
  } as postgres.Options<{}>)) as unknown as Sql, max)
  return { sql, mode: 'postgres', close: () => sql.end({ timeout: 5 }) }
}
