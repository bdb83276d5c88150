import type { DayCounts } from '../../../shared/protocol/index.js'

/** 欠席 + 出席停止・忌引等 as a share of the enrolled, the figure the city's alert uses. */
export function awayPercent(c: DayCounts): number {
  return c.enrolled === 0 ? 0 : ((c.absent + c.excused) * 100) / c.enrolled
}

export function percentText(n: number, enrolled: number): string {
  return enrolled === 0 ? '—' : `${((n * 100) / enrolled).toFixed(1)}%`
}

/** How alarming a share is next to the city's threshold: at it, or past half of it. */
export function level(percent: number, threshold: number): 'alert' | 'watch' | '' {
  return percent >= threshold ? 'alert' : percent >= threshold / 2 ? 'watch' : ''
}
