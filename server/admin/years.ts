import type { SchoolYearView } from '../../shared/protocol/index.js'
import type { CalendarTemplateId } from '../../shared/domain/calendarTemplates.js'
import { createYearWithCalendar } from '../calendar/templates.js'
import type { Q } from '../db/types.js'
import { AppError } from '../errors.js'
import { runChange, type ChangeDeps } from '../realtime/change.js'

/** The school's years, newest first, each with its classes. */
export async function listYears(q: Q, schoolId: number): Promise<SchoolYearView[]> {
  const years = await q<{ id: number; fiscalYear: number; startsOn: string; endsOn: string }[]>`
    select id, fiscal_year, starts_on::text as starts_on, ends_on::text as ends_on from school_year where school_id = ${schoolId} order by fiscal_year desc`
  const classes = await q<{ id: number; yearId: number; grade: number; label: string }[]>`
    select id, school_year_id as year_id, grade, grade || '年' || name as label from school_class where school_id = ${schoolId} order by grade, sort_order, name`
  return years.map((y) => ({ ...y, classes: classes.filter((c) => c.yearId === y.id).map(({ yearId: _y, ...c }) => c) }))
}

/**
 * A new April–March school year (the start of 進級) with the template's vacations; each fiscal
 * year exists once; its classes and pupils come with the roster import.
 */
export async function addSchoolYear(deps: ChangeDeps, schoolId: number, fiscalYear: number, template: CalendarTemplateId): Promise<number> {
  return runChange(deps, schoolId, async (tx, change) => {
    const [exists] = await tx`select 1 from school_year where school_id = ${schoolId} and fiscal_year = ${fiscalYear}`
    if (exists) throw new AppError('YEAR_EXISTS')
    change.school('roster')
    change.school('calendar')
    return createYearWithCalendar(tx, schoolId, fiscalYear, template)
  })
}
