import { z } from 'zod'
import { MarkSource, ReasonCategory, ReportKind } from '../domain/attendance.js'
import { Id, IsoDate, LIMITS, TimeOfDay, shortText } from './primitives.js'

/**
 * The roll call. A teacher (or the office) marks the pupils who are not in the room,
 * late arrivals and early leaves, and confirms the roll of a class; marks are always for the
 * school's today.
 */

/** What staff may set on a pupil at roll call. 'present' takes back an earlier mark. */
export const StaffMark = z.enum(['present', 'not_arrived', 'late', 'early_leave'])
export type StaffMark = z.infer<typeof StaffMark>

export const MarkPupilRequest = z
  .object({
    pupilId: Id,
    mark: StaffMark,
    /** 遅刻: the arrival time; 早退: the time the pupil left. */
    time: TimeOfDay.nullable().default(null),
    note: shortText(200).default(''),
  })
  .refine((r) => (r.mark !== 'late' && r.mark !== 'early_leave') || r.time !== null, { message: '時刻を入力してください', path: ['time'] })
export type MarkPupilRequest = z.input<typeof MarkPupilRequest>

export const ConfirmRollRequest = z.object({ classId: Id })

/** A report received by telephone, recorded by staff on the guardian's behalf (source 電話). */
export const PhoneReportRequest = z
  .object({
    pupilId: Id,
    kind: ReportKind,
    reasonId: Id,
    time: TimeOfDay.nullable().default(null),
    /** Who phoned and what they said, as the staff member noted it. */
    message: z.string().max(LIMITS.messageChars).transform((s) => s.trim()).default(''),
  })
  .refine((r) => r.kind === 'absent' || r.time !== null, { message: '時刻を入力してください', path: ['time'] })
export type PhoneReportRequest = z.input<typeof PhoneReportRequest>

export const StaffNoteRequest = z.object({
  pupilId: Id,
  body: z.string().transform((s) => s.trim()).pipe(z.string().min(1, 'メモを入力してください').max(1000, 'メモは1000文字までです')),
})
export type StaffNoteRequest = z.input<typeof StaffNoteRequest>

/** One pupil of a class, for the roll call list (everyone, present or not). */
export const RosterPupil = z.object({
  pupilId: Id,
  attendanceNumber: z.number().int().positive(),
  name: z.string(),
  kana: z.string(),
})
export type RosterPupil = z.infer<typeof RosterPupil>

/** One line of a pupil's history over the school year, newest first. */
export const HistoryItem = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('mark'),
    at: z.string(),
    date: IsoDate,
    codeLabel: z.string().nullable(),
    source: MarkSource,
    time: TimeOfDay.nullable(),
    by: z.string().nullable(),
    note: z.string(),
  }),
  z.object({
    type: z.literal('report'),
    at: z.string(),
    fromDate: IsoDate,
    toDate: IsoDate,
    kind: ReportKind,
    reasonLabel: z.string(),
    reasonCategory: ReasonCategory,
    time: TimeOfDay.nullable(),
    message: z.string(),
    withdrawn: z.boolean(),
    /** Days on which a later report changed this one. */
    replacedDays: z.array(IsoDate),
  }),
  z.object({ type: z.literal('note'), at: z.string(), date: IsoDate, by: z.string(), body: z.string() }),
])
export type HistoryItem = z.infer<typeof HistoryItem>

export const PupilHistory = z.object({
  pupilId: Id,
  name: z.string(),
  classLabel: z.string(),
  items: z.array(HistoryItem),
})
export type PupilHistory = z.infer<typeof PupilHistory>
