import type { DayClaim } from '../../shared/domain/dayReports.js'
import type { GuardianReport, ReportKind } from '../../shared/protocol/index.js'
import type { Q } from '../db/types.js'

export interface ReasonRow {
  id: number
  label: string
  category: string
  suggestedCodeId: number
}

export async function activeReason(q: Q, schoolId: number, reasonId: number): Promise<ReasonRow | null> {
  const [row] = await q<ReasonRow[]>`
    select id, label, category, suggested_code_id from school_reason
    where id = ${reasonId} and school_id = ${schoolId} and active`
  return row ?? null
}

export async function codeIdByName(q: Q, schoolId: number, code: string): Promise<number> {
  const [row] = await q<{ id: number }[]>`select id from attendance_code where school_id = ${schoolId} and code = ${code}`
  if (!row) throw new Error(`attendance code ${code} missing for school ${schoolId}`)
  return row.id
}

/** Claims an idempotency key; returns null when another request already holds it. */
export async function claimSubmission(q: Q, guardianId: number, key: string, requestHash: string, nowIso: string): Promise<number | null> {
  const [row] = await q<{ id: number }[]>`
    insert into guardian_submission (guardian_id, idempotency_key, request_hash, created_at)
    values (${guardianId}, ${key}, ${requestHash}, ${nowIso})
    on conflict (guardian_id, idempotency_key) do nothing
    returning id`
  return row?.id ?? null
}

export async function findSubmission(q: Q, guardianId: number, key: string): Promise<{ id: number; requestHash: string; createdAt: string } | null> {
  const [row] = await q<{ id: number; requestHash: string; createdAt: string }[]>`
    select id, request_hash, created_at from guardian_submission where guardian_id = ${guardianId} and idempotency_key = ${key}`
  return row ?? null
}

export interface NewReport {
  schoolId: number
  submissionId: number
  guardianId: number
  pupilId: number
  kind: ReportKind
  fromDate: string
  toDate: string
  reasonId: number
  symptoms: string[]
  temperature: number | null
  time: string | null
  message: string
  submittedAt: string
}

export async function insertReport(q: Q, r: NewReport, days: string[]): Promise<number> {
  const [row] = await q<{ id: number }[]>`
    insert into guardian_report (school_id, submission_id, guardian_id, pupil_id, kind, from_date, to_date, reason_id,
                                 symptoms, temperature, expected_time, message, submitted_at, language)
    values (${r.schoolId}, ${r.submissionId}, ${r.guardianId}, ${r.pupilId}, ${r.kind}, ${r.fromDate}, ${r.toDate}, ${r.reasonId},
            ${r.symptoms}, ${r.temperature}, ${r.time}, ${r.message}, ${r.submittedAt},
            (select language from guardian where id = ${r.guardianId}))
    returning id`
  const id = row!.id
  await q`insert into guardian_report_day ${q(days.map((date) => ({ schoolId: r.schoolId, reportId: id, pupilId: r.pupilId, date })))}`
  return id
}

export interface MarkRow {
  schoolId: number
  seq: number
  pupilId: number
  date: string
  codeId: number | null
  suggestedCodeId: number | null
  source: 'guardian' | 'phone' | 'teacher' | 'office' | 'system'
  actorStaffId: number | null
  actorGuardianId: number | null
  reportId: number | null
  atTime: string | null
  note: string
  recordedAt: string
}

/** Appends marks to the register; never updates or deletes. */
export async function appendMarks(q: Q, marks: MarkRow[]): Promise<void> {
  if (marks.length === 0) return
  await q`insert into attendance_log ${q(marks)}`
}

export interface PupilDay {
  pupilId: number
  date: string
}

/** Which of these pupil-days already have a live report (not withdrawn, not replaced for the day). */
export async function pupilDaysWithLiveReports(q: Q, pupilIds: number[], dates: string[]): Promise<(PupilDay & { name: string })[]> {
  return q`
    select distinct d.pupil_id, d.date::text as date, p.given_name as name
    from guardian_report_day d
    join guardian_report r on r.id = d.report_id
    join pupil p on p.id = d.pupil_id
    where d.pupil_id = any(${pupilIds}::int[]) and d.date = any(${dates}::date[])
      and r.withdrawn_at is null and d.superseded_by is null
    order by 2, 1`
}

/** Live reports' kinds per pupil-day from `fromDate` on, for the guardian form's "change or add?" question. */
export async function reportedDaysFrom(q: Q, pupilIds: number[], fromDate: string): Promise<{ pupilId: number; date: string; kinds: ReportKind[] }[]> {
  return q`
    select d.pupil_id, d.date::text as date, array_agg(r.kind order by r.submitted_at desc, r.id desc) as kinds
    from guardian_report_day d join guardian_report r on r.id = d.report_id
    where d.pupil_id = any(${pupilIds}::int[]) and d.date >= ${fromDate}
      and r.withdrawn_at is null and d.superseded_by is null
    group by d.pupil_id, d.date
    order by d.date, d.pupil_id`
}

/** Ends the earlier live reports' claim on a pupil-day: `reportId` replaces them there. */
export async function supersedeReports(q: Q, reportId: number, day: PupilDay): Promise<void> {
  await q`
    update guardian_report_day d set superseded_by = ${reportId}
    from guardian_report r
    where r.id = d.report_id and d.pupil_id = ${day.pupilId} and d.date = ${day.date}
      and d.report_id <> ${reportId} and d.superseded_by is null and r.withdrawn_at is null`
}

