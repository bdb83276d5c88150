import type { Server as HttpServer, IncomingMessage } from 'node:http'
import { Server, type ServerOptions, type Socket } from 'socket.io'
import {
  clientCommands,
  errorBody,
  findUnsafeText,
  HandshakeAuth,
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type CommandAck,
  type CommandName,
  type ServerToClientEvents,
  UNSAFE_TEXT_MESSAGE,
} from '../../shared/protocol/index.js'
import type { Principal } from '../auth/principal.js'
import { can } from '../../shared/policy/policy.js'
import { readsHealthNotes } from '../auth/guards.js'
import { resolveCookies, type Resolved } from '../auth/resolve.js'
import { SharedReads } from '../db/sharedReads.js'
import { clientAddress } from '../auth/source.js'
import type { Deps } from '../deps.js'
import { redactForBoard, redactHealth } from '../day/entries.js'
import { getSchool, schoolSeqs } from '../data/schools.js'
import { stillLive } from '../data/sessions.js'
import { unavailableCode } from '../db/unavailable.js'
import { AppError, errorBodyOf, parseInput } from '../errors.js'
import { originAllowed } from '../http/security.js'
import type { Change, CityChange, Publish } from './changes.js'
import { commandHandlers, type CommandSocket } from './commands.js'
import { handshakeAnsweringParser } from './handshakeParser.js'
import { cityNotifier, cityRoom } from '../city/live.js'
import { startPeriodic } from '../ops/periodic.js'

export interface SocketData {
  principal: Principal
  client: 'board' | 'person'
  /** Staff only: whether this person may read health notes (symptoms, temperature). */
  healthNotes: boolean
  /** The client address, as Express would give it for an HTTP request (for the audit log). */
  address: string
  /**
   * Until when (epoch ms) the principal holds without asking the database: the session's
   * expiry (a board's device never expires). Whatever ends it sooner — logout, a password
   * change or reset, a disabled account, a revoked device, changed rights — is pushed to the
   * socket through SocketControl, so the heartbeat and the day snapshot need no query.
   */
  validUntil: number
}
/**
 * What one server process tells the others through the adapter (never a page): re-authorise
 * your sockets in this room, as SocketControl's refresh does for this process's own.
 */
export interface InterProcessEvents {
  'room:refresh': (room: string) => void
}
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterProcessEvents, SocketData>
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterProcessEvents, SocketData>

/** Lets HTTP routes end live sockets when a session or device is ended. */
export interface SocketControl {
  endSession(sessionHash: string): void
  endDevice(deviceId: number): void
  endStaff(staffId: number): void
  /** After a change of roles or homeroom: the staff member's open sockets are re-authorised now. */
  refreshStaff(staffId: number): Promise<void>
  /** After a change of the school's health-note roles: every staff socket of the school is re-authorised now. */
  refreshSchool(schoolId: number): Promise<void>
  /** After a guardian is unlinked from (or linked to) a child: their open sockets hear only their children now. */
  refreshGuardian(guardianId: number): Promise<void>
  /**
   * Ends this process's sockets whose session or device no longer lets them in, in one query.
   * Runs every SWEEP_MS: the safety net for what nobody pushed (a session ended by the
   * command-line tool, an account disabled by hand), since the heartbeat and the day snapshot
   * ask the database nothing. Rights changed by hand (roles, homerooms) are not swept: the
   * admin pages push them; by hand they hold until the page reconnects.
   */
  sweep(): Promise<void>
}

/** How often the hub checks its sockets' sessions and devices in one query (see SocketControl.sweep). */
export const SWEEP_MS = 60_000

export const rooms = {
  board: (schoolId: number) => `school:${schoolId}:board`,
  staff: (schoolId: number) => `school:${schoolId}:staff`,
  /** Staff who may read health notes, and those who may not: they get the same events, redacted. */
  staffHealth: (schoolId: number) => `school:${schoolId}:staff:health`,
  staffPlain: (schoolId: number) => `school:${schoolId}:staff:plain`,
  class: (classId: number) => `class:${classId}`,
  session: (hash: string) => `session:${hash}`,
  device: (id: number) => `device:${id}`,
  staffMember: (id: number) => `staff:${id}`,
  guardian: (id: number) => `guardian:${id}`,
  /** The guardians linked to this pupil: they hear that the pupil's days changed, nothing more. */
  family: (pupilId: number) => `family:${pupilId}`,
  /** City administrators: they hear that schools of their city changed, never what. */
  city: cityRoom,
}

