import type postgres from 'postgres'

/**
 * Sends the statement unprepared, so PostgreSQL plans it for this call's values. postgres.js
 * prepares every statement, and from its sixth call PostgreSQL may switch to one generic plan
 * made without the values. In a database of one school, a generic `school_id = $1` matches
 * every row: the guidance view and the register's counts (and a bare count(*)) were 2–2.5×
 * slower from their sixth call on (bench:register). Planning costs these page reads about a
 * millisecond. Not for statements run often: planning every call tripled a report's time
 * (bench: 7 → 26 ms), and the day snapshot's statement takes ~19 ms to plan, which doubled
 * a reconnect storm (bench:storm: 35 → 72 s).
 */
export function planEachCall<R extends readonly object[]>(query: postgres.PendingQuery<R>): postgres.PendingQuery<R> {
  // The option `sql.unsafe(…, { prepare: false })` sets, on a tagged query before it is sent.
  ;(query as unknown as { options: { prepare?: boolean } }).options.prepare = false
  return query
}
