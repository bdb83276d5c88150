import { z } from 'zod'

/** What a guardian can report. */
export const ReportKind = z.enum(['absent', 'late', 'early_leave'])
export type ReportKind = z.infer<typeof ReportKind>

export const REPORT_KIND_LABEL: Record<ReportKind, string> = {
  absent: '欠席',
  late: '遅刻',
  early_leave: '早退',
}

/** Coarse reason categories shown on the board; the school's reasons map onto them. */
export const ReasonCategory = z.enum(['illness', 'injury', 'family', 'suspension', 'bereavement', 'appointment', 'other'])
export type ReasonCategory = z.infer<typeof ReasonCategory>

export const REASON_CATEGORY_LABEL: Record<ReasonCategory, string> = {
  illness: '病気',
  injury: 'けが',
  family: '家庭の事情',
  suspension: '出席停止',
  bereavement: '忌引',
  appointment: '通院',
  other: 'その他',
}

/** Where a mark came from; kept on every log row. */
export const MarkSource = z.enum(['guardian', 'phone', 'teacher', 'office', 'system'])
export type MarkSource = z.infer<typeof MarkSource>

/** The semantic columns of an attendance code: code asks these, never the code's name. */
export const CodeSemantics = z.object({
  onSite: z.boolean(),
  countsAbsent: z.boolean(),
  excused: z.boolean(),
  isLate: z.boolean(),
  isEarlyLeave: z.boolean(),
  provisional: z.boolean(),
})
export type CodeSemantics = z.infer<typeof CodeSemantics>

/** The board's status buckets, derived from code semantics. */
export const DayStatus = z.enum(['absent', 'late', 'early_leave', 'not_arrived', 'excused', 'present'])
export type DayStatus = z.infer<typeof DayStatus>

export const DAY_STATUS_LABEL: Record<DayStatus, string> = {
  absent: '欠席',
  late: '遅刻',
  early_leave: '早退',
  not_arrived: '未登校',
  excused: '出席停止・忌引',
  present: '出席',
}

/** Maps a code's semantics to the status bucket the board counts it in. */
export function statusOf(code: CodeSemantics): DayStatus {
  if (code.provisional) return 'not_arrived'
  if (code.excused) return 'excused'
  if (code.countsAbsent) return 'absent'
  if (code.isLate) return 'late'
  if (code.isEarlyLeave) return 'early_leave'
  return 'present'
}
