import { createHash } from 'node:crypto'
import { appendMarks, type MarkRow } from '../data/reports.js'
import type { Q } from '../db/types.js'
import type { PlannedSubmission } from './demoHistory.js'

/** Multi-row inserts in slices: one statement per few hundred rows keeps PGlite's messages small. */
export function chunks<T>(rows: readonly T[], size = 500): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

/**
 * Stores planned guardian reports the way createReports does (submission, report, its school
 * days, the suggested mark in the register, acknowledgements), in bulk. All marks share the
 * one sequence number the seed took, since the whole seed is one committed change; nothing
 * is published because no page can have seen an earlier state of a new school.
 */
export async function writeHistory(tx: Q, schoolId: number, seq: number, submissions: PlannedSubmission[]): Promise<{ reports: number; marks: number }> {
  const reasons = new Map(
    (await tx<{ id: number; label: string; suggestedCodeId: number }[]>`
      select id, label, suggested_code_id from school_reason where school_id = ${schoolId}`).map((r) => [r.label, r]),
  )
  const codes = new Map((await tx<{ id: number; code: string }[]>`select id, code from attendance_code where school_id = ${schoolId}`).map((c) => [c.code, c.id]))
  const reasonOf = (label: string) => reasons.get(label) ?? fail(`demo reason ${label} missing`)
  const codeOf = (code: string) => codes.get(code) ?? fail(`attendance code ${code} missing`)

  // Keys in submission order; the hash only has to be stable (a seeded key is never replayed).
  const keyed = submissions.map((s, i) => ({ ...s, key: `demo-seed-${String(i + 1).padStart(6, '0')}` }))
  const submissionIds = new Map<string, number>()
  for (const part of chunks(keyed)) {
    const rows = part.map((s) => ({ guardianId: s.guardianId, idempotencyKey: s.key, requestHash: sha256(s.key), createdAt: s.submittedAt }))
    for (const r of await tx<{ id: number; idempotencyKey: string }[]>`insert into guardian_submission ${tx(rows)} returning id, idempotency_key`) {
      submissionIds.set(r.idempotencyKey, r.id)
    }
  }

  const reports = keyed.flatMap((s) => s.reports.map((r) => ({ ...r, submissionId: submissionIds.get(s.key)!, guardianId: s.guardianId, submittedAt: s.submittedAt })))
  // One report per pupil per submission, so (submission, pupil) finds each report's new id.
  const reportIds = new Map<string, number>()
  for (const part of chunks(reports)) {
    const rows = part.map((r) => ({
      schoolId, submissionId: r.submissionId, guardianId: r.guardianId, pupilId: r.pupilId, kind: r.kind,
      fromDate: r.days[0]!, toDate: r.days.at(-1)!, reasonId: reasonOf(r.reason).id, symptoms: r.symptoms,
      temperature: r.temperature, expectedTime: r.time, message: r.message, submittedAt: r.submittedAt,
    }))
    for (const r of await tx<{ id: number; submissionId: number; pupilId: number }[]>`insert into guardian_report ${tx(rows)} returning id, submission_id, pupil_id`) {
      reportIds.set(`${r.submissionId}:${r.pupilId}`, r.id)
    }
  }

  const days: { schoolId: number; reportId: number; pupilId: number; date: string }[] = []
  const marks: MarkRow[] = []
  const acks: { reportId: number; schoolId: number; staffId: number; acknowledgedAt: string }[] = []
  for (const r of reports) {
    const reportId = reportIds.get(`${r.submissionId}:${r.pupilId}`)!
    const codeId = r.kind === 'absent' ? reasonOf(r.reason).suggestedCodeId : codeOf(r.kind)
    for (const date of r.days) {
      days.push({ schoolId, reportId, pupilId: r.pupilId, date })
      marks.push({
        schoolId, seq, pupilId: r.pupilId, date, codeId, suggestedCodeId: codeId, source: 'guardian', actorStaffId: null,
        actorGuardianId: r.guardianId, reportId, atTime: r.time, note: '', recordedAt: r.submittedAt,
      })
    }
    if (r.ack) acks.push({ reportId, schoolId, staffId: r.ack.staffId, acknowledgedAt: r.ack.at })
  }
  for (const part of chunks(days)) await tx`insert into guardian_report_day ${tx(part)}`
  for (const part of chunks(marks)) await appendMarks(tx, part)
  for (const part of chunks(acks)) await tx`insert into report_acknowledgement ${tx(part)}`
  return { reports: reports.length, marks: marks.length }
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex')
}

function fail(message: string): never {
  throw new Error(message)
}
