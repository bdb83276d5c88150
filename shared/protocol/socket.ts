import { z } from 'zod'
import { CityChanged } from './city.js'
import { DayChanged, DaySnapshot, FamilyChanged, SchoolChanged } from './day.js'
import { ErrorBody, ErrorCode } from './errors.js'
import { Id, IsoDate } from './primitives.js'
import { Reason } from './reports.js'
import { FamilySafety, SafetyChanged } from './safety.js'
import { ConfirmRollRequest, MarkPupilRequest, PhoneReportRequest, PupilHistory, RosterPupil, StaffNoteRequest } from './roll.js'

/** Sent in the Socket.IO handshake `auth`; checked before anything else. */
export const HandshakeAuth = z.object({
  protocol: z.number().int(),
  buildId: z.string().max(64),
  /** Which credential the page uses: the board's device cookie or a person's session cookie. */
  client: z.enum(['board', 'person']),
})
export type HandshakeAuth = z.infer<typeof HandshakeAuth>

const okWith = <T extends z.ZodRawShape>(shape: T) => z.object({ ok: z.literal(true), ...shape })

/**
 * Commands the pages send (`entity:verb`), each with its payload and its success ack.
 * Every ack may instead be an ErrorBody. A command marked `identity: 'socket'` only reads, and
 * trusts who the socket is as the server keeps it (ends and rights changes are pushed to the
 * socket, a sweep catches what nobody pushed): no database question per call, which is what lets
 * thousands of pages ask for their day at once after a restart. Every other command asks the
 * database again who is calling.
 */
export const clientCommands = {
  'day:snapshot': {
    payload: z.object({ date: IsoDate.optional() }),
    ack: okWith({ snapshot: DaySnapshot }),
    identity: 'socket',
  },
  'report:acknowledge': {
    payload: z.object({ reportId: Id }),
    ack: okWith({}),
  },
  // Roll call, marks, phone reports, notes, history (staff only)
  'class:roster': {
    payload: z.object({ classId: Id }),
    /** The school's reasons come along for the phone report form. */
    ack: okWith({ pupils: z.array(RosterPupil), reasons: z.array(Reason) }),
  },
  'pupil:mark': {
    payload: MarkPupilRequest,
    ack: okWith({}),
  },
  'roll:confirm': {
    payload: ConfirmRollRequest,
    ack: okWith({}),
  },
  'report:phone': {
    payload: PhoneReportRequest,
    ack: okWith({}),
  },
  'pupil:note': {
    payload: StaffNoteRequest,
    ack: okWith({}),
  },
  'pupil:history': {
    payload: z.object({ pupilId: Id }),
    ack: okWith({ history: PupilHistory }),
  },
  'heartbeat:ping': {
    payload: z.object({ sentAt: z.number() }),
    ack: okWith({ sentAt: z.number(), serverTime: z.string() }),
    identity: 'socket',
  },
} as const

/** Facts the server pushes. */
export const serverEvents = {
  'day:changed': DayChanged,
  /** Calendar, settings, codes, roster, staff …: pages reload that part (same sequence as day:changed). */
  'school:changed': SchoolChanged,
  /** The session or device was ended server-side; the page must not reconnect with it. */
  'session:ended': z.object({ code: ErrorCode }),
  /** The person's rights changed (role, homeroom, health-note roles): the page takes a fresh snapshot. */
  'access:changed': z.object({}),
  /** Guardians only: one of their own children's days changed; the page re-reads its reports and notices. */
  'family:changed': FamilyChanged,
  /**
   * Guardians only: these parts of the school changed for one of their children (a survey
   * published to them, closed, a reminder); the page re-reads. Same fact as school:changed.
   */
  'family:school': SchoolChanged,
  /**
   * Boards and staff: the open 安否確認's new tally (null once closed), same sequence as
   * day:changed. The board shows safety mode while it is not null; staff lists re-read.
   */
  'safety:changed': SafetyChanged,
  /** Guardians only: a confirmation addressed to one of their children started, was answered or closed; the page re-reads. */
  'family:safety': FamilySafety,
  /**
   * City administrators only: these schools of their city changed (reports, marks, rolls,
   * closures), coalesced per city, at most one every few seconds; or, naming no school, the
   * city's own settings changed. No pupil data. The page re-reads the aggregates.
   */
  'city:changed': CityChanged,
  /** The server is stopping to restart (an update, a reboot): the page shows 「再接続しています」 and reconnects. */
  'server:restarting': z.object({}),
  /**
   * Several processes: the school's latest sequence number, said every half minute. A page
   * still below it after a moment's grace missed the school's last event (a broadcast lost
   * between processes) and takes a snapshot; a lost event that is not the last shows as a hole.
   */
  'school:seq': z.object({ schoolId: Id, seq: z.number().int().nonnegative() }),
} as const

export type ClientCommands = typeof clientCommands
export type CommandName = keyof ClientCommands
export type CommandPayload<K extends CommandName> = z.input<ClientCommands[K]['payload']>
export type CommandAck<K extends CommandName> = z.output<ClientCommands[K]['ack']> | ErrorBody

/** Socket.IO's typed maps, derived from the catalogs above. */
export type ClientToServerEvents = {
  [K in CommandName]: (payload: CommandPayload<K>, ack: (res: CommandAck<K>) => void) => void
}
export type ServerToClientEvents = {
  [K in keyof typeof serverEvents]: (payload: z.output<(typeof serverEvents)[K]>) => void
}
