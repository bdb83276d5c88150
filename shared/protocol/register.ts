import { z } from 'zod'
import type { RegisterCounts as DomainCounts } from '../domain/register.js'
import { Id, inSupportedYears, IsoDate, shortText, YEAR_MESSAGE } from './primitives.js'

/** `YYYY-MM`, a month of the register. */
export const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月の形式が違います').refine(inSupportedYears, YEAR_MESSAGE)
export type YearMonth = z.infer<typeof YearMonth>

const numericId = z.coerce.number<number | string>().pipe(Id)

/** GET /api/register/month?classId=&month=  (and month.csv with &encoding=) */
export const RegisterMonthQuery = z.object({
  classId: numericId,
  month: YearMonth,
  encoding: z.enum(['utf8', 'sjis']).default('utf8'),
})
export type RegisterMonthQuery = z.infer<typeof RegisterMonthQuery>

/** A code staff can choose, with its meaning. */
export const RegisterCode = z.object({
  id: Id,
  code: z.string(),
  label: z.string(),
  shortLabel: z.string(),
  countsAbsent: z.boolean(),
  excused: z.boolean(),
  provisional: z.boolean(),
})
export type RegisterCode = z.infer<typeof RegisterCode>

/** One cell of the grid: the current mark and whether it was ever corrected. */
export const RegisterCell = z.object({
  codeId: Id.nullable(),
  shortLabel: z.string().nullable(),
  label: z.string().nullable(),
  /** More than one log row: the history is worth a click. */
  corrected: z.boolean(),
  /** A class/grade closure applies to the pupil that day. */
  closed: z.boolean(),
})
export type RegisterCell = z.infer<typeof RegisterCell>

const count = z.number().int().min(0)
/** The register's counts on the wire; their meaning is defined in shared/domain/register.ts. */
export const RegisterCounts = z.object({
  schoolDays: count,
  excusedDays: count,
  requiredDays: count,
  absentDays: count,
  attendedDays: count,
  late: count,
  earlyLeave: count,
  unresolved: count,
}) satisfies z.ZodType<DomainCounts>

export const RegisterPupil = z.object({
  pupilId: Id,
  attendanceNumber: z.number().int(),
  name: z.string(),
  kana: z.string(),
  enrolledOn: IsoDate,
  leftOn: IsoDate.nullable(),
  /** Keyed by date; only days with a mark, a closure, or outside the enrolment appear. */
  cells: z.record(z.string(), RegisterCell),
  month: RegisterCounts,
  year: RegisterCounts,
  streak: z.number().int().min(0),
})
export type RegisterPupil = z.infer<typeof RegisterPupil>

/** A class the caller may open. */
export const ClassOption = z.object({ id: Id, label: z.string() })
export type ClassOption = z.infer<typeof ClassOption>

export const RegisterMonth = z.object({
  ok: z.literal(true),
  schoolName: z.string(),
  classId: Id,
  classLabel: z.string(),
  month: YearMonth,
  /** School days of the month (columns), in order. */
  days: z.array(IsoDate),
  /** Classes the caller may open, for the selector. */
  classes: z.array(ClassOption),
  codes: z.array(RegisterCode),
  pupils: z.array(RegisterPupil),
  consecutiveAbsenceBadge: z.number().int(),
  cumulativeAbsenceBadges: z.array(z.number().int()),
})
export type RegisterMonth = z.infer<typeof RegisterMonth>

/** GET /api/register/history?pupilId=&date= */
export const MarkHistoryQuery = z.object({ pupilId: numericId, date: IsoDate })

export const MarkHistoryRow = z.object({
  id: Id,
  codeLabel: z.string().nullable(),
  suggestedLabel: z.string().nullable(),
  source: z.string(),
  actor: z.string().nullable(),
  note: z.string(),
  recordedAt: z.string(),
})
export type MarkHistoryRow = z.infer<typeof MarkHistoryRow>

/** POST /api/register/marks: a correction is a new log row with who, when and why. */
export const CorrectMarkRequest = z.object({
  pupilId: Id,
  date: IsoDate,
  /** null clears the mark (the day counts as 出席 by default). */
  codeId: Id.nullable(),
  note: shortText(200).pipe(z.string().min(1, '訂正の理由を入力してください。')),
})
export type CorrectMarkRequest = z.infer<typeof CorrectMarkRequest>

export const RegisterClasses = z.object({ ok: z.literal(true), today: IsoDate, classes: z.array(ClassOption) })
export type RegisterClasses = z.infer<typeof RegisterClasses>

/** The end-of-day resolution of one class's day. */
export const ResolveResult = z.object({
  ok: z.literal(true),
  /** Pupils given 出席 because they had no mark. */
  markedPresent: z.number().int().min(0),
  /** 未登校 still unresolved: shown to the teacher, never turned into 欠席 by the system. */
  unresolved: z.array(z.object({ pupilId: Id, name: z.string() })),
})
export type ResolveResult = z.infer<typeof ResolveResult>
