import type { z } from 'zod'
import { createHash } from 'node:crypto'
import { CreateReportRequest, LIMITS, type ReportReceipt } from '../../shared/protocol/index.js'
import { isSchoolDay, schoolDaysBetween } from '../../shared/domain/calendar.js'
import { datesBetween, daysInclusive, minutesOfTime } from '../../shared/time/schoolTime.js'
import type { GuardianPrincipal } from '../auth/principal.js'
import { linkedPupils } from '../data/guardians.js'
import { LATE_AND_EARLY_LEAVE, suggestedDayMark } from '../../shared/domain/dayReports.js'
import { formatDateJa } from '../../shared/time/format.js'
import {
  activeReason, appendMarks, claimSubmission, codeIdByName, dayClaims, findSubmission, insertReport, pupilDaysWithLiveReports,
  supersedeReports, type MarkRow, type PupilDay,
} from '../data/reports.js'
import { calendarRules, getSchool, schoolYearOn } from '../data/schools.js'
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { runChange } from '../realtime/change.js'
import { receiptFor } from './receipt.js'
import { schoolNow } from './schoolDates.js'

/**
 * A guardian reports 欠席/遅刻/早退 for one or several of their children. Everything is
 * validated before the transaction; the transaction writes the reports, their school days,
 * the suggested marks and the sequenced event, or nothing at all. A pupil-day that already
 * has a report needs the guardian's decision (`mode`): change it, or add to it.
 */
export async function createReports(deps: Deps, who: GuardianPrincipal, cmd: z.output<typeof CreateReportRequest>): Promise<ReportReceipt> {
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
  const { today, time: nowTime } = schoolNow(nowMs)

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
  const publishTimer = deps.metrics?.reportPublishSeconds.startTimer()
  const submissionId = await runChange(deps, school.id, async (tx, change) => {
    const submissionId = await claimSubmission(tx, who.guardianId, idempotencyKey, requestHash, submittedAt)
    if (submissionId === null) {
      change.unchanged() // a concurrent double tap won; replay its receipt below
      return null
    }
    const seq = change.seq
    // Read under the school's sequence lock, so two guardians cannot both miss each other's report.
    const reported = await pupilDaysWithLiveReports(tx, pupils.map((p) => p.pupilId), schoolDays)
    if (reported.length > 0 && !cmd.mode) throw new AppError('REPORT_EXISTS', reportExistsMessage(reported))
    const reportedSet = new Set(reported.map((d) => `${d.pupilId}/${d.date}`))
    const combined = await codeIdByName(tx, school.id, LATE_AND_EARLY_LEAVE)
    const marks: MarkRow[] = []
    for (const p of pupils) {
      const days = daysFor.get(p.pupilId)!
      const reportId = await insertReport(tx, {
        schoolId: school.id, submissionId, guardianId: who.guardianId, pupilId: p.pupilId, kind: cmd.kind,
        fromDate: cmd.fromDate, toDate: cmd.toDate, reasonId: reason.id, symptoms: cmd.symptoms,
        temperature: cmd.temperature, time: cmd.time, message: cmd.message, submittedAt,
      }, days)
      for (const date of days) {
        const day = { pupilId: p.pupilId, date }
        if (cmd.mode === 'replace' && reportedSet.has(`${p.pupilId}/${date}`)) await supersedeReports(tx, reportId, day)
        // Never null: the report just written is one of the day's claims.
        const codeId = suggestedDayMark((await dayClaims(tx, school.id, day)).claims, combined)!
        marks.push({
          schoolId: school.id, seq, ...day, codeId, suggestedCodeId: codeId, source: 'guardian',
          actorStaffId: null, actorGuardianId: who.guardianId, reportId, atTime: cmd.time, note: '', recordedAt: submittedAt,
        })
      }
    }
    await appendMarks(tx, marks)
    change.pupilDays(marks)
    return submissionId
  })
  if (submissionId !== null) {
    // runChange returns once the event is handed to the sockets (or queued behind an earlier change of the school).
    publishTimer?.()
    deps.metrics?.reportsCreated.inc({ kind: cmd.kind }, pupils.length)
  }
  if (submissionId === null) return replay(deps, who, (await findSubmission(deps.sql, who.guardianId, idempotencyKey))!, requestHash)
  return { ...(await receiptFor(deps, who, submissionId, submittedAt)), skippedDays, lateNotice }
}

/** Names the pupil-days that already have a report, so the guardian knows what to decide about. */
function reportExistsMessage(days: (PupilDay & { name: string })[]): string {
  const listed = days.slice(0, 4).map((d) => `${d.name}さんの${formatDateJa(d.date)}`).join('、')
  const more = days.length > 4 ? `ほか${days.length - 4}件` : ''
  return `${listed}${more}はすでに連絡があります。前の連絡を変更するのか、追加の連絡なのかを選んでください。`
}

async function replay(deps: Deps, who: GuardianPrincipal, earlier: { id: number; requestHash: string; createdAt: string }, requestHash: string): Promise<ReportReceipt> {
  if (earlier.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_CONFLICT')
  const receipt = await receiptFor(deps, who, earlier.id, earlier.createdAt)
  const first = receipt.reports[0]
  const skippedDays = first ? datesBetween(first.fromDate, first.toDate).filter((d) => !first.days.includes(d)) : []
  return { ...receipt, skippedDays, lateNotice: null }
}
