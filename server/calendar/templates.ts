import { templateRanges, type CalendarTemplateId } from '../../shared/domain/calendarTemplates.js'
import { datesBetween } from '../../shared/time/schoolTime.js'
import { createSchoolYear } from '../data/schoolSetup.js'
import type { Q } from '../db/types.js'

/**
 * Writes a template's vacations into a school year as closed days, the same rows the calendar
 * page writes, so they are edited there like any other. Days the school already marked (an
 * extra school day, its own closure) are kept: a template never overwrites a decision.
 */
export async function applyCalendarTemplate(q: Q, schoolId: number, year: { startsOn: string; endsOn: string; fiscalYear: number }, template: CalendarTemplateId): Promise<number> {
  const rows = templateRanges(template, year.fiscalYear).flatMap((r) =>
    datesBetween(r.from, r.to)
      .filter((date) => date >= year.startsOn && date <= year.endsOn)
      .map((date) => ({ schoolId, date, kind: 'closed', label: r.label })),
  )
  if (!rows.length) return 0
  const written = await q`insert into calendar_day ${q(rows)} on conflict (school_id, date) do nothing`
  return written.count
}

/** An April–March school year with the template's vacations. */
export async function createYearWithCalendar(q: Q, schoolId: number, fiscalYear: number, template: CalendarTemplateId): Promise<number> {
  const id = await createSchoolYear(q, schoolId, fiscalYear)
  await applyCalendarTemplate(q, schoolId, { fiscalYear, startsOn: `${fiscalYear}-04-01`, endsOn: `${fiscalYear + 1}-03-31` }, template)
  return id
}
