import type { DayEntry, DayReport } from '../../shared/protocol/index.js'
import { statusOf } from '../../shared/domain/attendance.js'
import { schoolDaysBetween } from '../../shared/domain/calendar.js'
import { consecutiveAbsences, type StreakMark } from '../../shared/domain/streak.js'
import { addDays } from '../../shared/time/schoolTime.js'
import { calendarRules, type SchoolYear } from '../data/schools.js'
import type { Q } from '../db/types.js'
import { reportThreads } from './reportThreads.js'

interface EntryRow {
  pupilId: number
  classId: number
  attendanceNumber: number
  name: string
  kana: string
  codeLabel: string | null
  onSite: boolean | null
  countsAbsent: boolean | null
  excused: boolean | null
  isLate: boolean | null
  isEarlyLeave: boolean | null
  provisional: boolean | null
  source: DayEntry['source']
  atTime: string | null
  markedAt: string | null
  reportKind: 'absent' | 'late' | 'early_leave' | null
  reportTime: string | null
  cumulativeAbsences: number
}

/** How far back a streak is followed; a longer one shows as this many days. */
const STREAK_LOOKBACK_DAYS = 120

/**
 * The day's entries for a school (or for some of its pupils): every pupil with a mark other
 * than plain 出席, or with a live guardian report, with badges. Unredacted: callers that serve
 * the board strip what it must not show (see `redactForBoard`).
 */
export async function loadEntries(q: Q, schoolId: number, year: SchoolYear, date: string, pupilIds?: number[]): Promise<DayEntry[]> {
  const only = pupilIds ? q`and pupil_id = any(${pupilIds}::int[])` : q``
  const rows = await q<EntryRow[]>`
    with cur as (
      select distinct on (pupil_id) pupil_id, code_id, source, at_time, recorded_at
      from attendance_log
      where school_id = ${schoolId} and date = ${date} ${only}
      order by pupil_id, id desc
    ), rep as (
      -- The newest live report: the day's state when no mark says otherwise (the thread comes separately).
      select distinct on (rd.pupil_id) rd.pupil_id, r.kind, r.expected_time
      from guardian_report_day rd join guardian_report r on r.id = rd.report_id
      where rd.school_id = ${schoolId} and rd.date = ${date} and r.withdrawn_at is null and rd.superseded_by is null
        ${pupilIds ? q`and rd.pupil_id = any(${pupilIds}::int[])` : q``}
      order by rd.pupil_id, r.submitted_at desc, r.id desc
    ), keyed as (
      select pupil_id from cur where code_id is not null
      union select pupil_id from rep
    ), cum as (
      select x.pupil_id, count(*)::int as n
      from (
        select distinct on (l.pupil_id, l.date) l.pupil_id, l.code_id
        from attendance_log l
        where l.school_id = ${schoolId} and l.date between ${year.startsOn} and ${date}
          and l.pupil_id in (select pupil_id from keyed)
        order by l.pupil_id, l.date, l.id desc
      ) x join attendance_code c on c.id = x.code_id
      where c.counts_absent
      group by x.pupil_id
    )
    select k.pupil_id, m.class_id, m.attendance_number,
           p.family_name || ' ' || p.given_name as name, p.family_kana || ' ' || p.given_kana as kana,
           c.label as code_label, c.on_site, c.counts_absent, c.excused, c.is_late, c.is_early_leave, c.provisional,
           cur.source, to_char(cur.at_time, 'FMHH24:MI') as at_time, cur.recorded_at as marked_at,
           rep.kind as report_kind, to_char(rep.expected_time, 'FMHH24:MI') as report_time,
           coalesce(cum.n, 0) as cumulative_absences
    from keyed k
    join pupil p on p.id = k.pupil_id
    join class_membership m on m.pupil_id = k.pupil_id and m.school_year_id = ${year.id}
    left join cur on cur.pupil_id = k.pupil_id
    left join attendance_code c on c.id = cur.code_id
    left join rep on rep.pupil_id = k.pupil_id
    left join cum on cum.pupil_id = k.pupil_id
    order by m.class_id, m.attendance_number`

  const streaks = await streaksFor(q, schoolId, year, date, rows.filter((r) => r.countsAbsent).map((r) => r.pupilId))
  const threads = await reportThreads(q, schoolId, date, pupilIds)
  return rows.map((r) => toEntry(r, streaks.get(r.pupilId) ?? 0, threads.get(r.pupilId) ?? []))
}

