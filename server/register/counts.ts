import { schoolDaysBetween } from '../../shared/domain/calendar.js'
import type { RegisterCounts } from '../../shared/domain/register.js'
import { calendarRules } from '../data/schools.js'
import type { Q } from '../db/types.js'

/**
 * The register's counts computed by the database (domain.md "Counting"; the same arithmetic
 * as shared/domain/register.ts, compared by counts.test.ts). Node supplies only the list of
 * school days — national holidays come from a data package — and PostgreSQL walks the marks.
 */

/** The school's 授業日 between two dates (inclusive). */
export async function schoolDaysOf(q: Q, schoolId: number, from: string, to: string): Promise<string[]> {
  return schoolDaysBetween(from, to, await calendarRules(q, schoolId, from, to))
}

export interface PupilCounts {
  pupilId: number
  /** From `periodFrom` to `to`. */
  period: RegisterCounts
  /** From the start of the school year to `to`. */
  year: RegisterCounts
  /** 連続欠席 ending at `to`. */
  streak: number
}

export interface CountsQuery {
  schoolId: number
  schoolYearId: number
  /** The school days from the start of the school year to `to`. */
  yearDays: string[]
  /** Start of the shorter period (e.g. the month); days before it count for the year only. */
  periodFrom: string
  /** Only these pupils (a class, or some classes); all pupils of the year when omitted. */
  classId?: number
  classIds?: number[]
  pupilIds?: number[]
}

const COUNT_KEYS = ['schoolDays', 'excusedDays', 'requiredDays', 'absentDays', 'attendedDays', 'late', 'earlyLeave', 'unresolved'] as const

/** Rows come back camel-cased (p_school_days → pSchoolDays). */
type Row = { pupilId: number; streak: number } & Partial<Record<string, number>>

/**
 * The pupil × school-day grid as CTEs ending in `w`: each enrolled pupil-day with its kind
 * ('excused' | 'absent' | 'attended'), late/early/provisional flags, `in_period`, and the
 * pupil's last attended day (for the streak). Shared by the register and the guidance view.
 */
export function gridSql(q: Q, c: CountsQuery) {
  const from = c.yearDays[0]!
  const to = c.yearDays.at(-1)!
  const who = c.classId !== undefined ? q`and m.class_id = ${c.classId}`
    : c.classIds ? q`and m.class_id = any(${c.classIds}::int[])`
    : c.pupilIds ? q`and m.pupil_id = any(${c.pupilIds}::int[])` : q``
  return q`
    with d as (select unnest(${c.yearDays}::date[]) as date),
    p as (
      select m.pupil_id, m.class_id, sc.grade, pu.enrolled_on, pu.left_on
      from class_membership m join pupil pu on pu.id = m.pupil_id join school_class sc on sc.id = m.class_id
      where m.school_year_id = ${c.schoolYearId} ${who}
    ), cur as (
      select distinct on (l.pupil_id, l.date) l.pupil_id, l.date, l.code_id
      from attendance_log l
      where l.school_id = ${c.schoolId} and l.date between ${from} and ${to} and l.pupil_id in (select pupil_id from p)
      order by l.pupil_id, l.date, l.id desc
    ), cl as (
      select class_id, grade, from_date, to_date from class_closure
      where school_id = ${c.schoolId} and school_year_id = ${c.schoolYearId} and to_date >= ${from} and from_date <= ${to}
    ), g as (
      select p.pupil_id, d.date,
             case when exists (select 1 from cl where d.date between cl.from_date and cl.to_date and (cl.class_id = p.class_id or cl.grade = p.grade))
                    or coalesce(k.excused, false) then 'excused'
                  when coalesce(k.counts_absent, false) then 'absent'
                  else 'attended' end as kind,
             coalesce(k.is_late, false) as late, coalesce(k.is_early_leave, false) as early, coalesce(k.provisional, false) as provisional,
             d.date >= ${c.periodFrom} as in_period
      from p join d on d.date >= p.enrolled_on and (p.left_on is null or d.date <= p.left_on)
      left join cur on cur.pupil_id = p.pupil_id and cur.date = d.date
      left join attendance_code k on k.id = cur.code_id
    ), w as (
      select g.*, max(date) filter (where kind = 'attended') over (partition by pupil_id) as last_attended from g
    )
  `
}

/**
 * Per pupil counts for the period and the year so far, and the streak at the last day. One
 * query: a pupil × school-day grid restricted to each pupil's enrolment, joined with the
 * current mark of each day (newest log row) and with the closures of the pupil's class/grade.
 */
export async function registerCounts(q: Q, c: CountsQuery): Promise<PupilCounts[]> {
  if (c.yearDays.length === 0) return []
  const rows = await q<Row[]>`
    ${gridSql(q, c)}
    select pupil_id,
      count(*) filter (where in_period)::int as p_school_days,
      count(*) filter (where in_period and kind = 'excused')::int as p_excused_days,
      count(*) filter (where in_period and kind = 'absent')::int as p_absent_days,
      count(*) filter (where in_period and kind = 'attended' and late)::int as p_late,
      count(*) filter (where in_period and kind = 'attended' and early)::int as p_early_leave,
      count(*) filter (where in_period and kind = 'attended' and provisional)::int as p_unresolved,
      count(*)::int as y_school_days,
      count(*) filter (where kind = 'excused')::int as y_excused_days,
      count(*) filter (where kind = 'absent')::int as y_absent_days,
      count(*) filter (where kind = 'attended' and late)::int as y_late,
      count(*) filter (where kind = 'attended' and early)::int as y_early_leave,
      count(*) filter (where kind = 'attended' and provisional)::int as y_unresolved,
      count(*) filter (where kind = 'absent' and (last_attended is null or date > last_attended))::int as streak
    from w group by pupil_id order by pupil_id`
  return rows.map((r) => ({ pupilId: r.pupilId, period: pick(r, 'p'), year: pick(r, 'y'), streak: r.streak }))
}

function pick(r: Row, prefix: 'p' | 'y'): RegisterCounts {
  const get = (k: (typeof COUNT_KEYS)[number]) => r[prefix + k[0]!.toUpperCase() + k.slice(1)] ?? 0
  const schoolDays = get('schoolDays')
  const excusedDays = get('excusedDays')
  const absentDays = get('absentDays')
  return {
    schoolDays, excusedDays, requiredDays: schoolDays - excusedDays, absentDays, attendedDays: schoolDays - excusedDays - absentDays,
    late: get('late'), earlyLeave: get('earlyLeave'), unresolved: get('unresolved'),
  }
}
