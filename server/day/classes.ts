import type { ClassInfo } from '../../shared/protocol/index.js'
import type { Q } from '../db/types.js'

type Fragment = ReturnType<Q>
type ClassRow = Omit<ClassInfo, 'rollTaken'> & { rollAt: string | null; rollBy: string | null }

/** The classes of a school year as pages see them on `date`, with that day's roll call. */
export async function loadClasses(q: Q, schoolId: number, yearId: number, date: string, classIds?: number[]): Promise<ClassInfo[]> {
  return classesFrom(await q<ClassRow[]>`${classesSql(q, schoolId, yearId, date, classIds)}`)
}

/**
 * The statement of loadClasses, to nest in a larger one (a snapshot). Every table carries the
 * school, so that whatever join a plan picks it reads this school's rows only.
 */
export function classesSql(q: Q, schoolId: number, yearId: number, date: string, classIds?: number[]): Fragment {
  return q`
    select c.id, c.grade, c.name, c.grade || '年' || c.name as label,
           (select count(*)::int from class_membership m join pupil p on p.id = m.pupil_id and p.school_id = ${schoolId}
             where m.class_id = c.id and p.enrolled_on <= ${date} and (p.left_on is null or p.left_on >= ${date})) as pupil_count,
           (select s.family_name || ' ' || s.given_name from homeroom_assignment h join staff s on s.id = h.staff_id
             where h.class_id = c.id and h.is_main order by s.id limit 1) as homeroom_teacher,
           rc.taken_at as roll_at, rs.family_name || ' ' || rs.given_name as roll_by
    from school_class c
    left join roll_call rc on rc.school_id = ${schoolId} and rc.class_id = c.id and rc.date = ${date}
    left join staff rs on rs.id = rc.staff_id
    where c.school_id = ${schoolId} and c.school_year_id = ${yearId} ${classIds ? q`and c.id = any(${classIds}::int[])` : q``}
    order by c.grade, c.sort_order, c.name`
}

/** Class rows as pages get them (instants as ISO strings, also when they came through JSON). */
export function classesFrom(rows: readonly ClassRow[]): ClassInfo[] {
  return rows.map(({ rollAt, rollBy, ...c }) => ({
    ...c,
    rollTaken: rollAt ? { at: new Date(rollAt).toISOString(), by: rollBy ?? '' } : null,
  }))
}
