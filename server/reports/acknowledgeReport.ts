import { authorize } from '../auth/guards.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { reportDays, reportHead } from '../data/reports.js'
import type { Deps } from '../deps.js'
import { AppError } from '../http/errors.js'
import { runChange } from '../realtime/change.js'

/** The pupil's class in the school year containing `date`. */
async function classOnDate(deps: Deps, pupilId: number, date: string): Promise<number | undefined> {
  const [row] = await deps.sql<{ classId: number }[]>`
    select m.class_id from class_membership m join school_year y on y.id = m.school_year_id
    where m.pupil_id = ${pupilId} and ${date}::date between y.starts_on and y.ends_on`
  return row?.classId
}

/**
 * Staff mark a guardian's report 確認済. Idempotent: acknowledging twice changes nothing and
 * publishes nothing the second time.
 */
export async function acknowledgeReport(deps: Deps, who: StaffPrincipal, reportId: number): Promise<void> {
  const head = await reportHead(deps.sql, reportId)
  if (!head || head.schoolId !== who.schoolId) throw new AppError('REPORT_NOT_FOUND')
  const classId = (await classOnDate(deps, head.pupilId, head.fromDate)) ?? -1
  authorize(who, 'report.acknowledge', { schoolId: who.schoolId, classId }, 'FORBIDDEN', '担任または管理職のみ確認できます。')
  const nowIso = new Date(deps.clock.now()).toISOString()
  await runChange(deps, who.schoolId, async (tx, change) => {
    const inserted = await tx`insert into report_acknowledgement (report_id, school_id, staff_id, acknowledged_at)
      values (${reportId}, ${who.schoolId}, ${who.staffId}, ${nowIso}) on conflict (report_id) do nothing returning report_id`
    if (inserted.length === 0) return change.unchanged()
    change.pupilDays(await reportDays(tx, reportId))
  })
}
