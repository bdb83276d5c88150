import type { Server as HttpServer } from 'node:http'
import type { RequestHandler } from 'express'
import type { AppServer } from '../realtime/hub.js'

/** Counts the HTTP requests being answered, so a shutdown can wait for them. */
export class InFlight {
  private count = 0
  private draining = false
  private waiters: (() => void)[] = []

  readonly middleware: RequestHandler = (_req, res, next) => {
    this.count++
    // A kept-alive connection gets no further request once the server is going.
    if (this.draining) res.setHeader('connection', 'close')
    res.once('close', () => {
      this.count--
      if (this.count === 0) for (const w of this.waiters.splice(0)) w()
    })
    next()
  }

  get size(): number {
    return this.count
  }

  /** From now on every answer closes its connection; resolves when no request is left. */
  idle(): Promise<void> {
    this.draining = true
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve))
  }
}

export interface DrainResult {
  /** Requests still unanswered when the time was up (0 when all finished). */
  unfinished: number
}

/**
 * Lets the server go quietly: stops accepting connections, tells every page the server is
 * restarting (they show 「再接続しています」 and come back to the next process), answers the
 * requests already received, then closes the sockets. Waits at most `timeoutMs` for requests.
 */
export async function drain(httpServer: HttpServer, io: AppServer, inFlight: InFlight, timeoutMs: number): Promise<DrainResult> {
  io.emit('server:restarting', {})
  // Stops listening and closes idle kept-alive connections; upgraded sockets are not affected.
  const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()))
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)))
  const outcome = await Promise.race([inFlight.idle(), timedOut])
  clearTimeout(timer)
  const unfinished = outcome === 'late' ? inFlight.size : 0
  io.disconnectSockets(true)
  // Connections of requests that did not finish in time are cut, so close() can complete.
  if (unfinished > 0) httpServer.closeAllConnections()
  await new Promise<void>((resolve) => io.close(() => resolve()))
  await closed
  return { unfinished }
}
