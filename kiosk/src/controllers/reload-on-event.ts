import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { SOCKET_OPTIONS } from '../lib/socketOptions.js'
import type { Socket } from 'socket.io-client'
import { PROTOCOL_VERSION, type ClientToServerEvents, type ErrorCode, type ServerToClientEvents } from '../../../shared/protocol/index.js'

export type FamilySocket = Socket<ServerToClientEvents, ClientToServerEvents>

export interface FamilyLiveOptions {
  /** What the page listens for: a guardian's children (default), or the schools of a city administrator's city. */
  event?: 'family:changed' | 'city:changed'
  /** Re-read the family's reports and notices: one of the children's days changed, or the page was offline. */
  reload: () => void
  /** The login ended on the server (logged out elsewhere, expired). */
  onEnded: () => void
  /** Events arriving together (a sibling report, a notice to two children) give one reload. */
  delayMs?: number
  /** Opens the socket; tests pass a fake. */
  connect?: () => FamilySocket | Promise<FamilySocket>
}

/**
 * The guardian page's one socket. The server tells a guardian only that one of their own
 * children's days changed (`family:changed`, no data); the page then re-reads its own lists
 * through the usual routes. A guardian hears only their children, so the school's sequence
 * has holes by design: instead of tracking it, the page re-reads after every event, every
 * reconnect and every change of rights, so a missed event costs nothing but a later reload.
 * The city page works the same way with `city:changed` (which schools changed, no data).
 */
export class FamilyLiveController implements ReactiveController {
  live = false
  private socket: FamilySocket | null = null
  private timer: ReturnType<typeof setTimeout> | undefined
  private connectedOnce = false
  /** Counts connects and disconnects, so a socket that arrives after the page let go is closed. */
  private generation = 0

  constructor(private readonly host: ReactiveControllerHost, private readonly opts: FamilyLiveOptions) {
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

  private listen(socket: FamilySocket): void {
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
    if (this.opts.event === 'city:changed') socket.on('city:changed', () => this.schedule())
    else {
      socket.on('family:changed', () => this.schedule())
      // A safety confirmation for a child started, was answered (by the other guardian too) or closed.
      socket.on('family:safety', () => this.schedule())
    }
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

  /** Closes the socket for good (the guardian logged out). */
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
 * The socket client is loaded after the page: the form works without it, and a phone on a slow
 * line gets to the form sooner.
 */
async function openSocket(): Promise<FamilySocket> {
  const { io } = await import('socket.io-client')
  return io({
    ...SOCKET_OPTIONS,
    transports: [...SOCKET_OPTIONS.transports],
    auth: { protocol: PROTOCOL_VERSION, buildId: __ASAGAO_BUILD_ID__, client: 'person' },
  })
}
