import { addDays, forEachDate, weekdayOf } from '../time/schoolTime.js'

/** What decides whether a date is a school day, besides the weekday. */
export interface CalendarRules {
  /** National holidays (including substitute holidays). */
  holidays: ReadonlySet<string>
  /** Vacations and whole-school closures (休校・臨時休業). */
  closedDays: ReadonlySet<string>
  /** Extra school days, e.g. a Saturday class day; wins over everything else. */
  extraSchoolDays: ReadonlySet<string>
}

/** 授業日: a weekday that is neither a holiday nor a closure, or a declared extra school day. */
export function isSchoolDay(date: string, rules: CalendarRules): boolean {
  return isSchoolDayOn(date, weekdayOf(date), rules)
}

function isSchoolDayOn(date: string, weekday: number, rules: CalendarRules): boolean {
  if (rules.extraSchoolDays.has(date)) return true
  if (rules.closedDays.has(date) || rules.holidays.has(date)) return false
  return weekday <= 5
}

/** The school days from `from` to `to` inclusive, in order. */
export function schoolDaysBetween(from: string, to: string, rules: CalendarRules): string[] {
  const out: string[] = []
  forEachDate(from, to, (date, weekday) => {
    if (isSchoolDayOn(date, weekday, rules)) out.push(date)
  })
  return out
}

/**
 * The first school day after `date`, looking at most `within` days ahead (the span `rules`
 * must cover); null when the calendar has none in that span.
 */
export function firstSchoolDayAfter(date: string, rules: CalendarRules, within: number): string | null {
  return schoolDaysBetween(addDays(date, 1), addDays(date, within), rules)[0] ?? null
}
