import type { Sql } from './types.js'

/** The statements a pool sent while a count ran, in the order they went to the database. */
export interface QueryCount {
  readonly count: number
  readonly statements: readonly string[]
}

type Debug = (connection: number, query: string, parameters: unknown[], types: unknown[]) => void
type Listener = (query: string) => void

const listeners = new WeakMap<object, Set<Listener>>()

/**
 * Counts the statements a pool sends to the database from now until `stop()`: what tests use to
 * hold an operation to a number of round trips. postgres.js calls its `debug` hook for each
 * statement as it writes it to a connection, on both storage modes (PGlite is reached over the
 * same driver): queries inside transactions, BEGIN, COMMIT and ROLLBACK included, a query that
 * waits for a connection only once it is sent. The hook is set only while some count runs, as
 * the driver also keeps a stack per query while it is set.
 */
export function countQueries(sql: Sql): { stop(): QueryCount } {
  const options = sql.options as unknown as { debug: Debug | boolean }
  let set = listeners.get(options)
  if (!set) listeners.set(options, (set = new Set()))
  const statements: string[] = []
  const listener: Listener = (query) => void statements.push(query.replace(/\s+/g, ' ').trim())
  if (set.size === 0) {
    const all = set
    options.debug = (_connection, query) => {
      for (const l of all) l(query)
    }
  }
  set.add(listener)
  let stopped = false
  return {
    stop() {
      if (!stopped) {
        stopped = true
        set.delete(listener)
        if (set.size === 0) options.debug = false
      }
      return { count: statements.length, statements: [...statements] }
    },
  }
}

/** Counts the statements sent while `run` runs; nothing else should use the pool meanwhile. */
export async function queriesOf<T>(sql: Sql, run: () => Promise<T>): Promise<QueryCount & { result: T }> {
  const counter = countQueries(sql)
  try {
    const result = await run()
    return { ...counter.stop(), result }
  } finally {
    counter.stop()
  }
}
