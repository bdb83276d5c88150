import { DateTime } from 'luxon'

/** The school-local calendar date of an instant. */
export function schoolDateOf(epochMs: number, zone: string): string {
  return localMinute(epochMs, zone).date
}

/** Minutes since school-local midnight for an instant. */
export function schoolMinutesOf(epochMs: number, zone: string): number {
  return localMinute(epochMs, zone).minutes
}

/**
 * The local date and minute of the last minute asked for, per zone: the time-zone arithmetic is
 * the costly part, and a report asks for "now" several times. Every zone's offset today is a
 * whole number of minutes, so one minute's instants share their local date and minute.
 */
const lastMinutes = new Map<string, { minute: number; date: string; minutes: number }>()

function localMinute(epochMs: number, zone: string): { date: string; minutes: number } {
  const minute = Math.floor(epochMs / 60_000)
  const last = lastMinutes.get(zone)
  if (last?.minute === minute) return last
  const d = DateTime.fromMillis(minute * 60_000, { zone })
  const next = { minute, date: d.toISODate()!, minutes: d.hour * 60 + d.minute }
  lastMinutes.set(zone, next)
  return next
}

/** `8:30` → 510 */
export function minutesOfTime(time: string): number {
  const [h, m] = time.split(':').map(Number)
  return h! * 60 + m!
}

/** The Japanese school year (April–March) a date belongs to: 2026-03-31 → 2025. */
export function fiscalYearOf(isoDate: string): number {
  const [y, m] = isoDate.split('-').map(Number)
  return m! >= 4 ? y! : y! - 1
}

const DAY_MS = 86_400_000

/**
 * Days since 1970-01-01 of an ISO date. Calendar dates are counted as whole days in plain UTC
 * arithmetic rather than with Luxon (no time zone is involved): ranges, streaks and a change's
 * badges walk every day of the school year, inside transactions, for every report.
 */
function epochDayOf(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / DAY_MS
}

/** Dates already written out (at most a century: dates are limited to 2000–2100 at the boundary); a server walks the same school year's days for every report. */
const isoDates = new Map<number, string>()

function isoDateOfEpochDay(day: number): string {
  let date = isoDates.get(day)
  if (date === undefined) isoDates.set(day, (date = new Date(day * DAY_MS).toISOString().slice(0, 10)))
  return date
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day since 1970-01-01, a Thursday. */
function weekdayOfEpochDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1
}

/** Adds days to an ISO date. */
export function addDays(isoDate: string, days: number): string {
  return isoDateOfEpochDay(epochDayOf(isoDate) + days)
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(isoDate: string): number {
  return weekdayOfEpochDay(epochDayOf(isoDate))
}

/** Whole days from `from` to `to` inclusive, without building them: sizes a range before any work grows with it. */
export function daysInclusive(from: string, to: string): number {
  return epochDayOf(to) - epochDayOf(from) + 1
}

/** Visits every date from `from` to `to` inclusive with its ISO weekday, without parsing each one again. */
export function forEachDate(from: string, to: string, visit: (date: string, weekday: number) => void): void {
  for (let day = epochDayOf(from), last = epochDayOf(to); day <= last; day++) visit(isoDateOfEpochDay(day), weekdayOfEpochDay(day))
}

/** Every date from `from` to `to` inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = []
  forEachDate(from, to, (date) => void out.push(date))
  return out
}
