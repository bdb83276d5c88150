import { createHash } from 'node:crypto'
import { CreateReportRequest, LIMITS, type ReportReceipt } from '../../shared/protocol/index.js'
import { isSchoolDay, schoolDaysBetween } from '../../shared/domain/calendar.js'
import { datesBetween, daysInclusive, minutesOfTime } from '../../shared/time/schoolTime.js'
import type { GuardianPrincipal } from '../auth/principal.js'
import { linkedPupils } from '../data/guardians.js'
import { activeReason, appendMarks, claimSubmission, codeIdByName, findSubmission, insertReport, type MarkRow } from '../data/reports.js'
import { calendarRules, getSchool, schoolYearOn } from '../data/schools.js'
import type { Deps } from '../deps.js'
import { AppError, parseInput } from '../http/errors.js'
import { beginChange, recordChange } from '../realtime/changes.js'
import { receiptFor } from './receipt.js'
import { schoolNow } from './schoolDates.js'

/**
 * A guardian reports 欠席/遅刻/早退 for one or several of their children. Everything is
 * validated before the transaction; the transaction writes the reports, their school days,
 * the suggested marks and the sequenced event, or nothing at all.
 */
export async function createReports(deps: Deps, who: GuardianPrincipal, body: unknown): Promise<ReportReceipt> {
  const cmd = parseInput(CreateReportRequest, body)
  const { idempotencyKey, ...content } = cmd
  const requestHash = createHash('sha256').update(JSON.stringify({ ...content, pupilIds: [...content.pupilIds].sort((a, b) => a - b) })).digest('hex')

  const earlier = await findSubmission(deps.sql, who.guardianId, idempotencyKey)
  if (earlier) return replay(deps, who, earlier, requestHash)

  const pupils = await linkedPupils(deps.sql, who.guardianId, [...new Set(cmd.pupilIds)])
  if (pupils.length !== new Set(cmd.pupilIds).size) throw new AppError('PUPIL_NOT_FOUND')
  const schoolIds = new Set(pupils.map((p) => p.schoolId))
  if (schoolIds.size !== 1) throw new AppError('ONE_SCHOOL_PER_REPORT')
  const school = (await getSchool(deps.sql, pupils[0]!.schoolId))!
  const nowMs = deps.clock.now()
  const { today, time: nowTime } = schoolNow(school, nowMs)

  if (cmd.fromDate < today) throw new AppError('DATE_IN_PAST')
  if (daysInclusive(cmd.fromDate, cmd.toDate) > LIMITS.rangeDays) throw new AppError('RANGE_TOO_LONG')
  const year = await schoolYearOn(deps.sql, school.id, cmd.fromDate)
  if (!year || cmd.toDate > year.endsOn) throw new AppError('DATE_OUTSIDE_SCHOOL_YEAR')

  let lateNotice: string | null = null
  if (cmd.fromDate === today && minutesOfTime(nowTime) > minutesOfTime(school.settings.sameDayCutoff)) {
    if (!school.settings.acceptLateReports) throw new AppError('CUTOFF_PASSED', school.settings.cutoffMessage || undefined)
    lateNotice = school.settings.cutoffMessage || `受付時刻(${school.settings.sameDayCutoff})を過ぎての連絡です。急ぎの場合は学校へお電話ください。`
  }

  const rules = await calendarRules(deps.sql, school.id, cmd.fromDate, cmd.toDate)
  if (cmd.fromDate === cmd.toDate && !isSchoolDay(cmd.fromDate, rules)) throw new AppError('NOT_A_SCHOOL_DAY')
  const schoolDays = schoolDaysBetween(cmd.fromDate, cmd.toDate, rules)
  if (schoolDays.length === 0) throw new AppError('NO_SCHOOL_DAYS_IN_RANGE')
  const skippedDays = datesBetween(cmd.fromDate, cmd.toDate).filter((d) => !schoolDays.includes(d))

  const daysFor = new Map(pupils.map((p) => [p.pupilId, schoolDays.filter((d) => d >= p.enrolledOn && (!p.leftOn || d <= p.leftOn))]))
  if ([...daysFor.values()].some((days) => days.length === 0)) throw new AppError('NOT_ENROLLED')

  const reason = await activeReason(deps.sql, school.id, cmd.reasonId)
  if (!reason) throw new AppError('REASON_NOT_FOUND')

  const submittedAt = new Date(nowMs).toISOString()
  const outcome = await deps.sql.begin(async (tx) => {
    const submissionId = await claimSubmission(tx, who.guardianId, idempotencyKey, requestHash, submittedAt)
    if (submissionId === null) return null // a concurrent double tap won; replay its receipt below
    const seq = await beginChange(tx, school.id)
    const codeId = cmd.kind === 'absent' ? reason.suggestedCodeId : await codeIdByName(tx, school.id, cmd.kind)
    const marks: MarkRow[] = []
    for (const p of pupils) {
      const days = daysFor.get(p.pupilId)!
      const reportId = await insertReport(tx, {
        schoolId: school.id, submissionId, guardianId: who.guardianId, pupilId: p.pupilId, kind: cmd.kind,
        fromDate: cmd.fromDate, toDate: cmd.toDate, reasonId: reason.id, symptoms: cmd.symptoms,
        temperature: cmd.temperature, time: cmd.time, message: cmd.message, submittedAt,
      }, days)
      for (const date of days) {
        marks.push({
          schoolId: school.id, seq, pupilId: p.pupilId, date, codeId, suggestedCodeId: codeId, source: 'guardian',
          actorStaffId: null, actorGuardianId: who.guardianId, reportId, atTime: cmd.time, note: '', recordedAt: submittedAt,
        })
      }
    }
    await appendMarks(tx, marks)
    const change = await recordChange(tx, school.id, seq, year, marks)
    return { submissionId, change }
  })
  if (!outcome) return replay(deps, who, (await findSubmission(deps.sql, who.guardianId, idempotencyKey))!, requestHash)
  deps.publish(outcome.change)
  return { ...(await receiptFor(deps, who, outcome.submissionId, submittedAt)), skippedDays, lateNotice }
}

async function replay(deps: Deps, who: GuardianPrincipal, earlier: { id: number; requestHash: string; createdAt: string }, requestHash: string): Promise<ReportReceipt> {
  if (earlier.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_CONFLICT')
  const receipt = await receiptFor(deps, who, earlier.id, earlier.createdAt)
  const first = receipt.reports[0]
  const skippedDays = first ? datesBetween(first.fromDate, first.toDate).filter((d) => !first.days.includes(d)) : []
  return { ...receipt, skippedDays, lateNotice: null }
}
