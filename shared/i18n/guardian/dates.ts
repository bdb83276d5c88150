import { DateTime } from 'luxon'
import { formatDateJa, formatTimeJa } from '../../time/format.js'
import { SCHOOL_ZONE } from '../../time/zone.js'
import { LANGUAGE_INFO, type GuardianLanguage } from '../languages.js'

/**
 * School dates and times in the guardian's language. Japanese (and やさしい日本語) keep the
 * school's own style, 11月28日(土) and 8:05; the others follow their locale's conventions
 * through Luxon. Everything is in the school's zone, whatever the phone's zone is.
 */
const isJapanese = (language: GuardianLanguage) => LANGUAGE_INFO[language].intlLocale === 'ja'

/**
 * The locale for dates: the language's own when this runtime has its data (some browsers ship
 * without Nepali or Filipino), else English, which at least is not the phone's default.
 */
const dateLocale = (language: GuardianLanguage) => {
  const wanted = LANGUAGE_INFO[language].intlLocale
  return Intl.DateTimeFormat.supportedLocalesOf([wanted]).length > 0 ? wanted : 'en'
}

/** `2026-11-28` → `11月28日(土)`, `Sat, Nov 28`, `11月28日周六`… */
export function formatDay(isoDate: string, language: GuardianLanguage): string {
  if (isJapanese(language)) return formatDateJa(isoDate)
  return DateTime.fromISO(isoDate, { zone: SCHOOL_ZONE })
    .setLocale(dateLocale(language))
    .toLocaleString({ weekday: 'short', month: 'short', day: 'numeric' })
}

/** One day, or a range of days. */
export function formatRange(from: string, to: string, language: GuardianLanguage): string {
  if (from === to) return formatDay(from, language)
  return `${formatDay(from, language)}${isJapanese(language) ? '〜' : ' – '}${formatDay(to, language)}`
}

/** A wall-clock time of the school day, `09:30` → `9:30` or `9:30 AM`. */
export function formatTime(time: string, language: GuardianLanguage): string {
  if (isJapanese(language)) return formatTimeJa(time)
  const [h, m] = time.split(':').map(Number)
  return DateTime.fromObject({ hour: h, minute: m }, { zone: SCHOOL_ZONE })
    .setLocale(dateLocale(language))
    .toLocaleString(DateTime.TIME_SIMPLE)
}

/** An instant (a submission time) as the school day and time it happened at the school. */
export function formatInstant(iso: string, language: GuardianLanguage): string {
  const d = DateTime.fromISO(iso).setZone(SCHOOL_ZONE)
  return `${formatDay(d.toISODate()!, language)} ${formatTime(d.toFormat('HH:mm'), language)}`
}
