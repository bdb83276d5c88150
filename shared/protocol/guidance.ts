import { z } from 'zod'
import { IsoDate } from './primitives.js'
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

export interface GuidancePupil {
  pupilId: number
  classLabel: string
  attendanceNumber: number
  name: string
  /** 欠席 in the school year up to the date. */
  cumulative: number
  monthAbsent: number
  streak: number
  /** 欠席 per week, oldest first, the last entry being the 7 days ending at the date. */
  trend: number[]
  /** Cumulative thresholds crossed since the start of the month. */
  crossed: number[]
  memo: string
  longAbsenceReason: LongAbsenceReason | null
  reportedToBoardAt: string | null
}

export interface GuidanceView {
  ok: true
  date: string
  consecutiveAbsenceBadge: number
  cumulativeAbsenceBadges: number[]
  pupils: GuidancePupil[]
}

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
