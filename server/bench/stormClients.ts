import { readFileSync } from 'node:fs'
import { io as ioClient, type Socket } from 'socket.io-client'
import { SOCKET_OPTIONS } from '../../kiosk/src/lib/socketOptions.js'

/**
 * One load-generator process of `npm run bench:storm`: opens its share of the pages' sockets
 * the way a board page does (device cookie, WebSocket first, the pages' reconnection options),
 * asks for the day's snapshot on every connect, and tells the parent over IPC how many sockets
 * hold a snapshot taken after a given moment.
 */
export interface StormClientPlan {
  pages: { url: string; cookie: string }[]
  auth: Record<string, unknown>
  /** Sockets opened per batch while connecting, so the first connect is not itself the storm. */
  batch: number
}

export type ToClients = { type: 'connect' } | { type: 'status'; since: number } | { type: 'stop' }
export type FromClients =
  | { type: 'connected'; count: number }
  | { type: 'status'; fresh: number; total: number; lastAt: number; failedAsks: number; connectErrors: number; errorsSince: Record<string, number> }

const ASK_TIMEOUT_MS = 30_000

function main(): void {
  const plan = JSON.parse(readFileSync(process.env.STORM_PLAN_FILE!, 'utf8')) as StormClientPlan
  const lastSnapshot = new Float64Array(plan.pages.length)
  const sockets: Socket[] = []
  let failedAsks = 0
  let connectErrors = 0
  // When and why each handshake failed: after a restart, the reasons say whether the pages waited
  // on a server not yet listening, a refusal, or a connection that timed out.
  const errorTimes: number[] = []
  const errorReasons: string[] = []
  const send = (m: FromClients) => process.send!(m)

  const open = (i: number) => {
    const page = plan.pages[i]!
    const socket = ioClient(page.url, {
      ...SOCKET_OPTIONS,
      transports: [...SOCKET_OPTIONS.transports],
      extraHeaders: { origin: page.url, cookie: page.cookie },
      auth: plan.auth,
    })
    const ask = async () => {
      try {
        const ack = (await socket.timeout(ASK_TIMEOUT_MS).emitWithAck('day:snapshot', {})) as { ok: boolean }
        if (ack.ok) lastSnapshot[i] = Date.now()
        else throw new Error('refused')
      } catch {
        failedAsks++
        // As the page does: try again shortly while still connected.
        if (socket.connected) setTimeout(() => void ask(), 1000 + Math.random() * 1000)
      }
    }
    let retries = 0
    socket.on('connect', () => {
      retries = 0
      void ask()
    })
    socket.on('connect_error', (err: Error & { description?: unknown }) => {
      connectErrors++
      errorTimes.push(Date.now())
      errorReasons.push(socket.active ? `retried by Socket.IO: ${err.message}` : `refused: ${err.message}`)
      // A refusal by the server's middleware (the database busy) stops Socket.IO's own retries;
      // the page keeps trying with its own jittered backoff (DayController.onConnectError).
      if (!socket.active) {
        retries = Math.min(retries + 1, 10)
        setTimeout(() => !socket.connected && socket.connect(), Math.random() * Math.min(30_000, 1000 * 2 ** retries))
      }
    })
    // A server that closes the connection itself is not retried by Socket.IO: the page reconnects.
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1000 + Math.random() * 2000)
    })
    sockets.push(socket)
  }

  process.on('message', async (m: ToClients) => {
    if (m.type === 'connect') {
      for (let i = 0; i < plan.pages.length; i += plan.batch) {
        for (let j = i; j < Math.min(i + plan.batch, plan.pages.length); j++) open(j)
        const target = Math.min(i + plan.batch, plan.pages.length)
        while (lastSnapshot.slice(0, target).some((t) => t === 0)) await new Promise((r) => setTimeout(r, 50))
      }
      send({ type: 'connected', count: sockets.length })
    } else if (m.type === 'status') {
      let fresh = 0
      let lastAt = 0
      for (const t of lastSnapshot) {
        if (t > m.since) fresh++
        if (t > lastAt) lastAt = t
      }
      const errorsSince: Record<string, number> = {}
      errorTimes.forEach((t, k) => {
        if (t > m.since) errorsSince[errorReasons[k]!] = (errorsSince[errorReasons[k]!] ?? 0) + 1
      })
      send({ type: 'status', fresh, total: sockets.length, lastAt, failedAsks, connectErrors, errorsSince })
    } else {
      for (const s of sockets) {
        s.removeAllListeners()
        s.disconnect()
      }
      process.exit(0)
    }
  })
}

main()