function toEntry(r: EntryRow, streak: number, reports: DayReport[]): DayEntry {
  const status = r.codeLabel
    ? statusOf({ onSite: !!r.onSite, countsAbsent: !!r.countsAbsent, excused: !!r.excused, isLate: !!r.isLate, isEarlyLeave: !!r.isEarlyLeave, provisional: !!r.provisional })
    : r.reportKind!
  return {
    pupilId: r.pupilId,
    classId: r.classId,
    attendanceNumber: r.attendanceNumber,
    name: r.name,
    kana: r.kana,
    status,
    codeLabel: r.codeLabel,
    source: r.source,
    time: r.atTime ?? r.reportTime,
    reports,
    consecutiveAbsences: r.countsAbsent ? streak : 0,
    cumulativeAbsences: r.cumulativeAbsences,
    updatedAt: [r.markedAt, ...reports.flatMap((p) => [p.submittedAt, p.acknowledgedAt])].filter((x): x is string => !!x).sort().at(-1)!,
  }
}

/** 連続欠席 per pupil, walking back over school days from `date` (within the school year). */
async function streaksFor(q: Q, schoolId: number, year: SchoolYear, date: string, pupilIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>()
  if (pupilIds.length === 0) return out
  const fromCandidate = addDays(date, -STREAK_LOOKBACK_DAYS)
  const from = fromCandidate < year.startsOn ? year.startsOn : fromCandidate
  const marks = await q<{ pupilId: number; date: string; countsAbsent: boolean; excused: boolean }[]>`
    select x.pupil_id, x.date, c.counts_absent, c.excused
    from (
      select distinct on (pupil_id, date) pupil_id, date, code_id
      from attendance_log
      where school_id = ${schoolId} and pupil_id = any(${pupilIds}::int[]) and date between ${from} and ${date}
      order by pupil_id, date, id desc
    ) x join attendance_code c on c.id = x.code_id`
  const byPupil = new Map<number, Map<string, StreakMark>>()
  for (const m of marks) {
    const mark: StreakMark = m.excused ? 'excused' : m.countsAbsent ? 'absent' : 'attended'
    if (!byPupil.has(m.pupilId)) byPupil.set(m.pupilId, new Map())
    byPupil.get(m.pupilId)!.set(m.date, mark)
  }
  // A class or grade closure makes the day excused for its pupils, whatever their mark (as the register counts it).
  const closed = await q<{ pupilId: number; date: string }[]>`
    select m.pupil_id, d::date::text as date
    from class_membership m
    join school_class c on c.id = m.class_id
    join class_closure cc on cc.school_year_id = m.school_year_id
      and (cc.class_id = m.class_id or (cc.class_id is null and cc.grade = c.grade))
    cross join generate_series(greatest(cc.from_date, ${from}::date), least(cc.to_date, ${date}::date), interval '1 day') d
    where m.school_year_id = ${year.id} and m.pupil_id = any(${pupilIds}::int[])`
  for (const c of closed) {
    if (!byPupil.has(c.pupilId)) byPupil.set(c.pupilId, new Map())
    byPupil.get(c.pupilId)!.set(c.date, 'excused')
  }
  const days = schoolDaysBetween(from, date, await calendarRules(q, schoolId, from, date)).reverse()
  for (const id of pupilIds) {
    const mine = byPupil.get(id)
    out.set(id, consecutiveAbsences(days, (d) => mine?.get(d) ?? 'attended'))
  }
  return out
}

/** Health notes (symptoms, temperature) removed from every report of the thread, for staff whose role may not read them. */
export function redactHealth(entry: DayEntry): DayEntry {
  return { ...entry, reports: entry.reports.map((r) => ({ ...r, symptoms: null, temperature: null })) }
}

/** What a board may show of every report in the thread: no health notes, free text only when the school allows it. */
export function redactForBoard(entry: DayEntry, showMessages: boolean): DayEntry {
  return {
    ...entry,
    reports: entry.reports.map((r) => ({ ...r, message: showMessages ? r.message : null, symptoms: null, temperature: null })),
  }
}
