import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { SOCKET_OPTIONS } from '../lib/socketOptions.js'
import { t } from '../components/text.js'
import { io, type Socket } from 'socket.io-client'
import { SequenceBuffer } from '../../../shared/domain/sequence.js'
import {
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type CommandAck,
  type CommandName,
  type CommandPayload,
  type DayChanged,
  type DayEntry,
  type DaySnapshot,
  type ErrorCode,
  type HandshakeAuth,
  type SafetyChanged,
  type SchoolChanged,
  type SchoolPart,
  type ServerToClientEvents,
} from '../../../shared/protocol/index.js'
import { schoolDateOf } from '../../../shared/time/schoolTime.js'

export type ConnectionState = 'connecting' | 'live' | 'offline' | 'ended'

/** What changed, for pages that keep more than the day (the register, the calendar, admin). */
export type PageChange =
  /** The day was loaded afresh (connect, reconnect, a gap, midnight, a school change): anything may have changed. */
  | { kind: 'snapshot' }
  /** Pupil-days of these dates changed. */
  | { kind: 'pupils'; dates: string[] }
  /** These parts of the school changed. */
  | { kind: 'school'; parts: SchoolPart[] }
  /** The open 安否確認 changed (`snapshot.safety` holds its new tally, or null once closed). */
  | { kind: 'safety'; confirmationId: number }

export interface DayControllerOptions {
  /** Which cookie the socket authenticates with. */
  client: 'board' | 'person'
  /** How long a hole in the sequence may stay open before a fresh snapshot. */
  gapGraceMs?: number
  heartbeatMs?: number
  /** Called after each change has been applied, in sequence order. */
  onChange?: (change: PageChange) => void
  /** Opens the socket; tests pass a fake. */
  connect?: (auth: HandshakeAuth) => AppSocket
}

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>
type Sequenced = DayChanged | SchoolChanged | SafetyChanged

/** School parts the day itself shows (school days, closures, badges, classes, teachers): a new snapshot brings them. */
const DAY_PARTS: readonly SchoolPart[] = ['calendar', 'settings', 'codes', 'roster', 'staff']

const ACK_TIMEOUT_MS = 10_000
const DATE_RETRY_MS = 20_000
/** Codes after which reconnecting with the same credential is pointless. */
const FINAL: readonly ErrorCode[] = ['UNAUTHENTICATED', 'DEVICE_REVOKED']

/**
 * The one socket of a page. Owns the school day's data: takes a snapshot on every (re)connect,
 * applies sequenced events exactly once and in order, resnapshots on a gap or at school-local
 * midnight, detects half-open connections with an application heartbeat and reconnects
 * forever with jittered backoff. Elements read its fields and re-render on host updates.
 */
export class DayController implements ReactiveController {
  state: ConnectionState = 'connecting'
  endedCode: ErrorCode | null = null
  snapshot: DaySnapshot | null = null
  readonly entries = new Map<number, DayEntry>()
  /** When each pupil's entry last changed live (for the brief highlight). */
  readonly changedAt = new Map<number, number>()
  /** Epoch ms at which the data was last known to be current. */
  lastSyncAt: number | null = null
  /** The server runs a newer build: the page should reload at a quiet moment. */
  buildChanged = false
  /** The server said it is restarting: pages show a calm 「再接続しています」, not an alarm, until the next snapshot. */
  restarting = false
  snapshotsTaken = 0
  eventsApplied = 0

