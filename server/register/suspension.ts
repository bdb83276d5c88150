import { schoolDaysBetween } from '../../shared/domain/calendar.js'
import { isEnrolledOn } from '../../shared/domain/register.js'
import { proposeSuspension, RETURN_SEARCH_DAYS, suspensionPeriod } from '../../shared/domain/suspension.js'
import type { SuspensionPlan, SuspensionRequest } from '../../shared/protocol/calendar.js'
import { addDays } from '../../shared/time/schoolTime.js'
import { authorize } from '../auth/guards.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { appendMarks } from '../data/reports.js'
import { calendarRules } from '../data/schools.js'
import type { Deps } from '../deps.js'
import type { Q } from '../db/types.js'
import { AppError } from '../errors.js'
import { recordAudit } from '../audit/record.js'
import { runChange } from '../realtime/change.js'
import { readablePupilClass } from './access.js'

/**
 * The proposal, with the return day by the school's calendar, and the school days it covers
 * for the pupil (enrolled days in the school year).
 */
export async function planSuspension(q: Q, who: StaffPrincipal, req: SuspensionRequest): Promise<SuspensionPlan> {
  const cls = await readablePupilClass(q, who, 'suspension.plan', req.pupilId, req.input.onset)
  const period = suspensionPeriod(req.input)
  if (!period.ok) return { ...period, schoolDays: [] }
  const rules = await calendarRules(q, who.schoolId, period.from, addDays(period.lastDay, RETURN_SEARCH_DAYS))
  const [pupil] = await q<{ enrolledOn: string; leftOn: string | null }[]>`select enrolled_on, left_on from pupil where id = ${req.pupilId}`
  const last = period.lastDay < cls.year.endsOn ? period.lastDay : cls.year.endsOn
  const days = schoolDaysBetween(period.from, last, rules).filter((d) => isEnrolledOn(d, pupil!))
  return { ...proposeSuspension(period, rules), schoolDays: days }
}

/**
 * Applies a confirmed 出席停止(感染症): one new log row per school day of the range, keeping
 * what was there before (a 欠席 already marked becomes history, not lost). The office only
 * (the nurse among them): homeroom teachers may plan one but not apply it.
 */
export async function applySuspension(deps: Deps, who: StaffPrincipal, req: SuspensionRequest): Promise<SuspensionPlan> {
  authorize(who, 'suspension.apply')
  const plan = await planSuspension(deps.sql, who, req)
  if (!plan.ok) throw new AppError('SUSPENSION_INCOMPLETE')
  if (plan.schoolDays.length === 0) throw new AppError('NO_SCHOOL_DAYS_IN_RANGE')
  const cls = await readablePupilClass(deps.sql, who, 'suspension.apply', req.pupilId, req.input.onset)
  const nowIso = new Date(deps.clock.now()).toISOString()
  await runChange(deps, who.schoolId, async (tx, change) => {
    const [code] = await tx<{ id: number }[]>`select id from attendance_code where school_id = ${who.schoolId} and code = 'suspension_infection'`
    if (!code) throw new AppError('CODE_NOT_FOUND')
    await appendMarks(tx, plan.schoolDays.map((date) => ({
      schoolId: who.schoolId, seq: change.seq, pupilId: req.pupilId, date, codeId: code.id, suggestedCodeId: code.id, source: 'office' as const,
      actorStaffId: who.staffId, actorGuardianId: null, reportId: null, atTime: null, note: plan.basis.slice(0, 200), recordedAt: nowIso,
    })))
    change.pupilDays(plan.schoolDays.map((date) => ({ pupilId: req.pupilId, date })))
    await recordAudit(tx, who, { action: 'suspension.apply', pupilId: req.pupilId, classId: cls.id, dateFrom: plan.schoolDays[0]!, dateTo: plan.schoolDays.at(-1)!, detail: plan.basis.slice(0, 200) }, deps.clock.now())
  })
  return plan
}
