/**
 * Counts failures per key in a sliding window, in memory. Enough for one process; a city
 * deployment behind several processes divides the limit by their number, which still stops
 * guessing.
 */
export class FailureLimiter {
  private failures = new Map<string, number[]>()
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  isBlocked(key: string): boolean {
    return this.recent(key).length >= this.max
  }

  fail(key: string): void {
    const list = this.recent(key)
    list.push(this.now())
    this.failures.set(key, list)
    if (this.failures.size > 10_000) this.prune()
  }

  succeed(key: string): void {
    this.failures.delete(key)
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs
    return (this.failures.get(key) ?? []).filter((t) => t > since)
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) if (this.recent(key).length === 0) this.failures.delete(key)
  }
}
