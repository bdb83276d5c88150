import { createHash } from 'node:crypto'
import type { RosterAnswers, RosterApplied, RosterMapping, RosterPreview } from '../../shared/protocol/index.js'
import { getSchool } from '../data/schools.js'
import type { Q } from '../db/types.js'
import { AppError } from '../errors.js'
import { runChange, type ChangeDeps } from '../realtime/change.js'
import { schoolNow } from '../reports/schoolDates.js'
import { createClass } from '../data/schoolSetup.js'
import { findYear, loadRosterContext, type Year } from './context.js'
import { decodeRoster } from './decode.js'
import { parseRoster } from './parse.js'
import { planRoster, type RosterMode, type RosterPlan } from './plan.js'

export interface RosterRequest {
  schoolId: number
  bytes: Uint8Array
  yearId?: number
  createClasses: boolean
  mapping: RosterMapping | null
  /** Omitted: the mode the plan suggests for this file. */
  mode?: RosterMode
  answers?: RosterAnswers | null
  now: number
}

const fullName = (f: string, g: string) => `${f} ${g}`

async function prepare(q: Q, r: RosterRequest) {
  const { today } = schoolNow(r.now)
  const year = await findYear(q, r.schoolId, today, r.yearId)
  if (!year) throw new AppError('YEAR_NOT_FOUND')
  if (year.endsOn < today) throw new AppError('YEAR_IN_PAST')
  const decoded = decodeRoster(r.bytes)
  const ctx = await loadRosterContext(q, r.schoolId, year)
  const parsed = parseRoster(decoded.text, r.mapping, ctx.remembered, decoded.badLines)
  const plan = planRoster(ctx, parsed.rows, { createClasses: r.createClasses, today, mode: r.mode, answers: r.answers })
  const problems = [...parsed.problems, ...plan.problems].sort((a, b) => a.line - b.line)
  // The digest names exactly what the admin saw: file, mapping, year, options and the plan's outcome.
  const digest = createHash('sha256')
    .update(r.bytes)
    .update(JSON.stringify([parsed.mapping, year.id, r.createClasses, plan.mode, plan.questions, plan.add.length, plan.update.map((u) => u.pupil.id), plan.leaving.map((l) => l.pupil.id)]))
    .digest('base64url')
    .slice(0, 22)
  return { decoded, parsed, plan, problems, year, digest, ctx }
}

/** Reads the file and reports what applying it would do, every problem by line; writes nothing. */
export async function previewRoster(q: Q, r: RosterRequest): Promise<RosterPreview> {
  const { decoded, parsed, plan, problems, year, digest } = await prepare(q, r)
  const label = (row: { grade: number; className: string; number: number; familyName: string; givenName: string }) =>
    `${row.grade}年${row.className} ${row.number}番 ${fullName(row.familyName, row.givenName)}`
  return {
    ok: true,
    encoding: decoded.encoding,
    headers: parsed.headers,
    mapping: parsed.mapping,
    yearId: year.id,
    fiscalYear: year.fiscalYear,
    mode: plan.mode,
    suggestedMode: plan.suggestedMode,
    rows: parsed.rows.length,
    questions: plan.questions,
    problems,
    added: plan.add.map(label),
    moved: plan.update.filter((u) => u.moved).map((u) => label(u.row)),
    updated: plan.update.filter((u) => !u.moved).map((u) => label(u.row)),
    unchanged: plan.unchanged,
    leaving: plan.leaving.map((l) => ({ name: fullName(l.pupil.familyName, l.pupil.givenName), reason: l.reason })),
    newClasses: plan.newClasses.map((k) => k.replace('|', '年')),
    digest,
  }
}

/**
 * Applies the file in one transaction: all of it or none of it. Refuses a file with problems,
 * and (when the preview's digest is given) a file or database that changed since the preview.
 */
