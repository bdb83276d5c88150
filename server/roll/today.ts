import { isSchoolDay } from '../../shared/domain/calendar.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { pupilPlace, type PupilPlace } from '../data/roll.js'
import { calendarRules, getSchool, schoolYearOn, type School, type SchoolYear } from '../data/schools.js'
import type { Deps } from '../deps.js'
import { AppError } from '../http/errors.js'
import { schoolNow } from '../reports/schoolDates.js'

/** The school's today as staff act on it: marks and roll calls are for today only. */
export interface StaffToday {
  school: School
  year: SchoolYear
  today: string
  /** School-local wall time, `HH:MM`. */
  time: string
  nowIso: string
}

export async function staffToday(deps: Deps, who: StaffPrincipal, opts: { requireSchoolDay: boolean }): Promise<StaffToday> {
  const school = (await getSchool(deps.sql, who.schoolId))!
  const nowMs = deps.clock.now()
  const { today, time } = schoolNow(school, nowMs)
  const year = await schoolYearOn(deps.sql, school.id, today)
  if (!year) throw new AppError('DATE_OUTSIDE_SCHOOL_YEAR')
  if (opts.requireSchoolDay && !isSchoolDay(today, await calendarRules(deps.sql, school.id, today, today))) throw new AppError('NOT_A_SCHOOL_DAY')
  return { school, year, today, time, nowIso: new Date(nowMs).toISOString() }
}

/** A pupil of the caller's school in this school year, enrolled today; else PUPIL_NOT_FOUND. */
export async function pupilToday(deps: Deps, who: StaffPrincipal, t: StaffToday, pupilId: number): Promise<PupilPlace> {
  const place = await pupilPlace(deps.sql, who.schoolId, t.year.id, pupilId)
  if (!place) throw new AppError('PUPIL_NOT_FOUND')
  if (place.enrolledOn > t.today || (place.leftOn && place.leftOn < t.today)) throw new AppError('NOT_ENROLLED')
  return place
}
