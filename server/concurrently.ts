/**
 * Runs `work` on the items in order with at most `limit` of them under way at once, starting
 * no new one once `stopping()` says so. Resolves when every started one has settled, with how
 * many were started: the items from there on were never touched.
 */
export async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, stopping: () => boolean = () => false): Promise<number> {
  let next = 0
  const lane = async () => {
    while (next < items.length && !stopping()) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
  return next
}
