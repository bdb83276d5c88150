import type { GuardianReport } from '../../shared/protocol/index.js'
import { authorize } from '../auth/guards.js'
import type { GuardianPrincipal } from '../auth/principal.js'
import { LATE_AND_EARLY_LEAVE, suggestedDayMark } from '../../shared/domain/dayReports.js'
import {
  appendMarks, codeIdByName, dayClaims, daysStillMarkedByReport, guardianReports, reportDays, reportHead, restoreReplacedBy, type MarkRow,
} from '../data/reports.js'
import { getSchool } from '../data/schools.js'
import type { Deps } from '../deps.js'
import { AppError } from '../http/errors.js'
import { runChange } from '../realtime/change.js'
import { canWithdraw, withWithdrawFlags } from './receipt.js'
import { schoolNow } from './schoolDates.js'

/**
 * A guardian withdraws a report for future days. The report keeps its text (it is evidence);
 * it gets a withdrawal time, and the days it still marks get a new register row from the day's
 * remaining reports (or a clearing row when none remain). Days staff have since marked
 * differently keep the staff's mark.
 */
export async function withdrawReport(deps: Deps, who: GuardianPrincipal, reportId: number): Promise<GuardianReport> {
  const head = await reportHead(deps.sql, reportId)
  if (!head || head.guardianId !== who.guardianId) throw new AppError('REPORT_NOT_FOUND')
  // A guardian unlinked from the child since keeps nothing of theirs.
  authorize(who, 'report.withdraw', { pupilId: head.pupilId }, 'REPORT_NOT_FOUND')
  if (head.withdrawnAt) throw new AppError('ALREADY_WITHDRAWN')
  const school = (await getSchool(deps.sql, head.schoolId))!
  const nowMs = deps.clock.now()
  if (!canWithdraw(head, schoolNow(school, nowMs).today)) throw new AppError('WITHDRAW_NOT_ALLOWED')
  const nowIso = new Date(nowMs).toISOString()

  await runChange(deps, school.id, async (tx, change) => {
    const [locked] = await tx`update guardian_report set withdrawn_at = ${nowIso}
      where id = ${reportId} and withdrawn_at is null returning id`
    if (!locked) throw new AppError('ALREADY_WITHDRAWN')
    const seq = change.seq
    // Taking back a change brings back what it changed.
    await restoreReplacedBy(tx, reportId)
    const combined = await codeIdByName(tx, school.id, LATE_AND_EARLY_LEAVE)
    const marks: MarkRow[] = []
    for (const day of await daysStillMarkedByReport(tx, reportId)) {
      const { claims, newest } = await dayClaims(tx, school.id, day)
      marks.push({
        schoolId: school.id, seq, ...day, codeId: suggestedDayMark(claims, combined), suggestedCodeId: null, source: 'guardian',
        actorStaffId: null, actorGuardianId: who.guardianId, reportId: newest?.id ?? reportId, atTime: newest?.time ?? null,
        note: '保護者が連絡を取り消し', recordedAt: nowIso,
      })
    }
    await appendMarks(tx, marks)
    // Every day of the report changes its thread, marked by it or not.
    change.pupilDays(await reportDays(tx, reportId))
  })
  const rows = (await guardianReports(deps.sql, { guardianId: who.guardianId })).filter((r) => r.id === reportId)
  return (await withWithdrawFlags(deps.sql, nowMs, rows))[0]!
}
