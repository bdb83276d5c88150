import { schoolDaysBetween } from '../../shared/domain/calendar.js'
import { forEachDate } from '../../shared/time/schoolTime.js'
import type { RegisterCounts } from '../../shared/domain/register.js'
import { calendarRules } from '../data/schools.js'
import type postgres from 'postgres'
import type { Q } from '../db/types.js'
import { planEachCall } from '../db/planEachCall.js'

type Fragment = postgres.PendingQuery<postgres.Row[]>

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
  /** Only the pupils this subquery selects (one `pupil_id` column), when the caller's own statement decides them. */
  pupilsIn?: Fragment
}

const COUNT_KEYS = ['schoolDays', 'excusedDays', 'requiredDays', 'absentDays', 'attendedDays', 'late', 'earlyLeave', 'unresolved'] as const

/** Rows come back camel-cased (p_school_days → pSchoolDays). */
type Row = { pupilId: number; streak: number } & Partial<Record<string, number>>

/**
 * The register's CTEs, without building the pupil × school-day grid: a day without a mark is
 * attended by definition, so only the "special" days need rows. Ends in `rows`, to be grouped
 * by pupil (never joined, see below): one row per pupil with its school days in the year and in
 * the period (`school_days`, `period_days`, from positions in the ordered list of school days),
 * one per pupil with a streak (`streak`, at the pupil's last counted day), and one per pupil-day
 * that has a mark other than plain 出席 or a closure, within the pupil's enrolment, on a school
 * day (`kind`: 'excused' | 'absent' | 'attended', `date`, late/early/provisional, `in_period`).
 * Shared by `registerCounts` and the guidance view (which adds its weekly trend).
 */
