import type { GuardianReport, GuardianReportList, ReportReceipt } from '../../shared/protocol/index.js'
import { addDays, schoolDateOf } from '../../shared/time/schoolTime.js'
import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import type { GuardianPrincipal } from '../auth/principal.js'
import { guardianReports } from '../data/reports.js'
import type { Deps } from '../deps.js'
import { schoolNow } from './schoolDates.js'

/** The 受付番号 shown to the guardian; the same number as in the report list. */
export const receiptNo = (submissionId: number) => String(submissionId).padStart(6, '0')

/** A guardian may withdraw a report only while every day of it is still in the future. */
export function canWithdraw(r: { fromDate: string; withdrawnAt: string | null }, today: string): boolean {
  return r.withdrawnAt === null && r.fromDate > today
}

/** Guardian report rows with `canWithdraw` decided by the school's "today". */
export function withWithdrawFlags(nowMs: number, rows: Awaited<ReturnType<typeof guardianReports>>): GuardianReport[] {
  const today = schoolNow(nowMs).today
  return rows.map(({ schoolId: _s, ...r }) => ({ ...r, canWithdraw: canWithdraw(r, today) }))
}

export async function receiptFor(deps: Deps, who: GuardianPrincipal, submissionId: number, submittedAt: string): Promise<Omit<ReportReceipt, 'skippedDays' | 'lateNotice'>> {
  const rows = await guardianReports(deps.sql, { guardianId: who.guardianId, submissionId })
  return {
    ok: true,
    receiptNo: receiptNo(submissionId),
    submittedAt,
    reports: withWithdrawFlags(deps.clock.now(), rows),
  }
}

/** A guardian's reports of the last 30 days, with what may still be withdrawn. */
export async function recentGuardianReports(deps: Deps, guardianId: number): Promise<GuardianReportList> {
  const since = addDays(schoolDateOf(deps.clock.now(), SCHOOL_ZONE), -30)
  const rows = await guardianReports(deps.sql, { guardianId, sinceDate: since })
  return { ok: true, reports: withWithdrawFlags(deps.clock.now(), rows) }
}
