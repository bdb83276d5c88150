import type { Sql } from './types.js'

/** How busy a connection pool is right now. */
export interface PoolUsage {
  /** Connections the pool may open. */
  size: number
  /** Queries and transactions started and not yet settled (running or waiting for a connection). */
  busy: number
  /** Of those, how many wait for a connection: the pool is the bottleneck when this stays above 0. */
  waiting: number
}

const usages = new WeakMap<object, () => PoolUsage>()

/**
 * Counts the queries and transactions of a pool. postgres.js keeps its queue of waiting queries
 * to itself, so the pool is wrapped: a query counts from when it is first awaited (a fragment
 * nested in another query never is) until it settles, a transaction for as long as it holds
 * its connection. What exceeds the pool's size waits.
 */
export function trackPool(sql: Sql, size: number): Sql {
  let busy = 0
  const hold = <P extends PromiseLike<unknown>>(p: P): P => {
    busy++
    const done = () => void busy--
    p.then(done, done)
    return p
  }
  const countWhenAwaited = (query: PromiseLike<unknown>) => {
    const then = query.then
    let counted = false
    Object.defineProperty(query, 'then', {
      configurable: true,
      value(this: PromiseLike<unknown>, ...args: Parameters<PromiseLike<unknown>['then']>) {
        if (!counted) {
          counted = true
          busy++
          const done = () => void busy--
          then.call(query, done, done)
        }
        return then.apply(this, args)
      },
    })
  }
  const tracked = new Proxy(sql, {
    apply(target, thisArg, args: unknown[]) {
      const result = Reflect.apply(target, thisArg, args) as unknown
      const strings = args[0] as { raw?: unknown } | undefined
      if (Array.isArray(strings?.raw)) countWhenAwaited(result as PromiseLike<unknown>)
      return result
    },
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown
      if (prop === 'begin') return (...args: unknown[]) => hold((value as (...a: unknown[]) => PromiseLike<unknown>)(...args))
      return value
    },
  })
  usages.set(tracked, () => ({ size, busy, waiting: Math.max(0, busy - size) }))
  return tracked
}

/** The usage of a pool made by trackPool, or null for any other. */
export function poolUsageOf(sql: Sql): PoolUsage | null {
  return usages.get(sql)?.() ?? null
}
