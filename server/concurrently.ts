/** How a forEachConcurrently run ended. */
export interface ConcurrentRun {
  /** How many items were started: the items from there on were never touched, and the caller can give them back. */
  started: number
  /** The first failure, if any: no item was started after it. */
  failure: { err: unknown } | null
}

/**
 * Runs `work` on the items in order with at most `limit` of them under way at once, starting
 * no new one once `stopping()` says so or once one has failed. Resolves only when every
 * started one has settled, so nothing the caller closes next (a pool, a database) is still in
 * use, and a failure never leaves other items running behind the caller's back.
 */
export async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, stopping: () => boolean = () => false): Promise<ConcurrentRun> {
  let next = 0
  let failure: ConcurrentRun['failure'] = null
  const lane = async () => {
    while (next < items.length && !stopping() && !failure) {
      try {
        await work(items[next++]!)
      } catch (err) {
        failure ??= { err }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
  return { started: next, failure }
}
