import type { GuardianReport } from '../../shared/protocol/index.js'
import { authorize } from '../auth/guards.js'
import type { GuardianPrincipal } from '../auth/principal.js'
import { appendMarks, daysStillMarkedByReport, guardianReports, reportHead } from '../data/reports.js'
import { getSchool } from '../data/schools.js'
import type { Deps } from '../deps.js'
import { AppError } from '../http/errors.js'
import { runChange } from '../realtime/change.js'
import { canWithdraw, withWithdrawFlags } from './receipt.js'
import { schoolNow } from './schoolDates.js'

/**
 * A guardian withdraws a report for future days. The report keeps its text (it is evidence);
 * it gets a withdrawal time, and the days it still marks get a clearing row in the register.
 * Days staff have since marked differently keep the staff's mark.
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
    const days = await daysStillMarkedByReport(tx, reportId)
    await appendMarks(tx, days.map((d) => ({
      schoolId: school.id, seq, pupilId: d.pupilId, date: d.date, codeId: null, suggestedCodeId: null, source: 'guardian' as const,
      actorStaffId: null, actorGuardianId: who.guardianId, reportId, atTime: null, note: '保護者が連絡を取り消し', recordedAt: nowIso,
    })))
    change.pupilDays(days)
  })
  const rows = (await guardianReports(deps.sql, { guardianId: who.guardianId })).filter((r) => r.id === reportId)
  return (await withWithdrawFlags(deps.sql, nowMs, rows))[0]!
}
