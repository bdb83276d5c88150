import { MarkPupilRequest, PhoneReportRequest } from '../../shared/protocol/index.js'
import { schoolWide } from '../../shared/policy/policy.js'
import { authorize } from '../auth/guards.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { LATE_AND_EARLY_LEAVE, suggestedDayMark } from '../../shared/domain/dayReports.js'
import { activeReason, appendMarks, codeIdByName, dayClaims, type MarkRow } from '../data/reports.js'
import { currentState } from '../data/roll.js'
import type { Deps } from '../deps.js'
import { AppError, parseInput } from '../http/errors.js'
import { runChange } from '../realtime/change.js'
import { pupilToday, staffToday } from './today.js'

/**
 * Staff mark a pupil today: 未登校 at roll call, 遅刻 with the arrival time, 早退 with the time
 * of leaving, or back to present. Every mark is a new register row (source 担任 or 職員室);
 * nothing is overwritten.
 */
export async function markPupil(deps: Deps, who: StaffPrincipal, body: unknown): Promise<void> {
  const cmd = parseInput(MarkPupilRequest, body)
  const t = await staffToday(deps, who, { requireSchoolDay: true })
  const place = await pupilToday(deps, who, t, cmd.pupilId)
  authorize(who, 'roll.mark', { schoolId: who.schoolId, classId: place.classId }, 'NOT_HOMEROOM')
  await runChange(deps, t.school.id, async (tx, change) => {
    const seq = change.seq
    // Read under the school's sequence lock, so two taps cannot both see the old mark.
    const state = await currentState(tx, cmd.pupilId, t.today)
    // Back to present: with no report there is nothing to contradict, so the mark is cleared
    // (the pupil is plain present again); with a report, an explicit 出席 keeps the
    // discrepancy visible ("the family said 欠席, the teacher saw the child").
    const markCode = cmd.mark === 'present' && !state.hasReport ? null : await codeIdByName(tx, t.school.id, cmd.mark)
    // A 遅刻 and an 早退 on one day are both real, whoever recorded either: they combine as
    // a guardian's reports do, by the same rule.
    const kind = cmd.mark
    const codeId = (kind === 'late' || kind === 'early_leave') && markCode !== null
      ? suggestedDayMark([{ kind, codeId: markCode }, ...(await dayClaims(tx, t.school.id, { pupilId: cmd.pupilId, date: t.today })).claims],
          await codeIdByName(tx, t.school.id, LATE_AND_EARLY_LEAVE))
      : markCode
    // A repeated tap changes nothing.
    if (codeId === state.codeId && cmd.mark !== 'late' && cmd.mark !== 'early_leave') return change.unchanged()
    const mark: MarkRow = {
      schoolId: t.school.id, seq, pupilId: cmd.pupilId, date: t.today, codeId, suggestedCodeId: null,
      source: !who.homeroomClassIds.includes(place.classId) && schoolWide(who, 'roll.mark') ? 'office' : 'teacher',
      actorStaffId: who.staffId, actorGuardianId: null, reportId: null, atTime: cmd.mark === 'late' || cmd.mark === 'early_leave' ? cmd.time : null,
      note: cmd.note, recordedAt: t.nowIso,
    }
    await appendMarks(tx, [mark])
    change.pupilDays([mark])
  })
}

/**
 * A guardian phoned: staff record the report on their behalf (source 電話), so families
 * without smartphones count the same. It is an explanation: the pupil leaves the unexplained list.
 */
export async function recordPhoneReport(deps: Deps, who: StaffPrincipal, body: unknown): Promise<void> {
  const cmd = parseInput(PhoneReportRequest, body)
  const t = await staffToday(deps, who, { requireSchoolDay: true })
  const place = await pupilToday(deps, who, t, cmd.pupilId)
  authorize(who, 'report.phone', { schoolId: who.schoolId, classId: place.classId }, 'NOT_HOMEROOM')
  const reason = await activeReason(deps.sql, t.school.id, cmd.reasonId)
  if (!reason) throw new AppError('REASON_NOT_FOUND')
  await runChange(deps, t.school.id, async (tx, change) => {
    const seq = change.seq
    const codeId = cmd.kind === 'absent' ? reason.suggestedCodeId : await codeIdByName(tx, t.school.id, cmd.kind)
    const note = [reason.label, cmd.message].filter(Boolean).join(' ・ ')
    const mark: MarkRow = {
      schoolId: t.school.id, seq, pupilId: cmd.pupilId, date: t.today, codeId, suggestedCodeId: codeId, source: 'phone',
      actorStaffId: who.staffId, actorGuardianId: null, reportId: null, atTime: cmd.time, note, recordedAt: t.nowIso,
    }
    await appendMarks(tx, [mark])
    change.pupilDays([mark])
  })
}
