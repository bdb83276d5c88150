/**
 * Asks for the same thing that arrive while it is being read share that one read (thousands of
 * pages of a school reconnecting at once present the same cookie). Nothing is kept: once the read
 * settles, the next ask reads afresh, so an answer is never older than the ask's own moment by
 * more than one read's duration.
 */
export class SharedReads<V> {
  private readonly running = new Map<string, Promise<V>>()
  /** Reads started, for tests and benchmarks. */
  reads = 0

  read(key: string, load: () => Promise<V>): Promise<V> {
    const running = this.running.get(key)
    if (running) return running
    this.reads++
    const started = load()
    this.running.set(key, started)
    const done = () => void this.running.delete(key)
    started.then(done, done)
    return started
  }
}