export async function applyRoster(deps: ChangeDeps, r: RosterRequest, expectDigest?: string): Promise<RosterApplied> {
  // One import per school at a time: the change's lock on the school makes the second wait and then see the first one's result.
  return runChange(deps, r.schoolId, async (tx, change) => {
    change.school('roster')
    const { plan, problems, year, digest, ctx, parsed } = await prepare(tx, r)
    if (problems.length) {
      throw new AppError('ROSTER_INVALID', undefined, Object.fromEntries(problems.slice(0, 50).map((p, i) => [`${p.line}行目#${i}`, p.message])))
    }
    if (expectDigest && expectDigest !== digest) throw new AppError('ROSTER_CHANGED')
    const open = plan.questions.filter((q) => q.answer === null)
    if (open.length) throw new AppError('ROSTER_UNANSWERED', undefined, Object.fromEntries(open.slice(0, 50).map((q) => [`${q.line}行目`, q.row])))
    const classes = await createMissingClasses(tx, r.schoolId, year, plan, ctx.classes)
    await writePlan(tx, r.schoolId, year, plan, classes)
    if (JSON.stringify(ctx.remembered) !== JSON.stringify(parsed.mapping)) {
      await tx`insert into roster_mapping (school_id, mapping) values (${r.schoolId}, ${tx.json(parsed.mapping as never)})
        on conflict (school_id) do update set mapping = excluded.mapping, updated_at = now()`
    }
    return {
      ok: true as const,
      added: plan.add.length,
      moved: plan.update.filter((u) => u.moved).length,
      updated: plan.update.filter((u) => !u.moved).length,
      unchanged: plan.unchanged,
      left: plan.leaving.length,
      classesCreated: plan.newClasses.length,
    }
  })
}

async function createMissingClasses(tx: Q, schoolId: number, year: Year, plan: RosterPlan, classes: Map<string, number>): Promise<Map<string, number>> {
  const out = new Map(classes)
  for (const key of plan.newClasses) {
    const [grade, name] = key.split('|') as [string, string]
    const digits = /\d+/.exec(name)
    out.set(key, await createClass(tx, { schoolId, schoolYearId: year.id, grade: Number(grade), name, sortOrder: Number(grade) * 100 + (digits ? Number(digits[0]) : 50) }))
  }
  return out
}

async function writePlan(tx: Q, schoolId: number, year: Year, plan: RosterPlan, classes: Map<string, number>): Promise<void> {
  const classOf = (row: { grade: number; className: string }) => classes.get(`${row.grade}|${row.className}`)!
  // Free every seat that changes hands before taking any, so swapped numbers never collide.
  const freed = [...plan.update.filter((u) => u.moved && u.pupil.current).map((u) => u.pupil.id), ...plan.leaving.filter((l) => l.dropMembership).map((l) => l.pupil.id)]
  if (freed.length) await tx`delete from class_membership where school_year_id = ${year.id} and pupil_id in ${tx(freed)}`
  for (const u of plan.update) {
    if (u.changed) {
      // A column the file does not have leaves what the school holds.
      await tx`update pupil set family_name = ${u.row.familyName}, given_name = ${u.row.givenName}, family_kana = coalesce(${u.row.familyKana}, family_kana),
        given_kana = coalesce(${u.row.givenKana}, given_kana), guardian_name = coalesce(${u.row.guardianName}, guardian_name), external_id = coalesce(${u.row.externalId}, external_id),
        left_on = null, left_reason = null
        where id = ${u.pupil.id} and school_id = ${schoolId}`
    }
    if (u.moved) {
      await tx`insert into class_membership (school_id, school_year_id, pupil_id, class_id, attendance_number)
        values (${schoolId}, ${year.id}, ${u.pupil.id}, ${classOf(u.row)}, ${u.row.number})`
    }
  }
  for (const row of plan.add) {
    const [p] = await tx<{ id: number }[]>`
      insert into pupil (school_id, family_name, given_name, family_kana, given_kana, guardian_name, external_id, enrolled_on)
      values (${schoolId}, ${row.familyName}, ${row.givenName}, ${row.familyKana ?? ''}, ${row.givenKana ?? ''}, ${row.guardianName ?? ''}, ${row.externalId}, ${row.enrolledOn ?? plan.enrolledOn})
      returning id`
    await tx`insert into class_membership (school_id, school_year_id, pupil_id, class_id, attendance_number)
      values (${schoolId}, ${year.id}, ${p!.id}, ${classOf(row)}, ${row.number})`
  }
  for (const l of plan.leaving) {
    await tx`update pupil set left_on = ${plan.leftOn}, left_reason = ${l.reason} where id = ${l.pupil.id} and school_id = ${schoolId}`
  }
}
