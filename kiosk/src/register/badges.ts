import { badgeText } from '../components/day-words.js'
import { t } from './text.js'

/** The badge a pupil earns from the school's thresholds, or null. Shared by the register and guidance pages. */
export function cumulativeBadge(absentDays: number, thresholds: readonly number[]): string | null {
  const crossed = thresholds.filter((t) => absentDays >= t)
  if (crossed.length === 0) return null
  const top = Math.max(...crossed)
  return top >= 30 ? t('longAbsenceBadge', { n: absentDays }) : t('cumulativeBadge', { n: top })
}

/** 連続3日, worded as the board and the teacher view word it. */
export function streakBadge(streak: number, threshold: number): string | null {
  return streak >= threshold ? badgeText({ kind: 'streak', days: streak, level: 1 }) : null
}
