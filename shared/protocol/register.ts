import { z } from 'zod'
import type { RegisterCounts } from '../domain/register.js'
import { Id, inSupportedYears, IsoDate, shortText, YEAR_MESSAGE } from './primitives.js'

/** `YYYY-MM`, a month of the register. */
export const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月の形式が違います').refine(inSupportedYears, YEAR_MESSAGE)
export type YearMonth = z.infer<typeof YearMonth>

const numericId = z.coerce.number().pipe(Id)

/** GET /api/register/month?classId=&month=  (and month.csv with &encoding=) */
export const RegisterMonthQuery = z.object({
  classId: numericId,
  month: YearMonth,
  encoding: z.enum(['utf8', 'sjis']).default('utf8'),
})
export type RegisterMonthQuery = z.infer<typeof RegisterMonthQuery>

/** A code staff can choose, with its meaning. */
export interface RegisterCode {
  id: number
  code: string
  label: string
  shortLabel: string
  countsAbsent: boolean
  excused: boolean
  provisional: boolean
}

/** One cell of the grid: the current mark and whether it was ever corrected. */
export interface RegisterCell {
  codeId: number | null
  shortLabel: string | null
  label: string | null
  /** More than one log row: the history is worth a click. */
  corrected: boolean
  /** A class/grade closure applies to the pupil that day. */
  closed: boolean
}

export interface RegisterPupil {
  pupilId: number
  attendanceNumber: number
  name: string
  kana: string
  enrolledOn: string
  leftOn: string | null
  /** Keyed by date; only days with a mark, a closure, or outside the enrolment appear. */
  cells: Record<string, RegisterCell>
  month: RegisterCounts
  year: RegisterCounts
  streak: number
}

export interface RegisterMonth {
  ok: true
  schoolName: string
  classId: number
  classLabel: string
  month: string
  /** School days of the month (columns), in order. */
  days: string[]
  /** Classes the caller may open, for the selector. */
  classes: { id: number; label: string }[]
  codes: RegisterCode[]
  pupils: RegisterPupil[]
  consecutiveAbsenceBadge: number
  cumulativeAbsenceBadges: number[]
}

/** GET /api/register/history?pupilId=&date= */
export const MarkHistoryQuery = z.object({ pupilId: numericId, date: IsoDate })

export interface MarkHistoryRow {
  id: number
  codeLabel: string | null
  suggestedLabel: string | null
  source: string
  actor: string | null
  note: string
  recordedAt: string
}

/** POST /api/register/marks: a correction is a new log row with who, when and why. */
export const CorrectMarkRequest = z.object({
  pupilId: Id,
  date: IsoDate,
  /** null clears the mark (the day counts as 出席 by default). */
  codeId: Id.nullable(),
  note: shortText(200).pipe(z.string().min(1, '訂正の理由を入力してください。')),
})
export type CorrectMarkRequest = z.infer<typeof CorrectMarkRequest>

export interface RegisterClasses {
  ok: true
  today: string
  classes: { id: number; label: string }[]
}
