import type { GuardianReport, GuardianReportList, ReportReceipt } from '../../shared/protocol/index.js'
import { addDays, schoolDateOf } from '../../shared/time/schoolTime.js'
import { guardianTimeZone } from '../data/guardians.js'
import type { GuardianPrincipal } from '../auth/principal.js'
import { guardianReports } from '../data/reports.js'
import { getSchool, type School } from '../data/schools.js'
import type { Deps } from '../deps.js'
import type { Q } from '../db/types.js'
import { schoolNow } from './schoolDates.js'

/** The 受付番号 shown to the guardian; the same number as in the report list. */
export const receiptNo = (submissionId: number) => String(submissionId).padStart(6, '0')

/** A guardian may withdraw a report only while every day of it is still in the future. */
export function canWithdraw(r: { fromDate: string; withdrawnAt: string | null }, today: string): boolean {
  return r.withdrawnAt === null && r.fromDate > today
}

/** Guardian report rows with `canWithdraw` decided in each pupil's school's own "today". */
export async function withWithdrawFlags(q: Q, nowMs: number, rows: Awaited<ReturnType<typeof guardianReports>>): Promise<GuardianReport[]> {
  const schools = new Map<number, School>()
  for (const id of new Set(rows.map((r) => r.schoolId))) schools.set(id, (await getSchool(q, id))!)
  return rows.map(({ schoolId, ...r }) => ({ ...r, canWithdraw: canWithdraw(r, schoolNow(schools.get(schoolId)!, nowMs).today) }))
}

export async function receiptFor(deps: Deps, who: GuardianPrincipal, submissionId: number, submittedAt: string): Promise<Omit<ReportReceipt, 'skippedDays' | 'lateNotice'>> {
  const rows = await guardianReports(deps.sql, { guardianId: who.guardianId, submissionId })
  return {
    ok: true,
    receiptNo: receiptNo(submissionId),
    submittedAt,
    reports: await withWithdrawFlags(deps.sql, deps.clock.now(), rows),
  }
}

/** A guardian's reports of the last 30 days (by their school's calendar), with what may still be withdrawn. */
export async function recentGuardianReports(deps: Deps, guardianId: number): Promise<GuardianReportList> {
  const since = addDays(schoolDateOf(deps.clock.now(), await guardianTimeZone(deps.sql, guardianId)), -30)
  const rows = await guardianReports(deps.sql, { guardianId, sinceDate: since })
  return { ok: true, reports: await withWithdrawFlags(deps.sql, deps.clock.now(), rows) }
}
