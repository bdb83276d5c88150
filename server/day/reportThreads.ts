import type { DayReport } from '../../shared/protocol/index.js'
import type { Q } from '../db/types.js'

/**
 * Each pupil's guardian reports for one day as a thread, newest first: live reports and the
 * ones a later report changed (history), without withdrawn ones. Unredacted.
 */
export async function reportThreads(q: Q, schoolId: number, date: string, pupilIds?: number[]): Promise<Map<number, DayReport[]>> {
  const rows = await q<(DayReport & { pupilId: number })[]>`
    select rd.pupil_id, r.id, r.kind, to_char(r.expected_time, 'FMHH24:MI') as time,
           sr.label as reason_label, sr.category as reason_category, r.submitted_at, r.message, r.language as message_language, r.symptoms,
           r.temperature::float8 as temperature, a.acknowledged_at, st.family_name as acknowledged_by,
           rd.superseded_by as replaced_by
    from guardian_report_day rd
    -- The school on every table, so that whatever join a plan picks it reads this school's rows only.
    join guardian_report r on r.id = rd.report_id and r.school_id = ${schoolId}
    join school_reason sr on sr.id = r.reason_id
    left join report_acknowledgement a on a.report_id = r.id and a.school_id = ${schoolId}
    left join staff st on st.id = a.staff_id
    where rd.school_id = ${schoolId} and rd.date = ${date} and r.withdrawn_at is null
      ${pupilIds ? q`and rd.pupil_id = any(${pupilIds}::int[])` : q``}
    order by rd.pupil_id, r.submitted_at desc, r.id desc`
  const out = new Map<number, DayReport[]>()
  for (const { pupilId, ...report } of rows) {
    if (!out.has(pupilId)) out.set(pupilId, [])
    out.get(pupilId)!.push(report)
  }
  return out
}
