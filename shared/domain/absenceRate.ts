import type { DayCounts } from '../protocol/city.js'

/**
 * The share of a group away, as the city's alert reads it: 欠席 and 出席停止・忌引等 over the
 * enrolled (学級閉鎖 is neither: closed classes are left out of the counts). One definition for
 * the server's alerts and the page's colours.
 */
export function awayPercent(c: Pick<DayCounts, 'enrolled' | 'absent' | 'excused'>): number {
  return c.enrolled === 0 ? 0 : ((c.absent + c.excused) * 100) / c.enrolled
}

/** Whether a class with pupils is at or over the threshold (in per cent), compared without rounding. */
export function reachesThreshold(c: Pick<DayCounts, 'enrolled' | 'absent' | 'excused'>, percent: number): boolean {
  return c.enrolled > 0 && (c.absent + c.excused) * 100 >= percent * c.enrolled
}
