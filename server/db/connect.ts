import postgres from 'postgres'
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

/** Connects to a real PostgreSQL server. */
export function connectPostgres(url: string, max = 10): Database {
  const sql = postgres(url, sqlOptions({ max })) as unknown as Sql
  return { sql, mode: 'postgres', close: () => sql.end({ timeout: 5 }) }
}
