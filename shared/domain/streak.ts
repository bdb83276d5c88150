/** How a pupil's day counts for absence streaks. */
export type StreakMark = 'absent' | 'excused' | 'attended'

/**
 * Consecutive 欠席 ending at the latest of `schoolDaysDesc` (school days, newest first).
 * Weekends, holidays and closures are not school days, so they never break a streak.
 * 出席停止・忌引 (and class closures) neither count nor break it; anything else, including
 * a school day with no mark (present by default), ends it.
 */
export function consecutiveAbsences(schoolDaysDesc: readonly string[], markOf: (date: string) => StreakMark): number {
  let n = 0
  for (const day of schoolDaysDesc) {
    const mark = markOf(day)
    if (mark === 'excused') continue
    if (mark !== 'absent') break
    n++
  }
  return n
}
