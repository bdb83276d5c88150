import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { SOCKET_OPTIONS } from '../lib/socketOptions.js'
import { PROTOCOL_VERSION, type ErrorCode } from '../../../shared/protocol/index.js'
import type { AppSocket } from './day-controller.js'

/** The events that only say "something of yours changed, read it again" (no data to apply). */
export type ReloadEvent = 'family:changed' | 'family:safety' | 'family:school' | 'city:changed'

export interface ReloadOnEventOptions {
  /** What the page listens for: a guardian's family events, or a city administrator's `city:changed`. */
  events: readonly ReloadEvent[]
  /** Re-read the page's data: something it shows changed, or the page was offline. */
  reload: () => void
  /** The login ended on the server (logged out elsewhere, expired). */
  onEnded: () => void
  /** Events arriving together (a sibling report, a notice to two children) give one reload. */
  delayMs?: number
  /** Opens the socket; tests pass a fake. */
  connect?: () => AppSocket | Promise<AppSocket>
}

/**
 * The one socket of a page that hears only that something of its own changed (a guardian's
 * children, a city's schools), never the data: the page then re-reads its lists through the
 * usual routes. Such a page sees only part of the school's sequence, so it has holes by
 * design: instead of tracking it, the page re-reads after every event, every reconnect and
 * every change of rights, so a missed event costs nothing but a later reload.
 */
export class ReloadOnEvent implements ReactiveController {
  live = false
  private socket: AppSocket | null = null
  private timer: ReturnType<typeof setTimeout> | undefined
  private connectedOnce = false
  /** Counts connects and disconnects, so a socket that arrives after the page let go is closed. */
  private generation = 0

  constructor(private readonly host: ReactiveControllerHost, private readonly opts: ReloadOnEventOptions) {
    host.addController(this)
  }

  hostConnected(): void {
    if (this.socket) return
    const generation = ++this.generation
    void Promise.resolve((this.opts.connect ?? openSocket)()).then((socket) => {
      if (generation !== this.generation || this.socket) socket.disconnect()
      else this.listen(socket)
    })
  }

  private listen(socket: AppSocket): void {
    this.socket = socket
    socket.on('connect', () => {
      this.setLive(true)
      // The page loads its data itself at first; after a reconnect it may have missed changes.
      if (this.connectedOnce) this.schedule()
      this.connectedOnce = true
    })
    socket.on('disconnect', (reason) => {
      this.setLive(false)
      if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1000 + Math.random() * 2000)
    })
    socket.on('connect_error', (err) => {
      const code = (err as Error & { data?: { code?: ErrorCode } }).data?.code
      if (code === 'UNAUTHENTICATED') this.end()
    })
    // The same change comes once per child it touches; the debounce makes it one reload.
    for (const event of this.opts.events) socket.on(event, () => this.schedule())
    socket.on('access:changed', () => this.schedule())
    socket.on('session:ended', () => this.end())
  }

  hostDisconnected(): void {
    this.generation++
    clearTimeout(this.timer)
    this.socket?.removeAllListeners()
    this.socket?.disconnect()
    this.socket = null
  }

  /** Closes the socket for good (the person logged out). */
  stop(): void {
    this.hostDisconnected()
    this.host.removeController(this)
  }

  private end(): void {
    this.stop()
    this.opts.onEnded()
  }

  private schedule(): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.opts.reload(), this.opts.delayMs ?? 250)
  }

  private setLive(live: boolean): void {
    this.live = live
    this.host.requestUpdate()
  }
}

/**
 * The socket client is loaded after the page: the guardian's form works without it, and a
 * phone on a slow line gets to the form sooner.
 */
async function openSocket(): Promise<AppSocket> {
  const { io } = await import('socket.io-client')
  return io({
    ...SOCKET_OPTIONS,
    transports: [...SOCKET_OPTIONS.transports],
    auth: { protocol: PROTOCOL_VERSION, buildId: __ASAGAO_BUILD_ID__, client: 'person' },
  })
}
