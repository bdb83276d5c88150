import type { RosterMapping } from '../../shared/protocol/index.js'
import type { Q } from '../db/types.js'

export interface ExistingPupil {
  id: number
  externalId: string | null
  familyName: string
  givenName: string
  familyKana: string
  givenKana: string
  guardianName: string
  leftOn: string | null
  /** Membership in the target year. */
  current: { classId: number; number: number; grade: number } | null
  /** The newest membership before the target year, to tell graduates from leavers. */
  last: { fiscalYear: number; grade: number; topGrade: number } | null
}

export interface Year {
  id: number
  fiscalYear: number
  startsOn: string
  endsOn: string
}

export interface RosterContext {
  year: Year
  /** `${grade}|${name}` → class id, in the target year. */
  classes: Map<string, number>
  pupils: ExistingPupil[]
  remembered: RosterMapping | null
}

/** Everything a roster plan is computed against, read in one go (inside the apply transaction too). */
export async function loadRosterContext(q: Q, schoolId: number, year: Year): Promise<RosterContext> {
  const classes = await q<{ id: number; grade: number; name: string }[]>`
    select id, grade, name from school_class where school_year_id = ${year.id}`
  const pupils = await q<(Omit<ExistingPupil, 'current' | 'last'> & { curClass: number | null; curNumber: number | null; curGrade: number | null; lastFy: number | null; lastGrade: number | null; lastTop: number | null })[]>`
    select p.id, p.external_id, p.family_name, p.given_name, p.family_kana, p.given_kana, p.guardian_name, p.left_on::text as left_on,
           cur.class_id as cur_class, cur.attendance_number as cur_number, (select grade from school_class where id = cur.class_id) as cur_grade,
           last.fiscal_year as last_fy, last.grade as last_grade, last.top as last_top
    from pupil p
    left join class_membership cur on cur.pupil_id = p.id and cur.school_year_id = ${year.id}
    left join lateral (
      select y.fiscal_year, c.grade, (select max(grade) from school_class where school_year_id = y.id) as top
      from class_membership m join school_year y on y.id = m.school_year_id join school_class c on c.id = m.class_id
      where m.pupil_id = p.id and y.fiscal_year < ${year.fiscalYear}
      order by y.fiscal_year desc limit 1
    ) last on true
    where p.school_id = ${schoolId}
    order by p.id`
  const [m] = await q<{ mapping: RosterMapping }[]>`select mapping from roster_mapping where school_id = ${schoolId}`
  return {
    year,
    classes: new Map(classes.map((c) => [`${c.grade}|${c.name}`, c.id])),
    pupils: pupils.map(({ curClass, curNumber, curGrade, lastFy, lastGrade, lastTop, ...p }) => ({
      ...p,
      current: curClass !== null ? { classId: curClass, number: curNumber!, grade: curGrade! } : null,
      last: lastFy !== null ? { fiscalYear: lastFy, grade: lastGrade!, topGrade: lastTop! } : null,
    })),
    remembered: m?.mapping ?? null,
  }
}

/** The target year: the one asked for, else the one containing today, else the newest. */
export async function findYear(q: Q, schoolId: number, today: string, yearId?: number): Promise<Year | null> {
  const rows = await q<Year[]>`
    select id, fiscal_year, starts_on::text as starts_on, ends_on::text as ends_on from school_year
    where school_id = ${schoolId} order by fiscal_year desc`
  if (yearId !== undefined) return rows.find((y) => y.id === yearId) ?? null
  return rows.find((y) => y.startsOn <= today && today <= y.endsOn) ?? rows[0] ?? null
}
