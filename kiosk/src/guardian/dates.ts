import { addDays } from '../../../shared/time/schoolTime.js'
import { formatDay, formatRange } from '../../../shared/i18n/guardian/dates.js'
import { messages, type Locale } from './messages.js'

export { formatDay, formatInstant, formatRange, formatTime } from '../../../shared/i18n/guardian/dates.js'

/** The quick day choices: today when school is in session, and the next school day after it. */
export interface QuickDays {
  today: string | null
  next: { date: string; isTomorrow: boolean } | null
}

export function quickDays(today: string, schoolDays: readonly string[]): QuickDays {
  const next = schoolDays.find((d) => d > today) ?? null
  return {
    today: schoolDays.includes(today) ? today : null,
    next: next ? { date: next, isTomorrow: next === addDays(today, 1) } : null,
  }
}

export { addDays }

const FULL_WIDTH_BRACKETS: readonly Locale[] = ['ja', 'ja-easy', 'zh-Hans']

/**
 * A report's school days in words: one day, or `12月4日(金)〜12月8日(火)(3日間)` counting only
 * the days school is in session.
 */
export function reportDaysText(r: { fromDate: string; toDate: string; days: readonly string[] }, locale: Locale): string {
  const days = r.days.length ? r.days : [r.fromDate]
  if (days.length === 1) return formatDay(days[0]!, locale)
  const count = messages(locale).daysCount(days.length)
  const range = formatRange(days[0]!, days[days.length - 1]!, locale)
  return FULL_WIDTH_BRACKETS.includes(locale) ? `${range}(${count})` : `${range} (${count})`
}