/** How often each process of several tells its pages the schools' latest sequence numbers. */
export const SEQ_BEACON_MS = 30_000

/** Socket.IO closes the connection of a client whose message is larger (no ack is possible). */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024

/**
 * The realtime hub: authenticates every socket with the page's own cookie, checks the origin
 * and the protocol version, joins the rooms the principal may hear, and runs commands: those
 * the catalogue marks `identity: 'socket'` with the principal the socket holds (kept current
 * by pushes and the sweep), every other one with the principal read again.
 */
export function createHub(
  httpServer: HttpServer,
  deps: Deps,
  opts: { allowedOrigins: readonly string[]; addressOf?: (req: IncomingMessage) => string; adapter?: ServerOptions['adapter']; seqBeaconMs?: number; socketSweepMs?: number },
): { io: AppServer; publish: Publish; control: SocketControl } {
  const io: AppServer = new Server(httpServer, {
    ...(opts.adapter ? { adapter: opts.adapter } : {}),
    serveClient: false,
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    parser: handshakeAnsweringParser,
    pingInterval: 15_000,
    pingTimeout: 10_000,
    allowRequest: (req, cb) => cb(originAllowed(req, opts.allowedOrigins) ? null : 'BAD_ORIGIN', originAllowed(req, opts.allowedOrigins)),
  })

  // After a restart every page of a school presents the same cookie at once.
  const handshakes = new SharedReads<Resolved | null>()
  const schools = new SharedReads<Awaited<ReturnType<typeof getSchool>>>()
  io.use(async (socket, next) => {
    const auth = HandshakeAuth.safeParse(socket.handshake.auth)
    if (!auth.success) return next(refusal('BAD_REQUEST'))
    if (auth.data.protocol !== PROTOCOL_VERSION) return next(refusal('PROTOCOL_MISMATCH'))
    try {
      const cookie = socket.handshake.headers.cookie
      const resolved = await handshakes.read(`${auth.data.client}\n${cookie ?? ''}`, () => resolveCookies(deps.sql, cookie, auth.data.client, deps.clock.now()))
      if (!resolved) return next(refusal(auth.data.client === 'board' ? 'DEVICE_REVOKED' : 'UNAUTHENTICATED'))
      const { principal, validUntil } = resolved
      if (principal.kind === 'guardian' && !can(principal, 'guardian.home')) return next(refusal('FORBIDDEN'))
      const address = opts.addressOf?.(socket.request) ?? clientAddress(socket.handshake.address)
      socket.data = { principal: withAddress(principal, address), client: auth.data.client, healthNotes: await healthNotesOf(principal), address, validUntil }
      next()
    } catch (err) {
      // A database hiccup is not a revoked device: tell the page to retry, not to unpair.
      deps.log.warn('handshake failed', { err: String(err) })
      next(refusal(unavailableCode(err) ?? 'INTERNAL'))
    }
  })

  async function healthNotesOf(p: Principal): Promise<boolean> {
    if (p.kind !== 'staff') return false
    const school = await schools.read(String(p.schoolId), () => getSchool(deps.sql, p.schoolId))
    return !!school && readsHealthNotes(p, school)
  }

  const errorBodyOrUnavailable = (err: unknown) => {
    const code = unavailableCode(err)
    return code ? errorBody(code) : errorBodyOf(err, deps.log)
  }
  const handlers = commandHandlers(deps)
  io.on('connection', (socket) => {
    const p = socket.data.principal
    void socket.join(roomsFor(p, socket.data.healthNotes))
    for (const name of Object.keys(clientCommands) as CommandName[]) {
      socket.on(name, async (payload: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return
        const reply = ack as (res: CommandAck<typeof name>) => void
        try {
          const current = trustsSocket(name)
            ? (deps.clock.now() < socket.data.validUntil ? socket.data.principal : null)
            : (await resolveCookies(deps.sql, socket.handshake.headers.cookie, socket.data.client, deps.clock.now()))?.principal
          if (!current) {
            reply(errorBody(p.kind === 'board' ? 'DEVICE_REVOKED' : 'UNAUTHENTICATED'))
            socket.emit('session:ended', { code: p.kind === 'board' ? 'DEVICE_REVOKED' : 'UNAUTHENTICATED' })
            socket.disconnect(true)
            return
          }
          const unsafe = findUnsafeText(payload)
          if (unsafe !== null) throw new AppError('BAD_REQUEST', UNSAFE_TEXT_MESSAGE, { [unsafe]: UNSAFE_TEXT_MESSAGE })
          const input = parseInput(clientCommands[name].payload, payload)
          const handler = handlers[name] as (who: Principal, input: unknown, on: CommandSocket) => Promise<CommandAck<typeof name>>
          reply(await handler(withAddress(current, socket.data.address), input, { healthNotes: socket.data.healthNotes }))
        } catch (err) {
          reply(errorBodyOrUnavailable(err))
        }
      })
    }
  })

  const cityChanged = cityNotifier(deps.sql, deps.log, (room, event) => io.to(room).emit('city:changed', event))
  const publish: Publish = (change: Change | CityChange) => {
    if (change.kind === 'city') {
      io.to(rooms.city(change.event.cityId)).emit('city:changed', change.event)
      return
    }
    const { schoolId } = change.event
    if (change.kind === 'safety') {
      // The tally names no pupil: the same for boards and every staff member.
      io.to([rooms.staff(schoolId), rooms.board(schoolId)]).emit('safety:changed', change.event)
      const families = change.pupilIds.map(rooms.family)
      if (families.length > 0) io.to(families).emit('family:safety', { schoolId, seq: change.event.seq, confirmationId: change.event.confirmationId })
      return
    }
    cityChanged(schoolId)
    if (change.kind === 'school') {
      // No pupil data: the same fact for every page of the school.
      io.to([rooms.staff(schoolId), rooms.board(schoolId)]).emit('school:changed', change.event)
      if (change.familyPupilIds.length > 0) io.to(change.familyPupilIds.map(rooms.family)).emit('family:school', change.event)
      return
    }
    for (const { pupilId, date } of change.event.changes) {
      io.to(rooms.family(pupilId)).emit('family:changed', { schoolId, seq: change.event.seq, pupilId, date })
    }
    // Every staff member is in one of these two rooms, so each gets the event exactly once.
    io.to(rooms.staffHealth(schoolId)).emit('day:changed', change.event)
    io.to(rooms.staffPlain(schoolId)).emit('day:changed', { ...change.event, changes: change.event.changes.map((c) => ({ ...c, entry: c.entry && redactHealth(c.entry) })) })
    io.to(rooms.board(schoolId)).emit('day:changed', {
      ...change.event,
      changes: change.event.changes.map((c) => ({ ...c, entry: c.entry && redactForBoard(c.entry, change.boardShowsMessages) })),
    })
  }

  const end = (room: string, code: 'UNAUTHENTICATED' | 'DEVICE_REVOKED') => {
    io.to(room).emit('session:ended', { code })
    io.in(room).disconnectSockets(true)
  }
  /**
   * Re-resolves who each socket in the room belongs to and moves it to the rooms its rights
   * now allow, so the next event is redacted (or not) by the new rights; the page is told to
   * take a fresh snapshot, which replaces what it holds. A socket whose session is gone is ended.
   */
  const refresh = async (room: string) => {
    const ids = [...(io.of('/').adapter.rooms.get(room) ?? [])]
    await Promise.all(ids.map(async (id) => {
      const socket = io.of('/').sockets.get(id)
      if (!socket) return
      let resolved: Awaited<ReturnType<typeof resolveCookies>>
      let healthNotes: boolean
      try {
        resolved = await resolveCookies(deps.sql, socket.handshake.headers.cookie, socket.data.client, deps.clock.now())
        healthNotes = !!resolved && (await healthNotesOf(resolved.principal))
      } catch (err) {
        // Rights that cannot be re-read must not stay as they were: the page reconnects and is checked afresh.
        deps.log.warn('socket refresh failed', { err: String(err) })
        socket.disconnect(true)
        return
      }
      if (!resolved) {
        socket.emit('session:ended', { code: 'UNAUTHENTICATED' })
        socket.disconnect(true)
        return
      }
      const { principal, validUntil } = resolved
      for (const r of [...socket.rooms]) if (r !== socket.id) void socket.leave(r)
      socket.data = { ...socket.data, principal: withAddress(principal, socket.data.address), healthNotes, validUntil }
      void socket.join(roomsFor(principal, healthNotes))
      socket.emit('access:changed', {})
    }))
  }
  const sweep = async () => {
    const sockets = [...io.of('/').sockets.values()].filter((x) => x.data.principal)
    if (sockets.length === 0) return
    const hashes = new Set<string>()
    const devices = new Set<number>()
    for (const x of sockets) {
      const p = x.data.principal
      if (p.kind === 'board') devices.add(p.deviceId)
      else hashes.add(p.sessionHash)
    }
    const live = await stillLive(deps.sql, [...hashes], [...devices], new Date(deps.clock.now()).toISOString())
    for (const x of sockets) {
      const p = x.data.principal
      if (p.kind === 'board' ? live.devices.has(p.deviceId) : live.sessions.has(p.sessionHash)) continue
      x.emit('session:ended', { code: p.kind === 'board' ? 'DEVICE_REVOKED' : 'UNAUTHENTICATED' })
      x.disconnect(true)
    }
  }
  const sweepMs = opts.socketSweepMs ?? SWEEP_MS
  if (sweepMs > 0) {
    const sweeper = startPeriodic({ name: 'socket sweep', everyMs: sweepMs, log: deps.log, work: sweep })
    httpServer.once('close', () => void sweeper.stop())
  }

  // With several processes a broadcast can be lost on its way; a lost last event of a school
  // shows as no hole. Each process tells its own pages the schools' latest numbers now and then.
  if (opts.adapter) {
    const beacon = startPeriodic({
      name: 'sequence beacon',
      everyMs: opts.seqBeaconMs ?? SEQ_BEACON_MS,
      log: deps.log,
      work: async () => {
        for (const { id, seq } of await schoolSeqs(deps.sql)) io.local.to([rooms.board(id), rooms.staff(id)]).emit('school:seq', { schoolId: id, seq })
      },
    })
    httpServer.once('close', () => void beacon.stop())
  }

  // Other processes hold sockets of the same people: each re-reads the rights of its own.
  io.on('room:refresh', (room) => void refresh(room))
  const refreshEverywhere = (room: string) => {
    if (opts.adapter) io.serverSideEmit('room:refresh', room)
    return refresh(room)
  }
  const control: SocketControl = {
    endSession: (hash) => end(rooms.session(hash), 'UNAUTHENTICATED'),
    endDevice: (id) => end(rooms.device(id), 'DEVICE_REVOKED'),
    endStaff: (id) => end(rooms.staffMember(id), 'UNAUTHENTICATED'),
    refreshStaff: (id) => refreshEverywhere(rooms.staffMember(id)),
    refreshSchool: (id) => refreshEverywhere(rooms.staff(id)),
    refreshGuardian: (id) => refreshEverywhere(rooms.guardian(id)),
    sweep,
  }
  return { io, publish, control }
}

