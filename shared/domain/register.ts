import type { CodeSemantics } from './attendance.js'

/**
 * The 指導要録 arithmetic of the register (domain.md, "Counting"). Pure: the caller supplies
 * the school days, the pupil's enrolment span, the current mark of each day and whether a
 * class or grade closure applies to the pupil that day. The SQL path in
 * server/register/ must give exactly the same numbers (a test compares them).
 */

/** The counts of one pupil over a period, with the register's Japanese names. */
export interface RegisterCounts {
  /** 授業日数: school days while the pupil was enrolled. */
  schoolDays: number
  /** 出席停止・忌引等の日数: 出席停止, 忌引 and class/grade closures that apply to the pupil. */
  excusedDays: number
  /** 出席しなければならない日数 = 授業日数 − 出席停止・忌引等の日数. */
  requiredDays: number
  /** 欠席日数: days marked 欠席 within the required days. */
  absentDays: number
  /** 出席日数 = 出席しなければならない日数 − 欠席日数. */
  attendedDays: number
  /** 遅刻 (a pupil who was late was present). */
  late: number
  /** 早退. */
  earlyLeave: number
  /** 未登校 never resolved: counted as attended but flagged for the teacher, never turned into 欠席. */
  unresolved: number
}

export const EMPTY_COUNTS: RegisterCounts = { schoolDays: 0, excusedDays: 0, requiredDays: 0, absentDays: 0, attendedDays: 0, late: 0, earlyLeave: 0, unresolved: 0 }

/** The days a pupil belongs to the school: `leftOn` is their last day (inclusive). */
export interface EnrolmentSpan {
  enrolledOn: string
  leftOn: string | null
}

/** The semantics the counting needs; `null` means no mark (present by default). */
export type DayMark = Pick<CodeSemantics, 'countsAbsent' | 'excused' | 'isLate' | 'isEarlyLeave' | 'provisional'> | null

export function isEnrolledOn(date: string, span: EnrolmentSpan): boolean {
  return date >= span.enrolledOn && (span.leftOn === null || date <= span.leftOn)
}

/** How one school day counts for a pupil. */
export type DayKind = 'absent' | 'excused' | 'attended'

/** How one school day counts. A closure of the pupil's class or grade wins over any mark:
 * the class did not meet, so the day is neither required nor an absence. */
export function dayKind(mark: DayMark, closed: boolean): DayKind {
  if (closed || mark?.excused) return 'excused'
  if (mark?.countsAbsent) return 'absent'
  return 'attended'
}

/**
 * Counts a pupil's register over `schoolDays` (the school's 授業日 of the period, in any order).
 * Days outside the enrolment span are not counted for the pupil at all.
 */
export function countRegister(
  schoolDays: readonly string[],
  span: EnrolmentSpan,
  markOf: (date: string) => DayMark,
  closedFor: (date: string) => boolean = () => false,
): RegisterCounts {
  const c = { ...EMPTY_COUNTS }
  for (const day of schoolDays) {
    if (!isEnrolledOn(day, span)) continue
    c.schoolDays++
    const mark = markOf(day)
    const kind = dayKind(mark, closedFor(day))
    if (kind === 'excused') c.excusedDays++
    else if (kind === 'absent') c.absentDays++
    else {
      // Late/early and 未登校 only matter on days the pupil was expected and not absent.
      if (mark?.isLate) c.late++
      if (mark?.isEarlyLeave) c.earlyLeave++
      if (mark?.provisional) c.unresolved++
    }
  }
  c.requiredDays = c.schoolDays - c.excusedDays
  c.attendedDays = c.requiredDays - c.absentDays
  return c
}

/** The register's column headings, in the order of the paper register and of the CSV. */
export const COUNT_COLUMNS: { key: keyof RegisterCounts; label: string }[] = [
  { key: 'schoolDays', label: '授業日数' },
  { key: 'excusedDays', label: '出席停止・忌引等の日数' },
  { key: 'requiredDays', label: '出席しなければならない日数' },
  { key: 'absentDays', label: '欠席日数' },
  { key: 'attendedDays', label: '出席日数' },
  { key: 'late', label: '遅刻' },
  { key: 'earlyLeave', label: '早退' },
]

/**
 * Badge thresholds crossed during a period: those `t` with before < t ≤ after, where before
 * is the cumulative 欠席 at the start of the period and after at its end.
 */
export function thresholdsCrossed(before: number, after: number, thresholds: readonly number[]): number[] {
  return thresholds.filter((t) => before < t && t <= after)
}

/**
 * 連続欠席 of a pupil ending at the newest of `schoolDaysDesc` (school days, newest first).
 * Weekends, holidays and closures are not school days, so they never break a streak; days
 * outside the enrolment span are skipped. 出席停止・忌引 and class closures neither count nor
 * break it, so a streak interrupted by a diagnosis goes on; anything else, including a school
 * day with no mark (present by default), ends it.
 */
export function pupilStreak(
  schoolDaysDesc: readonly string[],
  span: EnrolmentSpan,
  markOf: (date: string) => DayMark,
  closedFor: (date: string) => boolean = () => false,
): number {
  let n = 0
  for (const day of schoolDaysDesc) {
    if (!isEnrolledOn(day, span)) continue
    const kind = dayKind(markOf(day), closedFor(day))
    if (kind === 'excused') continue
    if (kind !== 'absent') break
    n++
  }
  return n
}
