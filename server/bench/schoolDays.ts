import { schoolDaysBetween } from '../../shared/domain/calendar.js'
import { addDays, fiscalYearOf, schoolDateOf } from '../../shared/time/schoolTime.js'
import { nationalHolidaysBetween } from '../calendar/holidays.js'

/** How far ahead to look; long enough for 20 school days even across Golden Week or New Year. */
const LOOKAHEAD_DAYS = 60

/**
 * The next school days after today in `zone`, all in one fiscal year, computed with the same
 * calendar rules the server applies to a school without closures. Today itself is left out:
 * a same-day report is subject to the school's morning cut-off, which would make the result
 * depend on the hour the bench runs. The server refuses past dates and non-school days, and a
 * report must fall in a school year the school has, so the caller creates `fiscalYear`.
 */
export function upcomingSchoolDays(nowMs: number, zone: string, count: number): { fiscalYear: number; days: string[] } {
  const from = addDays(schoolDateOf(nowMs, zone), 1)
  const to = addDays(from, LOOKAHEAD_DAYS)
  const rules = { holidays: nationalHolidaysBetween(from, to), closedDays: new Set<string>(), extraSchoolDays: new Set<string>() }
  const all = schoolDaysBetween(from, to, rules)
  const fiscalYear = fiscalYearOf(all[0]!)
  return { fiscalYear, days: all.filter((d) => fiscalYearOf(d) === fiscalYear).slice(0, count) }
}