export function gridSql(q: Q, c: CountsQuery) {
  const from = c.yearDays[0]!
  const to = c.yearDays.at(-1)!
  const cum = cumulativeSchoolDays(c.yearDays)
  // School days among the calendar days from `from` up to `day` (inclusive): an array lookup,
  // so no plan has to join the marks with a list of days whose length it cannot see.
  // The list goes to the database once (`sd`), not once per use: nine copies of a year's list
  // made most of the statement's size and of the client's and the server's work to send it.
  const upTo = (day: Fragment) => q`coalesce((select cum from sd)[least(${day} - ${from}::date + 1, ${cum.length})], 0)`
  // Outside the list both sides are equal (0 before it, the total after it).
  const isSchoolDay = (day: Fragment) => q`${upTo(day)} > ${upTo(q`${day} - 1`)}`
  const who = c.classId !== undefined ? q`and m.class_id = ${c.classId}`
    : c.classIds ? q`and m.class_id = any(${c.classIds}::int[])`
    : c.pupilIds ? q`and m.pupil_id = any(${c.pupilIds}::int[])`
    : c.pupilsIn ? q`and m.pupil_id in (${c.pupilsIn})` : q``
  return q`
    with sd as (select ${cum}::int[] as cum), p as (
      -- Positions in the school-day list: the pupil counts the days first_pos < pos <= last_pos.
      select m.pupil_id, m.class_id, sc.grade, pu.enrolled_on, coalesce(pu.left_on, ${to}::date) as last_on,
             ${upTo(q`pu.enrolled_on - 1`)} as first_pos,
             ${upTo(q`coalesce(pu.left_on, ${to}::date)`)} as last_pos
      from class_membership m
      join pupil pu on pu.id = m.pupil_id and pu.school_id = ${c.schoolId}
      join school_class sc on sc.id = m.class_id and sc.school_id = ${c.schoolId} and sc.school_year_id = ${c.schoolYearId}
      where m.school_year_id = ${c.schoolYearId} ${who}
    ), mk as (
      -- The pupil-days whose current mark counts, inside the enrolment, on a school day. A plain
      -- 出席 counts exactly like no mark and most marks are that once rolls are confirmed, so
      -- only the others are read (attendance_mark keeps each pupil-day's newest log row).
      select p.pupil_id, l.date, ${upTo(q`l.date`)} as pos, p.last_pos, k.excused, k.counts_absent, k.is_late, k.is_early_leave, k.provisional
      from p join attendance_mark l on l.school_id = ${c.schoolId} and l.pupil_id = p.pupil_id and not l.plain and l.date >= ${from} and l.date <= ${to}
      join attendance_code k on k.id = l.code_id
      where l.date between p.enrolled_on and p.last_on and ${isSchoolDay(q`l.date`)}
    ), cd as (
      select distinct p.pupil_id, g.date, ${upTo(q`g.date`)} as pos, p.last_pos
      from class_closure cl
      join p on cl.class_id = p.class_id or cl.grade = p.grade
      cross join lateral (
        select x::date as date from generate_series(greatest(cl.from_date, p.enrolled_on, ${from}::date), least(cl.to_date, p.last_on, ${to}::date), interval '1 day') as x
      ) g
      where cl.school_id = ${c.schoolId} and cl.school_year_id = ${c.schoolYearId} and cl.to_date >= ${from} and cl.from_date <= ${to}
        and ${isSchoolDay(q`g.date`)}
    ), sp as (
      select coalesce(mk.pupil_id, cd.pupil_id) as pupil_id, coalesce(mk.date, cd.date) as date, coalesce(mk.pos, cd.pos) as pos,
             coalesce(mk.last_pos, cd.last_pos) as last_pos,
             case when cd.date is not null or mk.excused then 'excused' when mk.counts_absent then 'absent' else 'attended' end as kind,
             coalesce(mk.is_late, false) as late, coalesce(mk.is_early_leave, false) as early, coalesce(mk.provisional, false) as provisional,
             coalesce(mk.date, cd.date) >= ${c.periodFrom} as in_period
      from mk full join cd on cd.pupil_id = mk.pupil_id and cd.date = mk.date
    ), st as (
      -- Days not attended, newest first: the streak is the run of them that starts at the
      -- pupil's last day with no school day in between (position gap = rank gap).
      select na.pupil_id, count(*) filter (where na.kind = 'absent' and na.last_pos - na.pos = na.rn - 1)::int as streak
      from (select sp.pupil_id, sp.kind, sp.pos, sp.last_pos, row_number() over (partition by sp.pupil_id order by sp.pos desc) as rn
            from sp where sp.kind <> 'attended') na
      group by na.pupil_id
    ), rows as (
      -- One relation keyed by pupil, to be grouped rather than joined: a join of these derived
      -- relations is planned on guessed sizes and may loop over one for every row of the other.
      select p.pupil_id, greatest(p.last_pos - p.first_pos, 0) as school_days,
             greatest(p.last_pos - greatest(p.first_pos, ${upTo(q`${c.periodFrom}::date - 1`)}), 0) as period_days,
             null::int as streak, null::text as kind, null::date as date, false as late, false as early, false as provisional, false as in_period
      from p
      union all
      select st.pupil_id, null, null, st.streak, null, null, false, false, false, false from st
      union all
      select sp.pupil_id, null, null, null, sp.kind, sp.date, sp.late, sp.early, sp.provisional, sp.in_period from sp
    )
  `
}

/**
 * For each calendar day from the first to the last school day, how many school days there are
 * up to and including it (1-based, as SQL arrays are).
 */
function cumulativeSchoolDays(yearDays: string[]): number[] {
  const out: number[] = []
  let n = 0
  let i = 0
  forEachDate(yearDays[0]!, yearDays.at(-1)!, (day) => {
    if (yearDays[i] === day) { n++; i++ }
    out.push(n)
  })
  return out
}

/**
 * Per pupil counts for the period and the year so far, and the streak at the last day. One
 * query: a pupil × school-day grid restricted to each pupil's enrolment, joined with the
 * current mark of each day (newest log row) and with the closures of the pupil's class/grade.
 */
