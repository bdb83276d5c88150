import type { CreateClosure, CreateEvent, SetCalendarDays } from '../../shared/protocol/calendar.js'
import { datesBetween } from '../../shared/time/schoolTime.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { schoolYearOn } from '../data/schools.js'
import type { Q, Sql } from '../db/types.js'
import { AppError } from '../http/errors.js'
import { runChange, type ChangeDeps } from '../realtime/change.js'

/** The school year containing the whole range; a range may not straddle two years. */
async function yearOfRange(sql: Q, schoolId: number, from: string, to: string) {
  const year = await schoolYearOn(sql, schoolId, from)
  if (!year || to > year.endsOn) throw new AppError('DATE_OUTSIDE_SCHOOL_YEAR')
  return year
}

/** Marks each day of a range as closed (休業・休校) or as an extra school day, or clears it. One transaction. */
export async function setCalendarDays(deps: ChangeDeps, who: StaffPrincipal, s: SetCalendarDays): Promise<void> {
  await yearOfRange(deps.sql, who.schoolId, s.from, s.to)
  const dates = datesBetween(s.from, s.to)
  await calendarChange(deps, who, async (tx) => {
    await tx`delete from calendar_day where school_id = ${who.schoolId} and date = any(${dates}::date[])`
    if (s.kind !== 'clear') await tx`insert into calendar_day ${tx(dates.map((date) => ({ schoolId: who.schoolId, date, kind: s.kind, label: s.label })))}`
  })
}

/** 学級閉鎖 or 学年閉鎖 over a range: the days stay school days, excused for those pupils. */
export async function createClosure(deps: ChangeDeps, who: StaffPrincipal, c: CreateClosure): Promise<number> {
  if ((c.classId === null) === (c.grade === null)) throw new AppError('CLOSURE_TARGET_REQUIRED')
  const year = await yearOfRange(deps.sql, who.schoolId, c.from, c.to)
  if (c.classId !== null) {
    const [cls] = await deps.sql`select id from school_class where id = ${c.classId} and school_year_id = ${year.id} and school_id = ${who.schoolId}`
    if (!cls) throw new AppError('NOT_FOUND')
  }
  return calendarChange(deps, who, async (tx) => {
    const [row] = await tx<{ id: number }[]>`
      insert into class_closure (school_id, school_year_id, class_id, grade, from_date, to_date, label, created_by)
      values (${who.schoolId}, ${year.id}, ${c.classId}, ${c.grade}, ${c.from}, ${c.to}, ${c.label || (c.classId ? '学級閉鎖' : '学年閉鎖')}, ${who.staffId})
      returning id`
    return row!.id
  })
}

export async function deleteClosure(deps: ChangeDeps, who: StaffPrincipal, id: number): Promise<void> {
  await calendarChange(deps, who, async (tx) => {
    const rows = await tx`delete from class_closure where id = ${id} and school_id = ${who.schoolId} returning id`
    if (rows.length === 0) throw new AppError('NOT_FOUND')
  })
}

export async function createEvent(deps: ChangeDeps, who: StaffPrincipal, e: CreateEvent): Promise<number> {
  await yearOfRange(deps.sql, who.schoolId, e.from, e.to)
  return calendarChange(deps, who, async (tx) => {
    const [row] = await tx<{ id: number }[]>`
      insert into calendar_event (school_id, from_date, to_date, title, visible_to_guardians, created_by)
      values (${who.schoolId}, ${e.from}, ${e.to}, ${e.title}, ${e.visibleToGuardians}, ${who.staffId}) returning id`
    return row!.id
  })
}

export async function deleteEvent(deps: ChangeDeps, who: StaffPrincipal, id: number): Promise<void> {
  await calendarChange(deps, who, async (tx) => {
    const rows = await tx`delete from calendar_event where id = ${id} and school_id = ${who.schoolId} returning id`
    if (rows.length === 0) throw new AppError('NOT_FOUND')
  })
}

/** A write to the school's calendar, published as a calendar change. */
function calendarChange<T>(deps: ChangeDeps, who: StaffPrincipal, write: (tx: Q) => Promise<T>): Promise<T> {
  return runChange(deps, who.schoolId, async (tx, change) => {
    const result = await write(tx)
    change.school('calendar')
    return result
  })
}

/** Events guardians may see, for the schools of their children, from `from` on. */
export async function guardianEvents(sql: Sql, guardianId: number, from: string, to: string) {
  return sql<{ id: number; schoolName: string; fromDate: string; toDate: string; title: string }[]>`
    select e.id, s.name as school_name, e.from_date, e.to_date, e.title
    from calendar_event e join school s on s.id = e.school_id
    where e.visible_to_guardians and e.to_date >= ${from} and e.from_date <= ${to}
      and e.school_id in (select school_id from guardian_pupil where guardian_id = ${guardianId})
    order by e.from_date, e.id`
}
