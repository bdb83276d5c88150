import { IntlMessageFormat } from 'intl-messageformat'
import { formatDay, formatInstant, formatRange, formatTime } from '../../../shared/i18n/guardian/dates.js'
import { LANGUAGE_INFO, StaffLanguage, staffLanguageFromBrowser } from '../../../shared/i18n/languages.js'
import { formatLongDateJa } from '../../../shared/time/format.js'
import { DateTime } from 'luxon'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import type { Me } from '../../../shared/protocol/index.js'
import { routes } from '../../../shared/protocol/routes.js'
import { call } from './api.js'

/**
 * The language of the staff pages (日本語 or English). A page's language is settled before its
 * first render and kept until it reloads: the address (`?lang=en`, for a board display that
 * nobody logs in on), else the last choice on this device, else the browser's language; once
 * somebody logs in, the choice remembered on their account. Changing it reloads the page, so
 * no element has to follow a change while it shows.
 */

const STORAGE_KEY = 'asagao.staffLanguage'
let current: StaffLanguage | null = null

function stored(): StaffLanguage | null {
  try {
    const parsed = StaffLanguage.safeParse(localStorage.getItem(STORAGE_KEY))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

function remember(language: StaffLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Private browsing without storage: the account still remembers it.
  }
}

/** The page's language, settled on first use (guardian pages never ask, and stay out of it). */
export function staffLanguage(): StaffLanguage {
  if (current) return current
  // Outside a browser (the pages' unit tests): Japanese, touching nothing.
  if (typeof location === 'undefined') return (current = 'ja')
  const fromAddress = StaffLanguage.safeParse(new URLSearchParams(location.search).get('lang'))
  if (fromAddress.success) remember(fromAddress.data)
  current = fromAddress.success ? fromAddress.data : (stored() ?? staffLanguageFromBrowser(navigator.languages ?? []))
  document.documentElement.lang = LANGUAGE_INFO[current].htmlLang
  return current
}

/** Whether a page that already settled its language shows English (without settling it). */
export const speaksEnglish = (): boolean => current === 'en'

export type Values = Record<string, string | number>
export type AreaText<C> = (key: keyof C & string, values?: Values) => string

/**
 * One area's messages (ICU MessageFormat) in the page's language: the Japanese catalogue is at
 * hand, the English one is loaded first when the page shows English, so a Japanese page never
 * downloads it. Compiled messages are kept.
 */
export async function areaText<C extends Record<string, string>>(ja: C, en: () => Promise<Record<keyof C, string>>): Promise<AreaText<C>> {
  const language = staffLanguage()
  const catalogue: Record<keyof C, string> = language === 'en' ? await en() : ja
  const locale = LANGUAGE_INFO[language].intlLocale
  const compiled = new Map<string, IntlMessageFormat>()
  return (key, values) => {
    let f = compiled.get(key)
    if (!f) {
      f = new IntlMessageFormat(catalogue[key], locale, undefined, { ignoreTag: true })
      compiled.set(key, f)
    }
    return String(f.format(values))
  }
}

/** `2026-11-28` → `11月28日(土)` or `Sat, Nov 28`. */
export const dayText = (isoDate: string): string => formatDay(isoDate, staffLanguage())
/** `2026-11-28` → `2026年11月28日(土)` (`令和8年…` with the era) or `Sat, Nov 28, 2026`. */
export const longDayText = (isoDate: string, era = false): string =>
  staffLanguage() === 'ja' ? formatLongDateJa(isoDate, era)
    : DateTime.fromISO(isoDate, { zone: SCHOOL_ZONE }).setLocale('en').toLocaleString({ weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' })
/** One day or a range of days. */
export const rangeText = (from: string, to: string): string => formatRange(from, to, staffLanguage())
/** `08:05` → `8:05` or `8:05 AM`. */
export const timeText = (time: string): string => formatTime(time, staffLanguage())
/** An instant as the school's day and time. */
export const instantText = (iso: string): string => formatInstant(iso, staffLanguage())
/** An instant's time of day in a zone: `8:05` (as formatInstantTimeJa) or `8:05 AM`, like the page's other times. */
export const instantTimeText = (iso: string, zone: string): string => timeText(DateTime.fromISO(iso).setZone(zone).toFormat('HH:mm'))

/**
 * After login on a staff page: the account's remembered language wins over this device's and
 * over the address's. Returns false when the page reloads to show it (the caller renders nothing
 * more). A guardian page never settled a staff language and is left alone.
 */
export function followAccountLanguage(me: Me): boolean {
  if (current === null || me.kind === 'guardian' || !me.language || me.language === current) return true
  remember(me.language)
  reloadIn()
  return false
}

/**
 * Switches the staff pages to `language`: remembered on the account when somebody is logged in
 * (every device follows), and on this device; then the page reloads in it.
 */
export async function chooseStaffLanguage(language: StaffLanguage, loggedIn: boolean): Promise<void> {
  if (loggedIn) await call(routes.account.setLanguage, { body: { language } })
  remember(language)
  reloadIn()
}

/** Reloads the page in the language just remembered: without `?lang=`, which would say otherwise. */
function reloadIn(): void {
  const url = new URL(location.href)
  if (!url.searchParams.has('lang')) return location.reload()
  url.searchParams.delete('lang')
  location.replace(url.href)
}
