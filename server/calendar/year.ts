import { schoolDaysBetween } from '../../shared/domain/calendar.js'
import type { CalendarYear, ClosureRow, EventRow } from '../../shared/protocol/calendar.js'
import { can } from '../../shared/policy/policy.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { calendarRules } from '../data/schools.js'
import type { Q } from '../db/types.js'
import { AppError } from '../http/errors.js'
import { holidayName, nationalHolidaysBetween } from './holidays.js'

/** A school year's calendar: holidays, vacations/closures, extra days, class closures and events. */
export async function calendarYear(q: Q, who: StaffPrincipal, fiscalYear: number, today: string): Promise<CalendarYear> {
  const [year] = await q<{ id: number; startsOn: string; endsOn: string }[]>`
    select id, starts_on, ends_on from school_year where school_id = ${who.schoolId} and fiscal_year = ${fiscalYear}`
  if (!year) throw new AppError('DATE_OUTSIDE_SCHOOL_YEAR')
  const days = await q<CalendarYear['days']>`
    select date, kind, label from calendar_day where school_id = ${who.schoolId} and date between ${year.startsOn} and ${year.endsOn} order by date`
  const closures = await q<ClosureRow[]>`
    select cc.id, cc.class_id, cc.grade, coalesce(sc.grade || '年' || sc.name, cc.grade || '年(学年閉鎖)') as target, cc.from_date, cc.to_date, cc.label
    from class_closure cc left join school_class sc on sc.id = cc.class_id
    where cc.school_id = ${who.schoolId} and cc.school_year_id = ${year.id} order by cc.from_date, cc.id`
  const events = await q<EventRow[]>`
    select id, from_date, to_date, title, visible_to_guardians from calendar_event
    where school_id = ${who.schoolId} and to_date >= ${year.startsOn} and from_date <= ${year.endsOn} order by from_date, id`
  const classes = await q<CalendarYear['classes']>`
    select id, grade || '年' || name as label, grade from school_class where school_year_id = ${year.id} order by grade, sort_order, name`
  const rules = await calendarRules(q, who.schoolId, year.startsOn, year.endsOn)
  return {
    ok: true, fiscalYear, startsOn: year.startsOn, endsOn: year.endsOn, today,
    canEdit: can(who, 'calendar.edit'),
    holidays: [...nationalHolidaysBetween(year.startsOn, year.endsOn)].sort().map((date) => ({ date, name: holidayName(date) ?? '祝日' })),
    days, closures, events, classes,
    schoolDayCount: schoolDaysBetween(year.startsOn, year.endsOn, rules).length,
  }
}
