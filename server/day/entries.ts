import type { DayEntry } from '../../shared/protocol/index.js'
import { statusOf } from '../../shared/domain/attendance.js'
import type { SchoolYear } from '../data/schools.js'
import type { Q } from '../db/types.js'
import { dayBadges, type DayBadges } from './badges.js'

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
  reportId: number | null
  reportKind: 'absent' | 'late' | 'early_leave' | null
  reportTime: string | null
  reasonLabel: string | null
  reasonCategory: NonNullable<DayEntry['report']>['reasonCategory'] | null
  submittedAt: string | null
  message: string | null
  symptoms: string[] | null
  temperature: number | null
  acknowledgedAt: string | null
  acknowledgedBy: string | null
}

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
      select distinct on (rd.pupil_id) rd.pupil_id, r.id, r.kind, r.expected_time, r.reason_id, r.submitted_at,
             r.message, r.symptoms, r.temperature
      from guardian_report_day rd join guardian_report r on r.id = rd.report_id
      where rd.school_id = ${schoolId} and rd.date = ${date} and r.withdrawn_at is null ${pupilIds ? q`and rd.pupil_id = any(${pupilIds}::int[])` : q``}
      order by rd.pupil_id, r.submitted_at desc, r.id desc
    ), keyed as (
      select pupil_id from cur where code_id is not null
      union select pupil_id from rep
    )
    select k.pupil_id, m.class_id, m.attendance_number,
           p.family_name || ' ' || p.given_name as name, p.family_kana || ' ' || p.given_kana as kana,
           c.label as code_label, c.on_site, c.counts_absent, c.excused, c.is_late, c.is_early_leave, c.provisional,
           cur.source, to_char(cur.at_time, 'FMHH24:MI') as at_time, cur.recorded_at as marked_at,
           rep.id as report_id, rep.kind as report_kind, to_char(rep.expected_time, 'FMHH24:MI') as report_time,
           sr.label as reason_label, sr.category as reason_category, rep.submitted_at, rep.message, rep.symptoms,
           rep.temperature::float8 as temperature,
           a.acknowledged_at, st.family_name as acknowledged_by
    from keyed k
    join pupil p on p.id = k.pupil_id
    join class_membership m on m.pupil_id = k.pupil_id and m.school_year_id = ${year.id}
    left join cur on cur.pupil_id = k.pupil_id
    left join attendance_code c on c.id = cur.code_id
    left join rep on rep.pupil_id = k.pupil_id
    left join school_reason sr on sr.id = rep.reason_id
    left join report_acknowledgement a on a.report_id = rep.id
    left join staff st on st.id = a.staff_id
    order by m.class_id, m.attendance_number`

  const badges = await dayBadges(q, schoolId, year, date, rows.map((r) => r.pupilId))
  return rows.map((r) => toEntry(r, badges(r.pupilId)))
}

function toEntry(r: EntryRow, badges: DayBadges): DayEntry {
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
    report: r.reportId
      ? {
          id: r.reportId,
          kind: r.reportKind!,
          reasonLabel: r.reasonLabel!,
          reasonCategory: r.reasonCategory!,
          submittedAt: r.submittedAt!,
          message: r.message,
          symptoms: r.symptoms,
          temperature: r.temperature,
          acknowledgedAt: r.acknowledgedAt,
          acknowledgedBy: r.acknowledgedBy,
        }
      : null,
    ...badges,
    updatedAt: [r.markedAt, r.submittedAt, r.acknowledgedAt].filter((x): x is string => !!x).sort().at(-1)!,
  }
}

/** Health notes (symptoms, temperature) removed, for staff whose role may not read them. */
export function redactHealth(entry: DayEntry): DayEntry {
  return entry.report ? { ...entry, report: { ...entry.report, symptoms: null, temperature: null } } : entry
}

/** What a board may show: no health notes, and free text only when the school allows it. */
export function redactForBoard(entry: DayEntry, showMessages: boolean): DayEntry {
  if (!entry.report) return entry
  return {
    ...entry,
    report: { ...entry.report, message: showMessages ? entry.report.message : null, symptoms: null, temperature: null },
  }
}
