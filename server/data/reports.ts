import type { DayClaim } from '../../shared/domain/dayReports.js'
import type { GuardianReport, ReportKind } from '../../shared/protocol/index.js'
import type { Q } from '../db/types.js'
import type { CalendarRow } from './schools.js'

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

export async function findSubmission(q: Q, guardianId: number, key: string): Promise<{ id: number; requestHash: string; createdAt: string } | null> {
  const [row] = await q<{ id: number; requestHash: string; createdAt: string }[]>`
    select id, request_hash, created_at from guardian_submission where guardian_id = ${guardianId} and idempotency_key = ${key}`
  return row ?? null
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

/** Undoes what a withdrawn report replaced: the reports it changed stand again on those days. */
export async function restoreReplacedBy(q: Q, reportId: number): Promise<void> {
  await q`update guardian_report_day set superseded_by = null where superseded_by = ${reportId}`
}

/** A live report's claim on a pupil-day, as the claims' SQL gives it. */
export interface ReportClaimRow {
  pupilId: number
  date: string
  id: number
  kind: ReportKind
  time: string | null
  codeId: number
  submittedAt: string
  /** The pupil's given name, for naming the day to the guardian. */
  name: string
}

/** The newest mark not derived from a report on a pupil-day, when it has a code. */
export interface StaffClaimRow {
  pupilId: number
  date: string
  codeId: number
  isLate: boolean
  isEarlyLeave: boolean
}

type Fragment = ReturnType<Q>

/** Live reports' claims on these pupils' days between two dates, with the code each suggests. */
export function reportClaimsSql(q: Q, school: Fragment, pupilIds: number[], from: string, to: string): Fragment {
  return q`
    select d.pupil_id, d.date, r.id, r.kind, to_char(r.expected_time, 'FMHH24:MI') as time, r.submitted_at, p.given_name as name,
           case when r.kind = 'absent' then sr.suggested_code_id
                else (select c.id from attendance_code c where c.school_id = r.school_id and c.code = r.kind) end as code_id
    from guardian_report_day d
    join guardian_report r on r.id = d.report_id
    join school_reason sr on sr.id = r.reason_id
    join pupil p on p.id = d.pupil_id
    where d.school_id = ${school} and d.pupil_id = any(${pupilIds}::int[]) and d.date between ${from} and ${to}
      and r.withdrawn_at is null and d.superseded_by is null`
}

/** Staff claims (StaffClaimRow) on these pupils' days between two dates. */
export function staffClaimsSql(q: Q, school: Fragment, pupilIds: number[], from: string, to: string): Fragment {
  return q`
    select l.pupil_id, l.date, l.code_id, c.is_late, c.is_early_leave
    from (select distinct on (pupil_id, date) pupil_id, date, code_id from attendance_log
          where school_id = ${school} and pupil_id = any(${pupilIds}::int[]) and date between ${from} and ${to} and report_id is null
          order by pupil_id, date, id desc) l
    join attendance_code c on c.id = l.code_id`
}

/**
 * A pupil-day's live claims, newest first, from the rows of the claims' SQL: its live reports
 * with the code each suggests, and the newest mark not derived from a report, when it is 遅刻 or
 * 早退 (the teacher saw the late arrival), as the oldest claim, so a report adds to what staff
 * recorded instead of wiping it. `reports` must be the day's rows only.
 */
export function claimsOf(reports: readonly Pick<ReportClaimRow, 'id' | 'kind' | 'time' | 'codeId' | 'submittedAt'>[], staff: StaffClaimRow | undefined): { claims: DayClaim<number>[]; newest: { id: number; time: string | null } | null } {
  const newestFirst = [...reports].sort((a, b) => Date.parse(b.submittedAt) - Date.parse(a.submittedAt) || b.id - a.id)
  const claims: DayClaim<number>[] = newestFirst.map((r) => ({ kind: r.kind, codeId: r.codeId }))
  if (staff?.isLate) claims.push({ kind: 'late', codeId: staff.codeId })
  if (staff?.isEarlyLeave) claims.push({ kind: 'early_leave', codeId: staff.codeId })
  const newest = newestFirst[0]
  return { claims, newest: newest ? { id: newest.id, time: newest.time } : null }
}

/** A pupil-day's live claims, newest first (see claimsOf). */
export async function dayClaims(q: Q, schoolId: number, day: PupilDay): Promise<{ claims: DayClaim<number>[]; newest: { id: number; time: string | null } | null }> {
  const reports = await q<ReportClaimRow[]>`${reportClaimsSql(q, q`${schoolId}`, [day.pupilId], day.date, day.date)}`
  const [staff] = await q<StaffClaimRow[]>`${staffClaimsSql(q, q`${schoolId}`, [day.pupilId], day.date, day.date)}`
  return claimsOf(reports, staff)
}

/** Everything a guardian's report needs to be checked and written, read by its change's first statement. */
export interface ReportStart {
  schoolId: number
  seq: number
  /** The school's number as this statement's view of the database had it: seq - 1 unless a change committed while it waited for the lock. */
  seenSeq: number
  earlier: { id: number; requestHash: string; createdAt: string } | null
  pupils: { pupilId: number; schoolId: number; name: string; enrolledOn: string; leftOn: string | null }[]
  school: { id: number; name: string; settings: unknown }
  year: { id: number; fiscalYear: number; startsOn: string; endsOn: string } | null
  calendar: CalendarRow[]
  reason: ReasonRow | null
  /** The school's attendance codes by name. */
  codes: Record<string, number>
  reportClaims: ReportClaimRow[]
  staffClaims: StaffClaimRow[]
}

/**
 * The first statement of a guardian's report, in its change's transaction: takes the next
 * number of the school of the first child (the school's row lock) and reads, in the same round
 * trip, the earlier submission with this key, the children, the school, its year of `fromDate`
 * and that year's calendar up to `toDate`, the reason, the codes and the live claims on the
 * children's days. Null when none of the children is the guardian's.
 */
export async function startReport(
  tx: Q,
  a: { guardianId: number; pupilIds: number[]; idempotencyKey: string; reasonId: number; fromDate: string; toDate: string },
): Promise<ReportStart | null> {
  const school = q0(tx)
  const [row] = await tx<(Omit<ReportStart, 'pupils' | 'calendar' | 'codes' | 'reportClaims' | 'staffClaims'> & {
    pupils: ReportStart['pupils'] | null; calendar: CalendarRow[] | null; codes: { code: string; id: number }[] | null
    reportClaims: ReportClaimRow[] | null; staffClaims: StaffClaimRow[] | null; schoolId: number | null
  })[]>`
    with pupils as (
      select p.id as pupil_id, p.school_id, p.family_name || ' ' || p.given_name as name, p.enrolled_on, p.left_on
      from guardian_pupil gp join pupil p on p.id = gp.pupil_id
      where gp.guardian_id = ${a.guardianId} and p.id = any(${a.pupilIds}::int[])
    ), locked as (
      update school set seq = seq + 1 where id = (select min(school_id) from pupils) returning id, seq
    ), y as (
      select id, fiscal_year, starts_on, ends_on from school_year
      where school_id = (select id from locked) and ${a.fromDate}::date between starts_on and ends_on
    )
    select l.id as school_id, l.seq, s.seq as seen_seq,
      (select json_build_object('id', g.id, 'request_hash', g.request_hash, 'created_at', g.created_at) from guardian_submission g
       where g.guardian_id = ${a.guardianId} and g.idempotency_key = ${a.idempotencyKey}) as earlier,
      (select json_agg(pupils) from pupils) as pupils,
      json_build_object('id', s.id, 'name', s.name, 'settings', s.settings) as school,
      (select row_to_json(y) from y) as year,
      (select json_agg(json_build_object('date', c.date, 'kind', c.kind)) from calendar_day c
       where c.school_id = l.id and c.date between coalesce((select starts_on from y), ${a.fromDate}::date) and ${a.toDate}) as calendar,
      (select row_to_json(r) from (select id, label, category, suggested_code_id from school_reason
       where id = ${a.reasonId} and school_id = l.id and active) r) as reason,
      -- Pairs, not an object: the driver would camel-case the codes' names as keys.
      (select json_agg(json_build_object('code', code, 'id', id)) from attendance_code where school_id = l.id) as codes,
      (select json_agg(x) from (${reportClaimsSql(tx, school, a.pupilIds, a.fromDate, a.toDate)}) x) as report_claims,
      (select json_agg(x) from (${staffClaimsSql(tx, school, a.pupilIds, a.fromDate, a.toDate)}) x) as staff_claims
    from locked l join school s on s.id = l.id`
  if (!row) return null
  return {
    ...row,
    schoolId: row.schoolId!,
    earlier: row.earlier && { ...row.earlier, createdAt: new Date(row.earlier.createdAt).toISOString() },
    pupils: row.pupils ?? [],
    calendar: row.calendar ?? [],
    codes: Object.fromEntries((row.codes ?? []).map((c) => [c.code, c.id])),
    reportClaims: row.reportClaims ?? [],
    staffClaims: row.staffClaims ?? [],
  }
}

/** The locked school's id inside startReport's statement. */
function q0(q: Q): Fragment {
  return q`(select id from locked)`
}

/**
 * What startReport read that another change of the school can have altered while it waited for
 * the lock, read again under it: the live claims on these pupils' days and the earlier
 * submission with this key (a double tap's twin may have committed in between).
 */
export async function readAgainUnderLock(
  q: Q,
  a: { schoolId: number; guardianId: number; idempotencyKey: string; pupilIds: number[]; from: string; to: string },
): Promise<Pick<ReportStart, 'earlier' | 'reportClaims' | 'staffClaims'>> {
  const [row] = await q<{ earlier: ReportStart['earlier']; reportClaims: ReportClaimRow[] | null; staffClaims: StaffClaimRow[] | null }[]>`
    select (select json_build_object('id', g.id, 'request_hash', g.request_hash, 'created_at', g.created_at) from guardian_submission g
            where g.guardian_id = ${a.guardianId} and g.idempotency_key = ${a.idempotencyKey}) as earlier,
           (select json_agg(x) from (${reportClaimsSql(q, q`${a.schoolId}`, a.pupilIds, a.from, a.to)}) x) as report_claims,
           (select json_agg(x) from (${staffClaimsSql(q, q`${a.schoolId}`, a.pupilIds, a.from, a.to)}) x) as staff_claims`
  return {
    earlier: row!.earlier && { ...row!.earlier, createdAt: new Date(row!.earlier.createdAt).toISOString() },
    reportClaims: row!.reportClaims ?? [],
    staffClaims: row!.staffClaims ?? [],
  }
}

/** A guardian's report for several children, written by one statement. */
export interface ReportWrite {
  schoolId: number
  seq: number
  guardianId: number
  idempotencyKey: string
  requestHash: string
  kind: ReportKind
  fromDate: string
  toDate: string
  reasonId: number
  symptoms: string[]
  temperature: number | null
  time: string | null
  message: string
  submittedAt: string
  /** Each child's school days of the report. */
  days: { pupilId: number; date: string }[]
  /** The pupil-days whose earlier live reports this one replaces. */
  replaces: { pupilId: number; date: string }[]
  /** The suggested mark of each pupil-day, with this report among its claims. */
  marks: { pupilId: number; date: string; codeId: number }[]
}

/** What the statement wrote, as the receipt shows it. */
export interface WrittenReport {
  submissionId: number
  id: number
  pupilId: number
  symptoms: string[]
  temperature: number | null
  time: string | null
  submittedAt: string
}

/**
 * Claims the idempotency key and writes the reports, their days, what they replace and their
 * marks in one statement; nothing when another request holds the key (an empty answer).
 */
export async function writeReport(q: Q, w: ReportWrite): Promise<WrittenReport[]> {
  const pupilIds = [...new Set(w.days.map((d) => d.pupilId))]
  return q<WrittenReport[]>`
    with sub as (
      insert into guardian_submission (guardian_id, idempotency_key, request_hash, created_at)
      values (${w.guardianId}, ${w.idempotencyKey}, ${w.requestHash}, ${w.submittedAt})
      on conflict (guardian_id, idempotency_key) do nothing
      returning id
    ), rep as (
      insert into guardian_report (school_id, submission_id, guardian_id, pupil_id, kind, from_date, to_date, reason_id,
                                   symptoms, temperature, expected_time, message, submitted_at, language)
      select ${w.schoolId}, sub.id, ${w.guardianId}, x.pupil_id, ${w.kind}, ${w.fromDate}, ${w.toDate}, ${w.reasonId},
             ${w.symptoms}::text[], ${w.temperature}::numeric, ${w.time}::time, ${w.message}, ${w.submittedAt},
             (select language from guardian where id = ${w.guardianId})
      from sub cross join unnest(${pupilIds}::int[]) with ordinality as x(pupil_id, n)
      order by x.n
      returning id, submission_id, pupil_id, symptoms, temperature::float8 as temperature, to_char(expected_time, 'FMHH24:MI') as time, submitted_at
    ), days as (
      insert into guardian_report_day (school_id, report_id, pupil_id, date)
      select ${w.schoolId}, rep.id, d.pupil_id, d.date
      from rep join unnest(${w.days.map((d) => d.pupilId)}::int[], ${w.days.map((d) => d.date)}::date[]) as d(pupil_id, date) on d.pupil_id = rep.pupil_id
      returning report_id
    ), replaced as (
      -- The new days are not visible to this statement: only earlier reports are replaced.
      update guardian_report_day d set superseded_by = rep.id
      from rep, guardian_report r, unnest(${w.replaces.map((d) => d.pupilId)}::int[], ${w.replaces.map((d) => d.date)}::date[]) as x(pupil_id, date)
      where rep.pupil_id = x.pupil_id and r.id = d.report_id and d.school_id = ${w.schoolId}
        and d.pupil_id = x.pupil_id and d.date = x.date and d.superseded_by is null and r.withdrawn_at is null
      returning d.report_id
    ), marks as (
      insert into attendance_log (school_id, seq, pupil_id, date, code_id, suggested_code_id, source, actor_staff_id, actor_guardian_id,
                                  report_id, at_time, note, recorded_at)
      select ${w.schoolId}, ${w.seq}, m.pupil_id, m.date, m.code_id, m.code_id, 'guardian', null, ${w.guardianId},
             rep.id, ${w.time}::time, '', ${w.submittedAt}
      from rep join unnest(${w.marks.map((m) => m.pupilId)}::int[], ${w.marks.map((m) => m.date)}::date[], ${w.marks.map((m) => m.codeId)}::int[])
        as m(pupil_id, date, code_id) on m.pupil_id = rep.pupil_id
      order by m.pupil_id, m.date
      returning id
    )
    select rep.submission_id, rep.id, rep.pupil_id, rep.symptoms, rep.temperature, rep.time, rep.submitted_at
    from rep order by rep.id`
}

/** Pupil-days whose current mark still comes from this report (staff may have overridden some). */
export async function daysStillMarkedByReport(q: Q, reportId: number): Promise<{ pupilId: number; date: string }[]> {
  return q`
    select d.pupil_id, d.date from guardian_report_day d
    where d.report_id = ${reportId}
      and (select l.report_id from attendance_mark a join attendance_log l on l.id = a.log_id where a.pupil_id = d.pupil_id and a.date = d.date) = ${reportId}`
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
