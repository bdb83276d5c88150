import type { z } from 'zod'
import { createHash } from 'node:crypto'
import { CreateReportRequest, LIMITS, SchoolSettings, type ReportReceipt } from '../../shared/protocol/index.js'
import { isSchoolDay, schoolDaysBetween } from '../../shared/domain/calendar.js'
import { datesBetween, daysInclusive, minutesOfTime } from '../../shared/time/schoolTime.js'
import type { GuardianPrincipal } from '../auth/principal.js'
import { LATE_AND_EARLY_LEAVE, suggestedDayMark } from '../../shared/domain/dayReports.js'
import { formatDateJa } from '../../shared/time/format.js'
import { claimsOf, readAgainUnderLock, findSubmission, startReport, writeReport, type PupilDay, type ReportStart } from '../data/reports.js'
import { rulesFrom } from '../data/schools.js'
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { runChangeFrom } from '../realtime/change.js'
import { receiptFor, receiptNo, withWithdrawFlags } from './receipt.js'
import { schoolNow } from './schoolDates.js'

/**
 * A guardian reports 欠席/遅刻/早退 for one or several of their children. The change's first
 * statement takes the school's number and reads everything the report is checked against (the
 * children, the school, its year and calendar, the reason, the codes and the days' live claims);
 * one more statement writes the reports, their school days, what they replace and the suggested
 * marks; the event's entries are one more; the receipt is built from what the transaction has.
 * A refusal rolls the change back. A pupil-day that already has a report needs the guardian's
 * decision (`mode`): change it, or add to it.
 */