  private socket: AppSocket | null = null
  private readonly buffer = new SequenceBuffer<Sequenced>()
  private gapTimer: ReturnType<typeof setTimeout> | undefined
  private behindTimer: ReturnType<typeof setTimeout> | undefined
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private retries = 0
  private snapshotInFlight = false
  private dateCheckedAt = -Infinity

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly opts: DayControllerOptions,
  ) {
    host.addController(this)
  }

  hostConnected(): void {
    if (this.socket) return
    const socket = (this.opts.connect ?? openSocket)({ protocol: PROTOCOL_VERSION, buildId: __ASAGAO_BUILD_ID__, client: this.opts.client })
    this.socket = socket
    socket.on('connect', () => {
      this.retries = 0
      this.buffer.reset()
      void this.takeSnapshot()
    })
    socket.on('disconnect', (reason) => {
      if (this.state === 'ended') return
      this.setState('offline')
      // A server shutting down disconnects us deliberately, and Socket.IO does not retry that
      // on its own; a restart must not leave the page offline for good.
      if (reason === 'io server disconnect') this.scheduleReconnect(this.restarting ? restartDelay() : undefined)
    })
    socket.on('server:restarting', () => {
      this.restarting = true
      this.host.requestUpdate()
    })
    socket.on('connect_error', (err) => this.onConnectError(err as Error & { data?: { code?: ErrorCode } }))
    socket.on('day:changed', (event) => this.onEvent(event))
    socket.on('school:changed', (event) => this.onEvent(event))
    socket.on('school:seq', ({ schoolId, seq }) => this.onLatestSeq(schoolId, seq))
    socket.on('safety:changed', (event) => this.onEvent(event))
    socket.on('session:ended', ({ code }) => this.end(code))
    // What the page holds was redacted for the old rights: replace it.
    socket.on('access:changed', () => void this.takeSnapshot())
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), this.opts.heartbeatMs ?? 15_000)
  }

  hostDisconnected(): void {
    clearTimeout(this.gapTimer)
    clearTimeout(this.behindTimer)
    clearTimeout(this.retryTimer)
    clearInterval(this.heartbeatTimer)
    this.socket?.removeAllListeners()
    this.socket?.disconnect()
    this.socket = null
  }

  /** Sends a command and resolves with its ack (an error body on timeout or refusal). */
  async command<K extends CommandName>(name: K, payload: CommandPayload<K>): Promise<CommandAck<K>> {
    if (!this.socket?.connected) return { ok: false, error: { code: 'INTERNAL', message: t('commandOffline') } }
    try {
      const timed = this.socket.timeout(ACK_TIMEOUT_MS)
      const emit = timed.emitWithAck as (n: K, p: CommandPayload<K>) => Promise<CommandAck<K>>
      return await emit.call(timed, name, payload)
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: t('commandNoAnswer') } }
    }
  }

  /**
   * Called by pages regularly (each second is fine): at school-local midnight the day changes
   * without a reload. While the server still answers with the old date (its clock a little
   * behind), it asks again at most every DATE_RETRY_MS instead of on every call.
   */
  checkDate(nowMs = Date.now()): void {
    const snap = this.snapshot
    if (!snap || this.state !== 'live' || schoolDateOf(nowMs, snap.timeZone) === snap.date) return
    if (Math.abs(nowMs - this.dateCheckedAt) < DATE_RETRY_MS) return
    this.dateCheckedAt = nowMs
    void this.takeSnapshot()
  }

  private async takeSnapshot(): Promise<void> {
    if (this.snapshotInFlight || !this.socket?.connected) return
    this.snapshotInFlight = true
    this.buffer.reset()
    clearTimeout(this.gapTimer)
    this.gapTimer = undefined
    const res = await this.command('day:snapshot', {})
    this.snapshotInFlight = false
    if (!res.ok) {
      if (FINAL.includes(res.error.code)) return this.end(res.error.code)
      // Try again soon; the connection may still be coming up.
      this.retryTimer = setTimeout(() => void this.takeSnapshot(), this.backoff())
      return
    }
    const snap = res.snapshot
    this.snapshot = snap
    this.entries.clear()
    for (const e of snap.entries) this.entries.set(e.pupilId, e)
    this.snapshotsTaken++
    if (snap.buildId !== __ASAGAO_BUILD_ID__ && __ASAGAO_BUILD_ID__ !== 'dev') this.buildChanged = true
    this.lastSyncAt = Date.now()
    this.restarting = false
    this.setState('live')
    this.opts.onChange?.({ kind: 'snapshot' })
    this.apply(this.buffer.snapshotApplied(snap.seq))
    this.scheduleGapCheck()
  }

  /**
   * The server says the school is at `seq`. Its event may still be on its way, so wait the
   * gap's grace; still behind then, the event was lost and only a snapshot brings it.
   */
  private onLatestSeq(schoolId: number, seq: number): void {
    if (!this.snapshot || this.snapshot.schoolId !== schoolId || seq <= this.snapshot.seq) return
    clearTimeout(this.behindTimer)
    this.behindTimer = setTimeout(() => {
      if (this.snapshot && this.snapshot.seq < seq) void this.takeSnapshot()
    }, this.opts.gapGraceMs ?? 1500)
  }

  private onEvent(event: Sequenced): void {
    this.apply(this.buffer.push(event))
    this.scheduleGapCheck()
  }

  private apply(events: Sequenced[]): void {
    if (events.length === 0 || !this.snapshot) return
    const now = Date.now()
    for (const event of events) {
      if ('confirmationId' in event) {
        this.snapshot.safety = event.safety
        this.snapshot.seq = event.seq
        this.eventsApplied++
        this.opts.onChange?.({ kind: 'safety', confirmationId: event.confirmationId })
        continue
      }
      if ('parts' in event) {
        this.snapshot.seq = event.seq
        this.eventsApplied++
        this.opts.onChange?.({ kind: 'school', parts: event.parts })
        // The new snapshot covers every later event too, so the rest is dropped with the buffer.
        if (event.parts.some((p) => DAY_PARTS.includes(p))) return void this.takeSnapshot()
        continue
      }
      for (const change of event.changes) {
        if (change.date !== this.snapshot.date) continue
        if (change.entry) this.entries.set(change.pupilId, change.entry)
        else this.entries.delete(change.pupilId)
        this.changedAt.set(change.pupilId, now)
      }
      // A class's own state (roll taken) travels with the event.
      for (const c of event.classes ?? []) {
        if (c.date !== this.snapshot.date) continue
        this.snapshot.classes = this.snapshot.classes.map((old) => (old.id === c.classInfo.id ? c.classInfo : old))
      }
      this.snapshot.seq = event.seq
      this.eventsApplied++
      if (event.changes.length > 0) this.opts.onChange?.({ kind: 'pupils', dates: [...new Set(event.changes.map((c) => c.date))] })
    }
    // Highlights only matter for a minute; keep the map bounded.
    for (const [id, t] of this.changedAt) if (now - t > 60_000) this.changedAt.delete(id)
    this.lastSyncAt = now
    this.host.requestUpdate()
  }

  /**
   * A hole in the sequence gets gapGraceMs to fill, counted from when it opened: later events
   * must not push the deadline back, or a steady stream of events would hide a lost one forever.
   */
  private scheduleGapCheck(): void {
    if (!this.buffer.hasGap) {
      clearTimeout(this.gapTimer)
      this.gapTimer = undefined
      return
    }
    if (this.gapTimer !== undefined) return
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined
      if (this.buffer.hasGap) void this.takeSnapshot()
    }, this.opts.gapGraceMs ?? 1500)
  }

  private async heartbeat(): Promise<void> {
    const socket = this.socket
    if (!socket?.connected) return
    const res = await this.command('heartbeat:ping', { sentAt: Date.now() })
    if (res.ok) {
      this.lastSyncAt = Date.now()
      this.host.requestUpdate()
      return
    }
    if (FINAL.includes(res.error.code)) return this.end(res.error.code)
    // No answer: the connection is half-open. Drop it and let the reconnect logic run.
    if (this.socket === socket) {
      socket.disconnect()
      this.setState('offline')
      this.scheduleReconnect()
    }
  }

  private onConnectError(err: Error & { data?: { code?: ErrorCode } }): void {
    const code = err.data?.code
    if (code && FINAL.includes(code)) return this.end(code)
    if (code === 'PROTOCOL_MISMATCH') {
      this.buildChanged = true
      this.host.requestUpdate()
    }
    this.setState('offline')
    // A refusal by the server's middleware stops Socket.IO's own retries; keep trying ourselves.
    if (!this.socket?.active) this.scheduleReconnect()
  }

  private scheduleReconnect(delayMs = this.backoff()): void {
    clearTimeout(this.retryTimer)
    this.retryTimer = setTimeout(() => {
      if (this.state !== 'ended' && !this.socket?.connected) this.socket?.connect()
    }, delayMs)
  }

  private end(code: ErrorCode): void {
    this.endedCode = code
    this.setState('ended')
    clearTimeout(this.retryTimer)
    this.socket?.disconnect()
  }

  /** Exponential backoff with full jitter, capped at 30 s, so a restart does not cause a storm. */
  private backoff(): number {
    this.retries = Math.min(this.retries + 1, 10)
    return Math.random() * Math.min(30_000, 1000 * 2 ** this.retries)
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return
    this.state = state
    this.host.requestUpdate()
  }
}

/**
 * After an announced restart the next process is usually up within seconds: the first try comes
 * soon, spread over a few seconds so a staff room full of pages does not arrive at once.
 */
function restartDelay(): number {
  return 1000 + Math.random() * 2000
}

function openSocket(auth: HandshakeAuth): AppSocket {
  return io({
    ...SOCKET_OPTIONS,
    transports: [...SOCKET_OPTIONS.transports],
    auth,
  })
}
