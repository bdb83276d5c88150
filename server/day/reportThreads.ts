import type { DayReport } from '../../shared/protocol/index.js'
import type { Q } from '../db/types.js'

type Fragment = ReturnType<Q>

/**
 * Each pupil's guardian reports for one day as a thread, newest first: live reports and the
 * ones a later report changed (history), without withdrawn ones. Unredacted.
 */
export async function reportThreads(q: Q, schoolId: number, date: string, pupilIds?: number[]): Promise<Map<number, DayReport[]>> {
  const rows = await q<{ pupilId: number; reports: DayReport[] }[]>`
    ${threadsSql(q, schoolId, date, pupilIds ? q`and rd.pupil_id = any(${pupilIds}::int[])` : q``)}`
  return new Map(rows.map((r) => [r.pupilId, r.reports.map(dayReportFromJson)]))
}

/**
 * The threads as one row per pupil (`pupil_id`, `reports`: a JSON array of DayReport), for
 * reportThreads or to nest in the statement of the day's entries. `which` narrows the pupils
 * (a condition on `rd.pupil_id`).
 */
export function threadsSql(q: Q, schoolId: number, date: string, which: Fragment): Fragment {
  return q`
    select rd.pupil_id, json_agg(json_build_object(
             'id', r.id, 'kind', r.kind, 'time', to_char(r.expected_time, 'FMHH24:MI'),
             'reason_label', sr.label, 'reason_category', sr.category, 'submitted_at', r.submitted_at, 'message', r.message,
             'message_language', r.language, 'symptoms', r.symptoms, 'temperature', r.temperature::float8,
             'acknowledged_at', a.acknowledged_at, 'acknowledged_by', st.family_name, 'replaced_by', rd.superseded_by
           ) order by r.submitted_at desc, r.id desc) as reports
    from guardian_report_day rd
    -- The school on every table, so that whatever join a plan picks it reads this school's rows only.
    join guardian_report r on r.id = rd.report_id and r.school_id = ${schoolId}
    join school_reason sr on sr.id = r.reason_id
    left join report_acknowledgement a on a.report_id = r.id and a.school_id = ${schoolId}
    left join staff st on st.id = a.staff_id
    where rd.school_id = ${schoolId} and rd.date = ${date} and r.withdrawn_at is null ${which}
    group by rd.pupil_id`
}

/** JSON gives instants in the connection's offset notation; the wire carries them as ISO strings like every other column. */
export function dayReportFromJson(r: DayReport): DayReport {
  return {
    ...r,
    submittedAt: new Date(r.submittedAt).toISOString(),
    acknowledgedAt: r.acknowledgedAt === null ? null : new Date(r.acknowledgedAt).toISOString(),
  }
}