export async function registerCounts(q: Q, c: CountsQuery): Promise<PupilCounts[]> {
  if (c.yearDays.length === 0) return []
  const rows = await planEachCall(q<Row[]>`${countsSql(q, c)}`)
  return rows.map((r) => ({ pupilId: r.pupilId, period: pick(r, 'p'), year: pick(r, 'y'), streak: r.streak }))
}

/**
 * The statement of registerCounts, to run on its own or to nest in a larger one (the day's
 * entries take their badges from it): one row per pupil, columns `pupil_id`, `streak`, and the
 * period's (`p_…`) and the year's (`y_…`) counts. `yearDays` must not be empty.
 */
export function countsSql(q: Q, c: CountsQuery): Fragment {
  return q`
    ${gridSql(q, c)}
    select pupil_id, max(school_days) as y_school_days, max(period_days) as p_school_days, coalesce(max(streak), 0) as streak,
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
    from rows
    group by pupil_id
    having max(school_days) > 0
    order by pupil_id`
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

/** One class on one day, counted by the register's rule: enrolled pupils and how their day counts. */
export interface ClassDayCounts {
  classId: number
  enrolled: number
  /** 欠席. */
  absent: number
  /** 出席停止・忌引等, a closure of the class or grade included. */
  excused: number
  late: number
  earlyLeave: number
  /** 未登校: a provisional mark still standing. */
  notArrived: number
}

/** Symptoms families reported for pupils of a class away on the day (欠席 or 出席停止・忌引等). */
export interface ClassSymptomCount {
  classId: number
  symptom: string
  count: number
}

/**
 * A school's day per class, for views that only count (the city's): the grid of `gridSql` over
 * the one day, each pupil's day reduced to one kind as `registerCounts` reduces a period, then
 * grouped by class. Symptoms are those of the report behind each away pupil's current mark, as
 * the daily absentees CSV counts them. An empty answer when the day is not a school day.
 */
export async function classDayCounts(q: Q, c: { schoolId: number; schoolYearId: number; date: string }): Promise<{ schoolDay: boolean; classes: ClassDayCounts[]; symptoms: ClassSymptomCount[] }> {
  const yearDays = await schoolDaysOf(q, c.schoolId, c.date, c.date)
  if (yearDays.length === 0) return { schoolDay: false, classes: [], symptoms: [] }
  const grid = { schoolId: c.schoolId, schoolYearId: c.schoolYearId, yearDays, periodFrom: c.date }
  const perPupil = q`
    , d as (
      select pupil_id, max(school_days) as school_days, max(kind) as kind,
             bool_or(late) as late, bool_or(early) as early, bool_or(provisional) as provisional
      from rows group by pupil_id
    )`
  const classes = await q<ClassDayCounts[]>`
    ${gridSql(q, grid)} ${perPupil}
    select m.class_id, count(*)::int as enrolled,
           count(*) filter (where d.kind = 'absent')::int as absent,
           count(*) filter (where d.kind = 'excused')::int as excused,
           count(*) filter (where d.kind = 'attended' and d.late)::int as late,
           count(*) filter (where d.kind = 'attended' and d.early)::int as early_leave,
           count(*) filter (where d.kind = 'attended' and d.provisional)::int as not_arrived
    from d join class_membership m on m.pupil_id = d.pupil_id and m.school_year_id = ${c.schoolYearId}
    where d.school_days > 0
    group by m.class_id`
  const symptoms = await q<ClassSymptomCount[]>`
    ${gridSql(q, grid)} ${perPupil}
    select m.class_id, s.symptom, count(*)::int as count
    from d join class_membership m on m.pupil_id = d.pupil_id and m.school_year_id = ${c.schoolYearId}
    join attendance_mark a on a.school_id = ${c.schoolId} and a.pupil_id = d.pupil_id and a.date = ${c.date}
    join attendance_log cur on cur.id = a.log_id
    join guardian_report r on r.id = cur.report_id
    cross join unnest(r.symptoms) as s(symptom)
    where d.school_days > 0 and d.kind in ('absent', 'excused')
    group by m.class_id, s.symptom`
  return { schoolDay: true, classes, symptoms }
}
