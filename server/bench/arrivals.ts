import { performance } from 'node:perf_hooks'

export interface Arrival {
  /** performance.now() when the first socket got the message. */
  first: number
  /** performance.now() when the last socket got it: the moment every board shows it. */
  last: number
}

interface Pending {
  seen: Set<number>
  first: number
  resolve(a: Arrival): void
  timer: NodeJS.Timeout
}

/**
 * Tracks one message fanning out to many sockets. Each socket's handler reports the keys it
 * received with a timestamp taken first thing in the handler; `expect` resolves once every
 * socket has seen the key. Registering before sending means no arrival can be missed.
 */
export class Arrivals {
  private readonly pending = new Map<string, Pending>()

  constructor(private readonly sockets: number, private readonly timeoutMs = 10_000) {}

  expect(key: string): Promise<Arrival> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const p = this.pending.get(key)
        this.pending.delete(key)
        reject(new Error(`only ${p?.seen.size ?? 0} of ${this.sockets} sockets got ${key} within ${this.timeoutMs} ms`))
      }, this.timeoutMs)
      this.pending.set(key, { seen: new Set(), first: Number.NaN, resolve, timer })
    })
  }

  received(socketIndex: number, keys: Iterable<string>, at: number): void {
    for (const key of keys) {
      const p = this.pending.get(key)
      if (!p || p.seen.has(socketIndex)) continue
      if (p.seen.size === 0) p.first = at
      p.seen.add(socketIndex)
      if (p.seen.size === this.sockets) {
        clearTimeout(p.timer)
        this.pending.delete(key)
        p.resolve({ first: p.first, last: at })
      }
    }
  }
}
