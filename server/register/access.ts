import { can, type Action } from '../../shared/policy/policy.js'
import { authorize } from '../auth/guards.js'
import type { StaffPrincipal } from '../auth/principal.js'
import type { SchoolYear } from '../data/schools.js'
import type { Q } from '../db/types.js'
import { AppError } from '../http/errors.js'

export interface ClassRow {
  id: number
  grade: number
  name: string
  label: string
  year: SchoolYear
}

/** A class of the caller's school on which the caller may do `action` (by the policy: own class or school-wide). */
export async function readableClass(q: Q, who: StaffPrincipal, action: Action, classId: number): Promise<ClassRow> {
  const [row] = await q<(Omit<ClassRow, 'year'> & { yearId: number; fiscalYear: number; startsOn: string; endsOn: string })[]>`
    select c.id, c.grade, c.name, c.grade || '年' || c.name as label, y.id as year_id, y.fiscal_year, y.starts_on, y.ends_on
    from school_class c join school_year y on y.id = c.school_year_id
    where c.id = ${classId} and c.school_id = ${who.schoolId}`
  if (!row) throw new AppError('NOT_FOUND')
  authorize(who, action, { schoolId: who.schoolId, classId })
  return { id: row.id, grade: row.grade, name: row.name, label: row.label, year: { id: row.yearId, fiscalYear: row.fiscalYear, startsOn: row.startsOn, endsOn: row.endsOn } }
}

/** The pupil's class in the year containing `date`, checked like `readableClass`. */
export async function readablePupilClass(q: Q, who: StaffPrincipal, action: Action, pupilId: number, date: string): Promise<ClassRow> {
  const [row] = await q<{ classId: number }[]>`
    select m.class_id from class_membership m join school_year y on y.id = m.school_year_id
    where m.pupil_id = ${pupilId} and m.school_id = ${who.schoolId} and ${date}::date between y.starts_on and y.ends_on`
  if (!row) throw new AppError('PUPIL_NOT_FOUND')
  return readableClass(q, who, action, row.classId)
}

/** The classes of a school year the caller may open in the register. */
export async function readableClasses(q: Q, who: StaffPrincipal, schoolYearId: number): Promise<{ id: number; label: string }[]> {
  const all = await q<{ id: number; label: string }[]>`
    select id, grade || '年' || name as label from school_class
    where school_year_id = ${schoolYearId} and school_id = ${who.schoolId} order by grade, sort_order, name`
  return all.filter((c) => can(who, 'register.read', { schoolId: who.schoolId, classId: c.id }))
}
