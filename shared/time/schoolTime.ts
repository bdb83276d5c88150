import { DateTime } from 'luxon'

/** The school-local calendar date of an instant. */
export function schoolDateOf(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toISODate()!
}

/** Minutes since school-local midnight for an instant. */
export function schoolMinutesOf(epochMs: number, zone: string): number {
  const d = DateTime.fromMillis(epochMs, { zone })
  return d.hour * 60 + d.minute
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

/**
 * Adds days to an ISO date without touching time zones. Plain UTC arithmetic rather than
 * Luxon: streaks and ranges call this for every day, inside transactions.
 */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number)
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10)
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number)
  return new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() || 7
}

/** Whole days from `from` to `to` inclusive, without building them: sizes a range before any work grows with it. */
export function daysInclusive(from: string, to: string): number {
  const utc = (d: string) => {
    const [y, m, day] = d.split('-').map(Number)
    return Date.UTC(y!, m! - 1, day!)
  }
  return Math.round((utc(to) - utc(from)) / 86_400_000) + 1
}

/** Every date from `from` to `to` inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}