/** A staff principal carries its client address to the audit log. */
function withAddress(p: Principal, address: string): Principal {
  return p.kind === 'staff' ? { ...p, address } : p
}

/** The rooms a principal may hear; staff hear the school's events with or without health notes. */
function roomsFor(p: Principal, healthNotes: boolean): string[] {
  switch (p.kind) {
    case 'board':
      return [rooms.board(p.schoolId), rooms.device(p.deviceId)]
    case 'staff':
      return [
        rooms.staff(p.schoolId), healthNotes ? rooms.staffHealth(p.schoolId) : rooms.staffPlain(p.schoolId),
        rooms.session(p.sessionHash), rooms.staffMember(p.staffId), ...p.homeroomClassIds.map(rooms.class),
      ]
    case 'guardian':
      return [
        rooms.session(p.sessionHash), rooms.guardian(p.guardianId),
        ...p.pupilIds.filter((pupilId) => can(p, 'guardian.home', { pupilId })).map(rooms.family),
      ]
    case 'city':
      return [rooms.session(p.sessionHash), rooms.staffMember(p.staffId), ...(can(p, 'city.day.read', { cityId: p.cityId }) ? [rooms.city(p.cityId)] : [])]
  }
}

/** A handshake refusal the client can read as `err.data.code`. */
function refusal(code: Parameters<typeof errorBody>[0]): Error {
  const err = new Error(code) as Error & { data: unknown }
  err.data = errorBody(code).error
  return err
}

/** Whether the catalogue lets the command trust who the socket is without asking the database. */
function trustsSocket(name: CommandName): boolean {
  const command = clientCommands[name]
  return 'identity' in command && command.identity === 'socket'
}
