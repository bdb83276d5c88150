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

/** Everything that decides school days between two dates for one school. */
export async function calendarRules(q: Q, schoolId: number, from: string, to: string): Promise<CalendarRules> {
  const rows = await q<{ date: string; kind: 'closed' | 'extra_school_day' }[]>`
    select date, kind from calendar_day where school_id = ${schoolId} and date between ${from} and ${to}`
  return {
    holidays: nationalHolidaysBetween(from, to),
    closedDays: new Set(rows.filter((r) => r.kind === 'closed').map((r) => r.date)),
    extraSchoolDays: new Set(rows.filter((r) => r.kind === 'extra_school_day').map((r) => r.date)),
  }
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
