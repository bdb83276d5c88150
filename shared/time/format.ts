import { DateTime } from 'luxon'

const WEEKDAYS = ['月', '火', '水', '木', '金', '土', '日'] as const

/** `2026-11-28` → `11月28日(土)` */
export function formatDateJa(isoDate: string): string {
  const d = DateTime.fromISO(isoDate, { zone: 'utc' })
  return `${d.month}月${d.day}日(${WEEKDAYS[d.weekday - 1]})`
}

/** `2026-11-28` → `2026年11月28日(土)`, or with the era: `令和8年11月28日(土)` */
export function formatLongDateJa(isoDate: string, era = false): string {
  const d = DateTime.fromISO(isoDate, { zone: 'utc' })
  return `${era ? eraYear(isoDate) : `${d.year}年`}${formatDateJa(isoDate)}`
}

/** The Japanese era year for a date: 令和 from 2019-05-01, 平成 before. */
export function eraYear(isoDate: string): string {
  const d = DateTime.fromISO(isoDate, { zone: 'utc' })
  if (isoDate >= '2019-05-01') {
    const n = d.year - 2018
    return `令和${n === 1 ? '元' : n}年`
  }
  const n = d.year - 1988
  return `平成${n === 1 ? '元' : n}年`
}

/** `08:05` or `8:05` → `8:05` (no leading zero, as Japanese timetables write it). */
export function formatTimeJa(time: string): string {
  const [h, m] = time.split(':')
  return `${Number(h)}:${m}`
}

/** An instant shown as school-local wall time `8:05`. */
export function formatInstantTimeJa(iso: string, zone: string): string {
  return DateTime.fromISO(iso).setZone(zone).toFormat('H:mm')
}

/** An instant shown as `11月28日(土) 8:05` in the school's zone. */
export function formatInstantJa(iso: string, zone: string): string {
  const d = DateTime.fromISO(iso).setZone(zone)
  return `${formatDateJa(d.toISODate()!)} ${d.toFormat('H:mm')}`
}
