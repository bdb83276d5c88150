import { schoolDaysBetween } from '../../shared/domain/calendar.js'
import type { RegisterCounts } from '../../shared/domain/register.js'
import { calendarRules } from '../data/schools.js'
import type { Q } from '../db/types.js'

/**
 * The register's counts computed by the database (domain.md "Counting"; the same arithmetic
 * as shared/domain/register.ts, compared by counts.test.ts and pagesAgree.test.ts). The one
 * definition every page uses: the register, the guidance view, the board's and teacher
 * pages' badges (day/badges.ts) and the exports. Node supplies only the list of school days —
 * national holidays come from a data package — and PostgreSQL walks the marks.
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
 * The register's CTEs, without building the pupil × school-day grid: a day without a mark is
 * attended by definition, so only the "special" days need rows. Ends in two relations:
 * - `sp`: one row per pupil-day that has a mark other than plain 出席 or a closure, within the
 *   pupil's enrolment, on a school day: kind ('excused' | 'absent' | 'attended'),
 *   late/early/provisional, in_period;
 * - `pp`: one row per pupil: school days in the year and in the period (from positions in the
 *   ordered list of school days) and the streak at the pupil's last counted day.
 * Shared by `registerCounts` and the guidance view (which adds its weekly trend).
 */
export function gridSql(q: Q, c: CountsQuery) {
  const from = c.yearDays[0]!
  const to = c.yearDays.at(-1)!
  const who = c.classId !== undefined ? q`and m.class_id = ${c.classId}`
    : c.classIds ? q`and m.class_id = any(${c.classIds}::int[])`
    : c.pupilIds ? q`and m.pupil_id = any(${c.pupilIds}::int[])` : q``
  return q`
    with d as (select x.date, x.pos::int from unnest(${c.yearDays}::date[]) with ordinality as x(date, pos)),
    p as (
      -- Positions in the school-day list: the pupil counts the days first_pos < pos <= last_pos.
      select m.pupil_id, m.class_id, sc.grade, pu.enrolled_on, coalesce(pu.left_on, ${to}::date) as last_on,
             (select count(*) from d where d.date < pu.enrolled_on)::int as first_pos,
             (select count(*) from d where d.date <= coalesce(pu.left_on, ${to}::date))::int as last_pos
      from class_membership m join pupil pu on pu.id = m.pupil_id join school_class sc on sc.id = m.class_id
      where m.school_year_id = ${c.schoolYearId} ${who}
    ), cur as (
      select distinct on (l.pupil_id, l.date) l.pupil_id, l.date, l.code_id
      from attendance_log l
      where l.school_id = ${c.schoolId} and l.date between ${from} and ${to} and l.pupil_id in (select pupil_id from p)
      order by l.pupil_id, l.date, l.id desc
    ), mk as (
      select cur.pupil_id, cur.date, d.pos, k.excused, k.counts_absent, k.is_late, k.is_early_leave, k.provisional
      from cur join d on d.date = cur.date join p on p.pupil_id = cur.pupil_id
      join attendance_code k on k.id = cur.code_id
      -- A plain 出席 counts exactly like no mark; most rows are that once rolls are confirmed.
      where cur.date between p.enrolled_on and p.last_on
        and (k.excused or k.counts_absent or k.is_late or k.is_early_leave or k.provisional)
    ), cd as (
      select distinct p.pupil_id, d.date, d.pos
      from class_closure cl
      join p on cl.class_id = p.class_id or cl.grade = p.grade
      join d on d.date between cl.from_date and cl.to_date and d.date between p.enrolled_on and p.last_on
      where cl.school_id = ${c.schoolId} and cl.school_year_id = ${c.schoolYearId} and cl.to_date >= ${from} and cl.from_date <= ${to}
    ), sp as (
      select coalesce(mk.pupil_id, cd.pupil_id) as pupil_id, coalesce(mk.date, cd.date) as date, coalesce(mk.pos, cd.pos) as pos,
             case when cd.date is not null or mk.excused then 'excused' when mk.counts_absent then 'absent' else 'attended' end as kind,
             coalesce(mk.is_late, false) as late, coalesce(mk.is_early_leave, false) as early, coalesce(mk.provisional, false) as provisional,
             coalesce(mk.date, cd.date) >= ${c.periodFrom} as in_period
      from mk full join cd on cd.pupil_id = mk.pupil_id and cd.date = mk.date
    ), na as (
      -- Days not attended, newest first: the streak is the run of them that starts at the
      -- pupil's last day with no school day in between (position gap = rank gap).
      select sp.pupil_id, sp.kind, sp.pos, row_number() over (partition by sp.pupil_id order by sp.pos desc) as rn
      from sp where sp.kind <> 'attended'
    ), st as (
      select na.pupil_id, count(*) filter (where na.kind = 'absent' and p.last_pos - na.pos = na.rn - 1)::int as streak
      from na join p on p.pupil_id = na.pupil_id group by na.pupil_id
    ), pp as (
      select p.pupil_id,
             greatest(p.last_pos - p.first_pos, 0) as school_days,
             greatest(p.last_pos - greatest(p.first_pos, (select count(*) from d where d.date < ${c.periodFrom})::int), 0) as period_days,
             coalesce(st.streak, 0) as streak
      from p left join st on st.pupil_id = p.pupil_id
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
    , agg as (
      select pupil_id,
        count(*) filter (where in_period and kind = 'excused')::int as p_excused_days,
        count(*) filter (where in_period and kind = 'absent')::int as p_absent_days,
        count(*) filter (where in_period and kind = 'attended' and late)::int as p_late,
        count(*) filter (where in_period and kind = 'attended' and early)::int as p_early_leave,
        count(*) filter (where in_period and kind = 'attended' and provisional)::int as p_unresolved,
        count(*) filter (where kind = 'excused')::int as y_excused_days,
        count(*) filter (where kind = 'absent')::int as y_absent_days,
        count(*) filter (where kind = 'attended' and late)::int as y_late,
        count(*) filter (where kind = 'attended' and early)::int as y_early_leave,
        count(*) filter (where kind = 'attended' and provisional)::int as y_unresolved
      from sp group by pupil_id
    )
    select pp.pupil_id, pp.school_days as y_school_days, pp.period_days as p_school_days, pp.streak,
      agg.p_excused_days, agg.p_absent_days, agg.p_late, agg.p_early_leave, agg.p_unresolved,
      agg.y_excused_days, agg.y_absent_days, agg.y_late, agg.y_early_leave, agg.y_unresolved
    from pp left join agg on agg.pupil_id = pp.pupil_id
    where pp.school_days > 0
    order by pp.pupil_id`
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
