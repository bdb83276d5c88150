import { z } from 'zod'
import { DayStatus, MarkSource, ReasonCategory, ReportKind } from '../domain/attendance.js'
import { GuardianLanguage } from '../i18n/languages.js'
import { Id, IsoDate, TimeOfDay } from './primitives.js'
import { SafetyBoard } from './safety.js'

export const ClassInfo = z.object({
  id: Id,
  grade: z.number().int().min(1).max(9),
  name: z.string(),
  /** e.g. "1年1組" */
  label: z.string(),
  pupilCount: z.number().int().nonnegative(),
  homeroomTeacher: z.string().nullable(),
  /** Whether the homeroom teacher has taken today's roll, and who; null until then. */
  rollTaken: z.object({ at: z.string(), by: z.string() }).nullable(),
})
export type ClassInfo = z.infer<typeof ClassInfo>

/** One guardian report in a pupil-day's thread. */
export const DayReport = z.object({
  id: Id,
  kind: ReportKind,
  /** 遅刻: expected arrival; 早退: pick-up time. */
  time: TimeOfDay.nullable(),
  reasonLabel: z.string(),
  reasonCategory: ReasonCategory,
  submittedAt: z.string(),
  /** Free text: only for staff, or on the board when the school allows it. */
  message: z.string().nullable(),
  /** The language the guardian wrote `message` in (their page's language); null when not known. */
  messageLanguage: GuardianLanguage.nullable().optional(),
  /** Health notes: staff only. */
  symptoms: z.array(z.string()).nullable(),
  temperature: z.number().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  /** The later report that changed this one for the day; null while it still stands. */
  replacedBy: Id.nullable(),
})
export type DayReport = z.infer<typeof DayReport>

/** One pupil's state on one school day, for pupils who are not simply present. */
export const DayEntry = z.object({
  pupilId: Id,
  classId: Id,
  attendanceNumber: z.number().int().positive(),
  name: z.string(),
  kana: z.string(),
  status: DayStatus,
  codeLabel: z.string().nullable(),
  source: MarkSource.nullable(),
  /** 遅刻: expected/actual arrival; 早退: pick-up time. */
  time: TimeOfDay.nullable(),
  /** The day's guardian reports as one thread, newest first, replaced ones included (see `DayReport`). */
  reports: z.array(DayReport),
  consecutiveAbsences: z.number().int().nonnegative().nullable(),
  cumulativeAbsences: z.number().int().nonnegative().nullable(),
  updatedAt: z.string(),
})
export type DayEntry = z.infer<typeof DayEntry>

/** A consistent picture of one school day at sequence `seq`. */
export const DaySnapshot = z.object({
  schoolId: Id,
  schoolName: z.string(),
  timeZone: z.string(),
  date: IsoDate,
  isSchoolDay: z.boolean(),
  seq: z.number().int().nonnegative(),
  buildId: z.string(),
  boardShowsMessages: z.boolean(),
  showEraYear: z.boolean(),
  dimBefore: TimeOfDay,
  dimAfter: TimeOfDay,
  rollCallTime: TimeOfDay,
  /** Badge thresholds from the school's settings. */
  consecutiveAbsenceBadge: z.number().int().positive(),
  cumulativeAbsenceBadges: z.array(z.number().int().positive()),
  classes: z.array(ClassInfo),
  entries: z.array(DayEntry),
  /**
   * The school's open 安否確認 with its tally at `seq` (the board's safety mode), or null.
   * Later changes come as `safety:changed`.
   */
  safety: SafetyBoard.nullable().optional(),
})
export type DaySnapshot = z.infer<typeof DaySnapshot>

/** One pupil-day that changed: the new entry, or null when the pupil is back to plain present. */
export const EntryChange = z.object({ date: IsoDate, pupilId: Id, entry: DayEntry.nullable() })
export type EntryChange = z.infer<typeof EntryChange>

/** A committed change, numbered by the school's sequence. */
export const DayChanged = z.object({
  schoolId: Id,
  seq: z.number().int().positive(),
  changes: z.array(EntryChange),
  /** Classes whose state changed (roll taken), with their new info. */
  classes: z.array(z.object({ date: IsoDate, classInfo: ClassInfo })).optional(),
})
export type DayChanged = z.infer<typeof DayChanged>

/**
 * Parts of a school that pages show besides pupil-days. A change to one of them makes pages
 * reload what they show of it: the board and the teacher page take a new snapshot, the
 * register, calendar and admin pages reload their data.
 */
export const SchoolPart = z.enum(['calendar', 'settings', 'codes', 'roster', 'staff', 'guardians', 'guidance', 'devices'])
export type SchoolPart = z.infer<typeof SchoolPart>

/** A committed change to the school outside pupil-days, numbered by the same sequence as DayChanged. */
export const SchoolChanged = z.object({
  schoolId: Id,
  seq: z.number().int().positive(),
  parts: z.array(SchoolPart).min(1),
})
export type SchoolChanged = z.infer<typeof SchoolChanged>

/**
 * For a guardian's page: one of their own children's days changed (a report acknowledged, a
 * notice sent, a mark). It carries no data; the page re-reads its own lists, which the server
 * authorises as usual. A guardian hears only their children, so the numbers have holes.
 */
export const FamilyChanged = z.object({
  schoolId: Id,
  seq: z.number().int().positive(),
  pupilId: Id,
  date: IsoDate,
})
export type FamilyChanged = z.infer<typeof FamilyChanged>
