interface Line<V> {
  running: Promise<V> | null
  /** Asks that came while a read was running: they share the read after it. */
  waiting: { resolve(v: V): void; reject(err: unknown): void; load: () => Promise<V> }[]
}

/**
 * One read for everyone asking the same thing at once (every page of a school after a restart
 * presents the same cookie and wants the same day). An ask never joins a read that is already
 * running: that read may have begun before the change that made the page ask (a logout, a
 * rights change, a report), so the ask waits for the next read, which starts when the running
 * one ends and serves everyone who asked meanwhile. Every answer is thus read after its ask,
 * N asks together cost at most two reads, and nothing is kept once the reads are done.
 */
export class SharedReads<V> {
  private readonly lines = new Map<string, Line<V>>()
  /** Reads started, for tests and benchmarks. */
  reads = 0

  read(key: string, load: () => Promise<V>): Promise<V> {
    let line = this.lines.get(key)
    if (!line) this.lines.set(key, (line = { running: null, waiting: [] }))
    if (!line.running) return this.start(key, line, load)
    return new Promise((resolve, reject) => line.waiting.push({ resolve, reject, load }))
  }

  private start(key: string, line: Line<V>, load: () => Promise<V>): Promise<V> {
    this.reads++
    const running = load()
    line.running = running
    const done = () => {
      line.running = null
      const waiting = line.waiting.splice(0)
      if (waiting.length === 0) return void this.lines.delete(key)
      // The newest ask's loader: they all read the same thing.
      this.start(key, line, waiting.at(-1)!.load).then(
        (v) => waiting.forEach((w) => w.resolve(v)),
        (err: unknown) => waiting.forEach((w) => w.reject(err)),
      )
    }
    running.then(done, done)
    return running
  }
}