export async function createReports(deps: Deps, who: GuardianPrincipal, cmd: z.output<typeof CreateReportRequest>): Promise<ReportReceipt> {
  const { idempotencyKey, ...content } = cmd
  const requestHash = createHash('sha256').update(JSON.stringify({ ...content, pupilIds: [...content.pupilIds].sort((a, b) => a - b) })).digest('hex')
  const wanted = [...new Set(cmd.pupilIds)]
  if (!wanted.every((id) => who.pupilIds.includes(id))) {
    // Not one of this guardian's children (as of the session's principal): no school to lock.
    const earlier = await findSubmission(deps.sql, who.guardianId, idempotencyKey)
    if (earlier) return replay(deps, who, earlier, requestHash)
    throw new AppError('PUPIL_NOT_FOUND')
  }
  const nowMs = deps.clock.now()
  const { today, time: nowTime } = schoolNow(nowMs)
  const submittedAt = new Date(nowMs).toISOString()
  const publishTimer = deps.metrics?.reportPublishSeconds.startTimer()

  const outcome = await runChangeFrom(deps, async (tx) => {
    const started = await startReport(tx, { guardianId: who.guardianId, pupilIds: wanted, idempotencyKey, reasonId: cmd.reasonId, fromDate: cmd.fromDate, toDate: cmd.toDate })
    if (!started) throw new AppError('PUPIL_NOT_FOUND')
    return started
  }, async (tx, change, started): Promise<{ replay: NonNullable<ReportStart['earlier']> } | { receipt: ReportReceipt }> => {
    // The key and the claims were read beside the lock; if a change committed while the lock was awaited
    // (a double tap's twin, say), they are read again under it, before any check the twin already passed.
    const claims = started.seq === started.seenSeq + 1 ? started
      : await readAgainUnderLock(tx, { schoolId: started.school.id, guardianId: who.guardianId, idempotencyKey, pupilIds: wanted, from: cmd.fromDate, to: cmd.toDate })
    if (claims.earlier) {
      change.unchanged()
      return { replay: claims.earlier }
    }
    const { pupils } = started
    if (pupils.length !== wanted.length) throw new AppError('PUPIL_NOT_FOUND')
    if (new Set(pupils.map((p) => p.schoolId)).size !== 1) throw new AppError('ONE_SCHOOL_PER_REPORT')
    const school = { id: started.school.id, name: started.school.name, settings: SchoolSettings.parse(started.school.settings ?? {}) }

    if (cmd.fromDate < today) throw new AppError('DATE_IN_PAST')
    if (daysInclusive(cmd.fromDate, cmd.toDate) > LIMITS.rangeDays) throw new AppError('RANGE_TOO_LONG')
    const year = started.year
    if (!year || cmd.toDate > year.endsOn) throw new AppError('DATE_OUTSIDE_SCHOOL_YEAR')

    let lateNotice: string | null = null
    if (cmd.fromDate === today && minutesOfTime(nowTime) > minutesOfTime(school.settings.sameDayCutoff)) {
      if (!school.settings.acceptLateReports) throw new AppError('CUTOFF_PASSED', school.settings.cutoffMessage || undefined)
      lateNotice = school.settings.cutoffMessage || `受付時刻(${school.settings.sameDayCutoff})を過ぎての連絡です。急ぎの場合は学校へお電話ください。`
    }

    const rules = rulesFrom(started.calendar, year.startsOn, cmd.toDate)
    if (cmd.fromDate === cmd.toDate && !isSchoolDay(cmd.fromDate, rules)) throw new AppError('NOT_A_SCHOOL_DAY')
    const schoolDays = schoolDaysBetween(cmd.fromDate, cmd.toDate, rules)
    if (schoolDays.length === 0) throw new AppError('NO_SCHOOL_DAYS_IN_RANGE')
    const skippedDays = datesBetween(cmd.fromDate, cmd.toDate).filter((d) => !schoolDays.includes(d))

    const daysFor = new Map(pupils.map((p) => [p.pupilId, schoolDays.filter((d) => d >= p.enrolledOn && (!p.leftOn || d <= p.leftOn))]))
    if ([...daysFor.values()].some((days) => days.length === 0)) throw new AppError('NOT_ENROLLED')

    const reason = started.reason
    if (!reason) throw new AppError('REASON_NOT_FOUND')

    const key = (d: PupilDay) => `${d.pupilId}/${d.date}`
    const asked = new Set(pupils.flatMap((p) => daysFor.get(p.pupilId)!.map((date) => key({ pupilId: p.pupilId, date }))))
    const live = claims.reportClaims.filter((c) => asked.has(key(c)))
    const reported = [...new Map(live.map((c) => [key(c), { pupilId: c.pupilId, date: c.date, name: c.name }])).values()]
      .sort((a, b) => a.date.localeCompare(b.date) || a.pupilId - b.pupilId)
    if (reported.length > 0 && !cmd.mode) throw new AppError('REPORT_EXISTS', reportExistsMessage(reported))
    const reportedSet = new Set(reported.map(key))

    const combined = started.codes[LATE_AND_EARLY_LEAVE]
    if (combined === undefined) throw new Error(`attendance code ${LATE_AND_EARLY_LEAVE} missing for school ${school.id}`)
    const ownCode = cmd.kind === 'absent' ? reason.suggestedCodeId : started.codes[cmd.kind]!
    const replaces: PupilDay[] = []
    const marks: { pupilId: number; date: string; codeId: number }[] = []
    for (const p of pupils) {
      for (const date of daysFor.get(p.pupilId)!) {
        const day = { pupilId: p.pupilId, date }
        const replacing = cmd.mode === 'replace' && reportedSet.has(key(day))
        if (replacing) replaces.push(day)
        // This report is the day's newest claim; the ones it replaces no longer count.
        const earlierReports = replacing ? [] : live.filter((c) => key(c) === key(day))
        const staff = claims.staffClaims.find((c) => key(c) === key(day))
        const own = { id: Number.MAX_SAFE_INTEGER, kind: cmd.kind, time: null, codeId: ownCode, submittedAt }
        // Never null: the report being written is one of the day's claims.
        marks.push({ ...day, codeId: suggestedDayMark(claimsOf([own, ...earlierReports], staff).claims, combined)! })
      }
    }
    const written = await writeReport(tx, {
      schoolId: school.id, seq: change.seq, guardianId: who.guardianId, idempotencyKey, requestHash, kind: cmd.kind,
      fromDate: cmd.fromDate, toDate: cmd.toDate, reasonId: reason.id, symptoms: cmd.symptoms, temperature: cmd.temperature,
      time: cmd.time, message: cmd.message, submittedAt,
      days: pupils.flatMap((p) => daysFor.get(p.pupilId)!.map((date) => ({ pupilId: p.pupilId, date }))), replaces, marks,
    })
    if (written.length === 0) {
      change.unchanged() // a concurrent double tap won; replay its receipt below
      return { replay: { id: 0, requestHash, createdAt: submittedAt } }
    }
    change.knows({ school, seq: change.seq, year, calendarFrom: year.startsOn, calendarTo: cmd.toDate, calendar: rules, digest: '' })
    change.pupilDays(marks)
    const names = new Map(pupils.map((p) => [p.pupilId, p.name]))
    const submissionId = written[0]!.submissionId
    // The receipt from what this transaction wrote: the same rows the report list shows (guardianReports).
    const rows = written.map((r) => ({
      id: r.id, receiptNo: receiptNo(submissionId), schoolId: school.id, pupilId: r.pupilId, pupilName: names.get(r.pupilId)!, kind: cmd.kind,
      fromDate: cmd.fromDate, toDate: cmd.toDate, days: daysFor.get(r.pupilId)!, reasonLabel: reason.label, symptoms: r.symptoms,
      temperature: r.temperature, time: r.time, message: cmd.message, submittedAt: r.submittedAt, withdrawnAt: null,
      replacedDays: [], acknowledged: false,
    }))
    return { receipt: { ok: true, receiptNo: receiptNo(submissionId), submittedAt, reports: withWithdrawFlags(nowMs, rows), skippedDays, lateNotice } }
  })
  if ('receipt' in outcome) {
    // runChange returns once the event is handed to the sockets (or queued behind an earlier change of the school).
    publishTimer?.()
    deps.metrics?.reportsCreated.inc({ kind: cmd.kind }, outcome.receipt.reports.length)
    return outcome.receipt
  }
  // An earlier request with this key, or a concurrent double tap that won the key: its receipt.
  const earlier = outcome.replay.id !== 0 ? outcome.replay : await findSubmission(deps.sql, who.guardianId, idempotencyKey)
  return replay(deps, who, earlier!, requestHash)
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
