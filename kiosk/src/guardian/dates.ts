import { DateTime } from 'luxon'
import { formatDateJa, formatTimeJa } from '../../../shared/time/format.js'
import { addDays } from '../../../shared/time/schoolTime.js'
import { messages, type Locale } from './messages.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'

/**
 * Schools are in Japan. The guardian API does not send a school's time zone, so instants
 * (submission times) are shown in Japan time.
 */

const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/** `2026-11-28` → `11月28日(土)` or `Sat 28 Nov`. */
export function formatDay(isoDate: string, locale: Locale): string {
  if (locale === 'ja') return formatDateJa(isoDate)
  const d = DateTime.fromISO(isoDate, { zone: 'utc' })
  return `${WEEKDAYS_EN[d.weekday - 1]} ${d.day} ${MONTHS_EN[d.month - 1]}`
}

/** One day, or a range `12月4日(金)〜12月8日(火)`. */
export function formatRange(from: string, to: string, locale: Locale): string {
  if (from === to) return formatDay(from, locale)
  return `${formatDay(from, locale)}${locale === 'ja' ? '〜' : ' – '}${formatDay(to, locale)}`
}

/** `09:30` → `9:30` */
export function formatTime(time: string): string {
  return formatTimeJa(time)
}

/** An instant as `11月28日(土) 6:31` in Japan time. */
export function formatInstant(iso: string, locale: Locale): string {
  const d = DateTime.fromISO(iso).setZone(SCHOOL_ZONE)
  return `${formatDay(d.toISODate()!, locale)} ${d.toFormat('H:mm')}`
}


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

/**
 * A report's school days in words: one day, or `12月4日(金)〜12月8日(火)(3日間)` counting only
 * the days school is in session.
 */
export function reportDaysText(r: { fromDate: string; toDate: string; days: readonly string[] }, locale: Locale): string {
  const days = r.days.length ? r.days : [r.fromDate]
  if (days.length === 1) return formatDay(days[0]!, locale)
  const count = messages(locale).daysCount(days.length)
  return `${formatRange(days[0]!, days[days.length - 1]!, locale)}${locale === 'ja' ? `(${count})` : ` (${count})`}`
}
