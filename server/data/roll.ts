import type { HistoryItem, RosterPupil } from '../../shared/protocol/index.js'
import type { Q } from '../db/types.js'

/** The data of the roll call, staff notes and a pupil's history. */

export interface PupilPlace {
  pupilId: number
  schoolId: number
  classId: number
  name: string
  classLabel: string
  enrolledOn: string
  leftOn: string | null
}

/** Where a pupil sits in a school year (their class), if they belong to that school and year. */
export async function pupilPlace(q: Q, schoolId: number, yearId: number, pupilId: number): Promise<PupilPlace | null> {
  const [row] = await q<PupilPlace[]>`
    select p.id as pupil_id, p.school_id, m.class_id, p.family_name || ' ' || p.given_name as name,
           c.grade || '年' || c.name as class_label, p.enrolled_on, p.left_on
    from pupil p
    join class_membership m on m.pupil_id = p.id and m.school_year_id = ${yearId}
    join school_class c on c.id = m.class_id
    where p.id = ${pupilId} and p.school_id = ${schoolId}`
  return row ?? null
}

export async function classOfSchool(q: Q, schoolId: number, yearId: number, classId: number): Promise<boolean> {
  const [row] = await q`select 1 from school_class where id = ${classId} and school_id = ${schoolId} and school_year_id = ${yearId}`
  return !!row
}

/** Everyone enrolled in a class on a date, by attendance number. */
export async function classRoster(q: Q, classId: number, date: string): Promise<RosterPupil[]> {
  return q<RosterPupil[]>`
    select p.id as pupil_id, m.attendance_number, p.family_name || ' ' || p.given_name as name,
           p.family_kana || ' ' || p.given_kana as kana
    from class_membership m join pupil p on p.id = m.pupil_id
    where m.class_id = ${classId} and p.enrolled_on <= ${date} and (p.left_on is null or p.left_on >= ${date})
    order by m.attendance_number`
}

/** The pupil-day's current mark and whether a live guardian report covers it. */
export async function currentState(q: Q, pupilId: number, date: string): Promise<{ codeId: number | null; hasReport: boolean }> {
  const [cur] = await q<{ codeId: number | null }[]>`
    select code_id from attendance_mark where pupil_id = ${pupilId} and date = ${date}`
  const [rep] = await q`
    select 1 from guardian_report_day d join guardian_report r on r.id = d.report_id
    where d.pupil_id = ${pupilId} and d.date = ${date} and r.withdrawn_at is null limit 1`
  return { codeId: cur?.codeId ?? null, hasReport: !!rep }
}

/** Records the roll of a class; the first confirmation stands. Returns whether it was new. */
export async function insertRollCall(q: Q, r: { schoolId: number; classId: number; date: string; staffId: number; takenAt: string }): Promise<boolean> {
  const rows = await q`
    insert into roll_call (school_id, class_id, date, staff_id, taken_at)
    values (${r.schoolId}, ${r.classId}, ${r.date}, ${r.staffId}, ${r.takenAt})
    on conflict (class_id, date) do nothing returning class_id`
  return rows.length > 0
}

export async function insertStaffNote(q: Q, n: { schoolId: number; pupilId: number; staffId: number; date: string; body: string; createdAt: string }): Promise<void> {
  await q`insert into staff_note (school_id, pupil_id, staff_id, date, body, created_at)
    values (${n.schoolId}, ${n.pupilId}, ${n.staffId}, ${n.date}, ${n.body}, ${n.createdAt})`
}

/** Marks, reports and staff notes of a pupil between two dates, newest first. */
export async function pupilHistory(q: Q, pupilId: number, from: string, to: string): Promise<HistoryItem[]> {
  const marks = await q<Omit<Extract<HistoryItem, { type: 'mark' }>, 'type'>[]>`
    select l.recorded_at as at, l.date, c.label as code_label, l.source, to_char(l.at_time, 'FMHH24:MI') as time,
           coalesce(s.family_name || ' ' || s.given_name, g.family_name || ' ' || g.given_name) as by, l.note
    from attendance_log l
    left join attendance_code c on c.id = l.code_id
    left join staff s on s.id = l.actor_staff_id
    left join guardian g on g.id = l.actor_guardian_id
    where l.pupil_id = ${pupilId} and l.date between ${from} and ${to}
      -- A report's own marks repeat the report; answers to notices (no report) stay.
      and not (l.source = 'guardian' and l.report_id is not null)`
  const reports = await q<Omit<Extract<HistoryItem, { type: 'report' }>, 'type'>[]>`
    select r.submitted_at as at, r.from_date, r.to_date, r.kind, sr.label as reason_label, sr.category as reason_category,
           to_char(r.expected_time, 'FMHH24:MI') as time, r.message, r.withdrawn_at is not null as withdrawn,
           coalesce((select array_agg(d.date::text order by d.date) from guardian_report_day d
                     where d.report_id = r.id and d.superseded_by is not null), '{}') as replaced_days
    from guardian_report r join school_reason sr on sr.id = r.reason_id
    where r.pupil_id = ${pupilId} and r.to_date >= ${from} and r.from_date <= ${to}`
  const notes = await q<Omit<Extract<HistoryItem, { type: 'note' }>, 'type'>[]>`
    select n.created_at as at, n.date, s.family_name || ' ' || s.given_name as by, n.body
    from staff_note n join staff s on s.id = n.staff_id
    where n.pupil_id = ${pupilId} and n.date between ${from} and ${to}`
  const items: HistoryItem[] = [
    ...marks.map((m) => ({ type: 'mark' as const, ...m })),
    ...reports.map((r) => ({ type: 'report' as const, ...r })),
    ...notes.map((n) => ({ type: 'note' as const, ...n })),
  ]
  return items.sort((a, b) => b.at.localeCompare(a.at)).slice(0, 300)
}
