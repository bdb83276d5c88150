import type { DayEntry, DayReport } from '../../shared/protocol/index.js'
import { statusOf } from '../../shared/domain/attendance.js'
import type { SchoolYear } from '../data/schools.js'
import type { Q } from '../db/types.js'
import { schoolDaysBetween, type CalendarRules } from '../../shared/domain/calendar.js'
import { countsSql, schoolDaysOf } from '../register/counts.js'
import { dayReportFromJson, threadsSql } from './reportThreads.js'

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
  streak: number | null
  absentDays: number | null
  reports: DayReport[] | null
}

/** The school year and its school days up to the day: what the badges are counted from. */
export interface EntriesYear {
  year: SchoolYear
  /** The school days from the start of the year to the day (or the year's end, if sooner). */
  yearDays: string[]
}

/** The school days the badges of `date` count (dayBadges' span), from calendar rules that cover it. */
export function badgeDays(year: SchoolYear, date: string, rules: CalendarRules): string[] {
  return schoolDaysBetween(year.startsOn, date < year.endsOn ? date : year.endsOn, rules)
}

/**
 * The day's entries for a school (or for some of its pupils): every pupil with a mark other
 * than plain 出席, or with a live guardian report, with badges. Unredacted: callers that serve
 * the board strip what it must not show (see `redactForBoard`).
 */
export async function loadEntries(q: Q, schoolId: number, year: SchoolYear, date: string, pupilIds?: number[]): Promise<DayEntry[]> {
  const to = date < year.endsOn ? date : year.endsOn
  const yearDays = await schoolDaysOf(q, schoolId, year.startsOn, to)
  return (await q<EntryRow[]>`${entriesSql(q, schoolId, { year, yearDays }, date, pupilIds)}`).map(toEntry)
}

/** As loadEntries, when the caller already knows the year's school days: one round trip. */
export async function entriesOf(q: Q, schoolId: number, y: EntriesYear, date: string, pupilIds?: number[]): Promise<DayEntry[]> {
  return (await q<EntryRow[]>`${entriesSql(q, schoolId, y, date, pupilIds)}`).map(toEntry)
}

/**
 * One statement for the entries, their badges (counted by the register, see day/badges.ts) and
 * their report threads (see day/reportThreads.ts), so a snapshot or a change's event costs one
 * round trip for them. Every table carries the school in its condition (see the plan notes in
 * docs/performance.md).
 */
export function entriesSql(q: Q, schoolId: number, y: EntriesYear, date: string, pupilIds?: number[]) {
  const only = pupilIds ? q`and a.pupil_id = any(${pupilIds}::int[])` : q``
  const to = y.yearDays.at(-1)
  const counts = to
    ? countsSql(q, { schoolId, schoolYearId: y.year.id, yearDays: y.yearDays, periodFrom: to, pupilsIn: q`select pupil_id from keyed` })
    : q`select null::int as pupil_id, 0 as streak, 0 as y_absent_days where false`
  return q`
    with cur as (
      select l.pupil_id, l.code_id, l.source, l.at_time, l.recorded_at
      from attendance_mark a join attendance_log l on l.id = a.log_id
      where a.school_id = ${schoolId} and a.date = ${date} ${only}
    ), rep as (
      -- The newest live report: the day's state when no mark says otherwise (the thread comes separately).
      select distinct on (rd.pupil_id) rd.pupil_id, r.kind, r.expected_time
      from guardian_report_day rd join guardian_report r on r.id = rd.report_id and r.school_id = ${schoolId}
      where rd.school_id = ${schoolId} and rd.date = ${date} and r.withdrawn_at is null and rd.superseded_by is null
        ${pupilIds ? q`and rd.pupil_id = any(${pupilIds}::int[])` : q``}
      order by rd.pupil_id, r.submitted_at desc, r.id desc
    ), keyed as (
      select pupil_id from cur where code_id is not null
      union select pupil_id from rep
    ), counts as (
      ${counts}
    ), threads as (
      ${threadsSql(q, schoolId, date, q`and rd.pupil_id in (select pupil_id from keyed)`)}
    )
    select k.pupil_id, m.class_id, m.attendance_number,
           p.family_name || ' ' || p.given_name as name, p.family_kana || ' ' || p.given_kana as kana,
           c.label as code_label, c.on_site, c.counts_absent, c.excused, c.is_late, c.is_early_leave, c.provisional,
           cur.source, to_char(cur.at_time, 'FMHH24:MI') as at_time, cur.recorded_at as marked_at,
           rep.kind as report_kind, to_char(rep.expected_time, 'FMHH24:MI') as report_time,
           n.streak, n.y_absent_days as absent_days, t.reports
    from keyed k
    join pupil p on p.id = k.pupil_id and p.school_id = ${schoolId}
    join class_membership m on m.pupil_id = k.pupil_id and m.school_year_id = ${y.year.id}
    left join cur on cur.pupil_id = k.pupil_id
    left join attendance_code c on c.id = cur.code_id
    left join rep on rep.pupil_id = k.pupil_id
    left join counts n on n.pupil_id = k.pupil_id
    left join threads t on t.pupil_id = k.pupil_id
    order by m.class_id, m.attendance_number`
}

/** Entry rows that came as a JSON array (nested in a larger statement), in the order loadEntries gives. */
export function entriesFrom(rows: unknown[]): DayEntry[] {
  return (rows as EntryRow[]).map(toEntry).sort((a, b) => a.classId - b.classId || a.attendanceNumber - b.attendanceNumber)
}

function toEntry(r: EntryRow): DayEntry {
  const reports = (r.reports ?? []).map(dayReportFromJson)
  // A pupil the register does not count on that day (no school days yet) has no badges, as in dayBadges.
  const badges = { consecutiveAbsences: r.streak ?? 0, cumulativeAbsences: r.absentDays ?? 0 }
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
    ...badges,
    updatedAt: [r.markedAt && new Date(r.markedAt).toISOString(), ...reports.flatMap((p) => [p.submittedAt, p.acknowledgedAt])].filter((x): x is string => !!x).sort().at(-1)!,
  }
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