/** Undoes what a withdrawn report replaced: the reports it changed stand again on those days. */
export async function restoreReplacedBy(q: Q, reportId: number): Promise<void> {
  await q`update guardian_report_day set superseded_by = null where superseded_by = ${reportId}`
}

/**
 * A pupil-day's live claims, newest first: its live reports with the code each suggests, and
 * the newest mark not derived from a report, when it is 遅刻 or 早退 (the teacher saw the late
 * arrival), as the oldest claim, so a report adds to what staff recorded instead of wiping it.
 */
export async function dayClaims(q: Q, schoolId: number, day: PupilDay): Promise<{ claims: DayClaim<number>[]; newest: { id: number; time: string | null } | null }> {
  const reports = await q<{ id: number; kind: ReportKind; time: string | null; codeId: number }[]>`
    select r.id, r.kind, to_char(r.expected_time, 'FMHH24:MI') as time,
           case when r.kind = 'absent' then sr.suggested_code_id
                else (select c.id from attendance_code c where c.school_id = r.school_id and c.code = r.kind) end as code_id
    from guardian_report_day d
    join guardian_report r on r.id = d.report_id
    join school_reason sr on sr.id = r.reason_id
    where d.school_id = ${schoolId} and d.pupil_id = ${day.pupilId} and d.date = ${day.date}
      and r.withdrawn_at is null and d.superseded_by is null
    order by r.submitted_at desc, r.id desc`
  const [staff] = await q<{ codeId: number; isLate: boolean; isEarlyLeave: boolean }[]>`
    select l.code_id, c.is_late, c.is_early_leave
    from (select code_id from attendance_log
          where school_id = ${schoolId} and pupil_id = ${day.pupilId} and date = ${day.date} and report_id is null
          order by id desc limit 1) l
    join attendance_code c on c.id = l.code_id`
  const claims: DayClaim<number>[] = reports.map((r) => ({ kind: r.kind, codeId: r.codeId }))
  if (staff?.isLate) claims.push({ kind: 'late', codeId: staff.codeId })
  if (staff?.isEarlyLeave) claims.push({ kind: 'early_leave', codeId: staff.codeId })
  const newest = reports[0]
  return { claims, newest: newest ? { id: newest.id, time: newest.time } : null }
}

/** Pupil-days whose current mark still comes from this report (staff may have overridden some). */
export async function daysStillMarkedByReport(q: Q, reportId: number): Promise<{ pupilId: number; date: string }[]> {
  return q`
    select d.pupil_id, d.date from guardian_report_day d
    where d.report_id = ${reportId}
      and (select l.report_id from attendance_log l where l.pupil_id = d.pupil_id and l.date = d.date order by l.id desc limit 1) = ${reportId}`
}

export async function reportDays(q: Q, reportId: number): Promise<{ pupilId: number; date: string }[]> {
  return q`select pupil_id, date from guardian_report_day where report_id = ${reportId} order by date`
}

export interface ReportHead {
  id: number
  schoolId: number
  guardianId: number
  pupilId: number
  fromDate: string
  withdrawnAt: string | null
}

export async function reportHead(q: Q, reportId: number): Promise<ReportHead | null> {
  const [row] = await q<ReportHead[]>`
    select id, school_id, guardian_id, pupil_id, from_date, withdrawn_at from guardian_report where id = ${reportId}`
  return row ?? null
}

/** Guardian-facing rows; `canWithdraw` is decided by the caller, who knows each school's today. */
export async function guardianReports(q: Q, where: { guardianId: number; submissionId?: number; sinceDate?: string }): Promise<(Omit<GuardianReport, 'canWithdraw'> & { schoolId: number })[]> {
  return q`
    select r.id, lpad(r.submission_id::text, 6, '0') as receipt_no, r.school_id, r.pupil_id, p.family_name || ' ' || p.given_name as pupil_name, r.kind, r.from_date, r.to_date,
           coalesce((select array_agg(d.date::text order by d.date) from guardian_report_day d where d.report_id = r.id), '{}') as days,
           sr.label as reason_label, r.symptoms, r.temperature::float8 as temperature,
           to_char(r.expected_time, 'FMHH24:MI') as time, r.message, r.submitted_at, r.withdrawn_at,
           coalesce((select array_agg(d.date::text order by d.date) from guardian_report_day d
                     where d.report_id = r.id and d.superseded_by is not null), '{}') as replaced_days,
           exists (select 1 from report_acknowledgement a where a.report_id = r.id) as acknowledged
    from guardian_report r
    join pupil p on p.id = r.pupil_id
    join school_reason sr on sr.id = r.reason_id
    -- Only children still linked: an unlinked guardian no longer sees their earlier reports.
    join guardian_pupil gp on gp.guardian_id = r.guardian_id and gp.pupil_id = r.pupil_id
    where r.guardian_id = ${where.guardianId}
      ${where.submissionId ? q`and r.submission_id = ${where.submissionId}` : q``}
      ${where.sinceDate ? q`and r.to_date >= ${where.sinceDate}` : q``}
    order by r.submitted_at desc, r.id
    limit 100`
}
