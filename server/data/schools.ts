import { SchoolSettings } from '../../shared/protocol/index.js'
import type { CalendarRules } from '../../shared/domain/calendar.js'
import { nationalHolidaysBetween } from '../calendar/holidays.js'
import type { Q } from '../db/types.js'

export interface School {
  id: number
  name: string
  settings: SchoolSettings
}

export interface SchoolYear {
  id: number
  fiscalYear: number
  startsOn: string
  endsOn: string
}

export async function getSchool(q: Q, schoolId: number): Promise<School | null> {
  const [row] = await q<{ id: number; name: string; settings: unknown }[]>`
    select id, name, settings from school where id = ${schoolId}`
  return row ? { ...row, settings: SchoolSettings.parse(row.settings ?? {}) } : null
}

/** The school year containing `date`, if the school has one. */
export async function schoolYearOn(q: Q, schoolId: number, date: string): Promise<SchoolYear | null> {
  const [row] = await q<SchoolYear[]>`
    select id, fiscal_year, starts_on, ends_on from school_year
    where school_id = ${schoolId} and ${date}::date between starts_on and ends_on`
  return row ?? null
}

export interface CalendarRow {
  date: string
  kind: 'closed' | 'extra_school_day'
}

/** Everything that decides school days between two dates for one school. */
export async function calendarRules(q: Q, schoolId: number, from: string, to: string): Promise<CalendarRules> {
  const rows = await q<CalendarRow[]>`
    select date, kind from calendar_day where school_id = ${schoolId} and date between ${from} and ${to}`
  return rulesFrom(rows, from, to)
}

/** The rules between two dates from the school's calendar rows of that span. */
export function rulesFrom(rows: readonly CalendarRow[], from: string, to: string): CalendarRules {
  return {
    holidays: nationalHolidaysBetween(from, to),
    closedDays: new Set(rows.filter((r) => r.kind === 'closed').map((r) => r.date)),
    extraSchoolDays: new Set(rows.filter((r) => r.kind === 'extra_school_day').map((r) => r.date)),
  }
}

/**
 * What the day's pages and writes need to know of a school on `date`: the school, its sequence
 * number, the school year containing `date` and its calendar from the start of that year (or
 * from `date` when there is none) to `to`, which covers both the badges' school days up to
 * `date` and a report's days up to its last.
 */
export interface SchoolOnDate {
  school: School
  seq: number
  year: SchoolYear | null
  calendarFrom: string
  calendarTo: string
  calendar: CalendarRules
  /** Changes whenever the school, its year or that calendar does (see schoolOnDateDigest). */
  digest: string
}

/** The school's day context (SchoolOnDate) in one round trip; null for no such school. */
export async function schoolOnDate(q: Q, schoolId: number, date: string, to = date): Promise<SchoolOnDate | null> {
  const [row] = await q<{ id: number; name: string; settings: unknown; seq: number; year: SchoolYear | null; calendar: CalendarRow[]; digest: string }[]>`
    select s.id, s.name, s.settings, s.seq,
           (select json_build_object('id', y.id, 'fiscal_year', y.fiscal_year, 'starts_on', y.starts_on, 'ends_on', y.ends_on)
            from school_year y where y.school_id = s.id and ${date}::date between y.starts_on and y.ends_on) as year,
           (select coalesce(json_agg(json_build_object('date', c.date, 'kind', c.kind)), '[]') from calendar_day c
            where c.school_id = s.id and c.date between ${calendarStart(q, schoolId, date)} and ${to}) as calendar,
           ${schoolOnDateDigest(q, schoolId, date, to)} as digest
    from school s where s.id = ${schoolId}`
  if (!row) return null
  const calendarFrom = row.year?.startsOn ?? date
  return {
    school: { id: row.id, name: row.name, settings: SchoolSettings.parse(row.settings ?? {}) },
    seq: row.seq,
    year: row.year,
    calendarFrom,
    calendarTo: to,
    calendar: rulesFrom(row.calendar, calendarFrom, to),
    digest: row.digest,
  }
}

type Fragment = ReturnType<Q>

/** The first day of the calendar span of schoolOnDate: the start of the school year of `date`, or `date`. */
function calendarStart(q: Q, schoolId: number, date: string): Fragment {
  return q`coalesce((select y.starts_on from school_year y where y.school_id = ${schoolId} and ${date}::date between y.starts_on and y.ends_on), ${date}::date)`
}

/**
 * A fingerprint of what schoolOnDate reads, for a later statement to check that it worked from
 * the same school, year and calendar as the one before it (no transaction holds them still).
 */
export function schoolOnDateDigest(q: Q, schoolId: number, date: string, to = date): Fragment {
  return q`(select md5(concat_ws('|', s.name, s.settings::text,
              (select concat_ws(',', y.id, y.starts_on, y.ends_on) from school_year y
               where y.school_id = s.id and ${date}::date between y.starts_on and y.ends_on),
              (select string_agg(c.date::text || c.kind, ',' order by c.date) from calendar_day c
               where c.school_id = s.id and c.date between ${calendarStart(q, schoolId, date)} and ${to})))
            from school s where s.id = ${schoolId})`
}

/** Takes the school's next sequence number. The row lock orders concurrent changes, so
 * commits happen in sequence order per school. Must run inside the change's transaction. */
export async function nextSeq(tx: Q, schoolId: number): Promise<number> {
  const [row] = await tx<{ seq: number }[]>`update school set seq = seq + 1 where id = ${schoolId} returning seq`
  if (!row) throw new Error(`school ${schoolId} not found`)
  return row.seq
}

/** Every school's latest sequence number (one row per school, for the sequence beacon). */
export async function schoolSeqs(q: Q): Promise<{ id: number; seq: number }[]> {
  return q<{ id: number; seq: number }[]>`select id, seq from school`
}

/** Whether any school exists: an empty database gets the demo (ASAGAO_DEMO=auto) or a setup link. */
export async function hasSchool(q: Q): Promise<boolean> {
  const [row] = await q<{ found: boolean }[]>`select exists (select 1 from school) as found`
  return row!.found
}
