import { SchoolSettings } from '../../shared/protocol/index.js'
import type { Q } from '../db/types.js'

/** What the city's views read about the organisation and its schools. */

export interface CityRow {
  id: number
  name: string
  absenceAlertPercent: number
}

export async function getCity(q: Q, cityId: number): Promise<CityRow | null> {
  const [row] = await q<CityRow[]>`select id, name, absence_alert_percent from organisation where id = ${cityId}`
  return row ?? null
}

export async function setAbsenceAlertPercent(q: Q, cityId: number, percent: number): Promise<void> {
  await q`update organisation set absence_alert_percent = ${percent} where id = ${cityId}`
}

export interface CitySchoolRow {
  id: number
  name: string
  schoolCode: string | null
  settings: SchoolSettings
  /** The school's change sequence: whatever a page of the school shows changed when it moves. */
  seq: number
  /** The school year containing the date asked about. */
  yearId: number | null
  yearStartsOn: string | null
}

/** The organisation's schools with their sequence and the school year of `date`, in one query. */
export async function citySchoolsOn(q: Q, cityId: number, date: string): Promise<CitySchoolRow[]> {
  const rows = await q<(Omit<CitySchoolRow, 'settings'> & { settings: unknown })[]>`
    select s.id, s.name, s.school_code, s.settings, s.seq, y.id as year_id, y.starts_on as year_starts_on
    from school s left join school_year y on y.school_id = s.id and ${date}::date between y.starts_on and y.ends_on
    where s.organisation_id = ${cityId}
    order by s.school_code nulls last, s.name, s.id`
  return rows.map((r) => ({ ...r, settings: SchoolSettings.parse(r.settings ?? {}) }))
}

export interface CityClassRow {
  id: number
  grade: number
  name: string
  rollTaken: boolean
}

/** A school year's classes with whether each took its roll on `date`. */
export async function classesWithRoll(q: Q, schoolId: number, yearId: number, date: string): Promise<CityClassRow[]> {
  return q<CityClassRow[]>`
    select sc.id, sc.grade, sc.name, (rc.class_id is not null) as roll_taken
    from school_class sc left join roll_call rc on rc.class_id = sc.id and rc.date = ${date}
    where sc.school_id = ${schoolId} and sc.school_year_id = ${yearId}
    order by sc.grade, sc.sort_order, sc.name`
}

export interface ClosureRow {
  classId: number | null
  grade: number | null
  label: string
  fromDate: string
  toDate: string
}

/** 学級閉鎖・学年閉鎖 covering `date`. */
export async function closuresOn(q: Q, schoolId: number, yearId: number, date: string): Promise<ClosureRow[]> {
  return q<ClosureRow[]>`
    select class_id, grade, label, from_date, to_date from class_closure
    where school_id = ${schoolId} and school_year_id = ${yearId} and from_date <= ${date} and to_date >= ${date}
    order by id`
}

/** Each pupil's grade in a school year (for per-grade totals of per-pupil counts; never sent on). */
export async function pupilGrades(q: Q, yearId: number): Promise<Map<number, number>> {
  const rows = await q<{ pupilId: number; grade: number }[]>`
    select m.pupil_id, sc.grade from class_membership m join school_class sc on sc.id = m.class_id where m.school_year_id = ${yearId}`
  return new Map(rows.map((r) => [r.pupilId, r.grade]))
}
