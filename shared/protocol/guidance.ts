import { z } from 'zod'
import { Id, IsoDate } from './primitives.js'
import { YearMonth } from './register.js'

/** The reason categories of the board-of-education long-absence list (長期欠席). */
export const LongAbsenceReason = z.enum(['illness', 'economic', 'truancy', 'other'])
export type LongAbsenceReason = z.infer<typeof LongAbsenceReason>
export const LONG_ABSENCE_REASON_LABEL: Record<LongAbsenceReason, string> = {
  illness: '病気',
  economic: '経済的理由',
  truancy: '不登校',
  other: 'その他',
}

/** GET /api/guidance?date= (today when omitted) */
export const GuidanceQuery = z.object({ date: IsoDate.optional() })

/** How many weeks of trend the guidance view shows. */
export const TREND_WEEKS = 6

export const GuidancePupil = z.object({
  pupilId: Id,
  classLabel: z.string(),
  attendanceNumber: z.number().int(),
  name: z.string(),
  /** 欠席 in the school year up to the date. */
  cumulative: z.number().int(),
  monthAbsent: z.number().int(),
  streak: z.number().int(),
  /** 欠席 per week, oldest first, the last entry being the 7 days ending at the date. */
  trend: z.array(z.number().int()),
  /** Cumulative thresholds crossed since the start of the month. */
  crossed: z.array(z.number().int()),
  memo: z.string(),
  longAbsenceReason: LongAbsenceReason.nullable(),
  reportedToBoardAt: z.string().nullable(),
})
export type GuidancePupil = z.infer<typeof GuidancePupil>

export const GuidanceView = z.object({
  ok: z.literal(true),
  date: IsoDate,
  consecutiveAbsenceBadge: z.number().int(),
  cumulativeAbsenceBadges: z.array(z.number().int()),
  pupils: z.array(GuidancePupil),
})
export type GuidanceView = z.infer<typeof GuidanceView>

/** POST /api/guidance/notes/:pupilId */
export const GuidanceNoteRequest = z.object({
  memo: z.string().max(2000).transform((s) => s.trim()),
  longAbsenceReason: LongAbsenceReason.nullable(),
  reportedToBoard: z.boolean(),
})
export type GuidanceNoteRequest = z.infer<typeof GuidanceNoteRequest>

/** GET /api/guidance/long-absence.csv?month=&encoding= */
export const LongAbsenceCsvQuery = z.object({ month: YearMonth, encoding: z.enum(['utf8', 'sjis']).default('utf8') })
/** GET /api/guidance/daily-absentees.csv?date=&encoding= */
export const DailyAbsenteesCsvQuery = z.object({ date: IsoDate, encoding: z.enum(['utf8', 'sjis']).default('utf8') })
