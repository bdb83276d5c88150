import type { SurveyDraft, SurveyTarget, SurveyTargets } from '../../shared/protocol/surveys.js'
import { authorize } from '../auth/guards.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { guardianLinks, insertSurvey, insertSurveyPupils, surveyForUpdate, surveyOf, surveyPupilIds, targetPupils, updateDraft, type SurveyRow } from '../data/surveys.js'
import { schoolYearOn } from '../data/schools.js'
import type { Q } from '../db/types.js'
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { runChange, type ChangeScope } from '../realtime/change.js'
import { schoolNow } from '../reports/schoolDates.js'
import { familyKeys } from './families.js'

/** The school year of today: surveys go to this year's classes. */
async function currentYear(q: Q, schoolId: number, nowMs: number) {
  const today = schoolNow(nowMs).today
  const year = await schoolYearOn(q, schoolId, today)
  if (!year) throw new AppError('YEAR_NOT_FOUND')
  return { year, today }
}

/** A target naming classes or pupils names only this school's, this year's. */
async function checkTarget(q: Q, schoolId: number, yearId: number, target: SurveyTarget, today: string): Promise<void> {
  if (target.kind !== 'classes' && target.kind !== 'pupils') return
  const found = await targetPupils(q, schoolId, yearId, target, today)
  if (target.kind === 'classes') {
    const rows = await q<{ id: number }[]>`select id from school_class where id = any(${target.classIds}::int[]) and school_id = ${schoolId} and school_year_id = ${yearId}`
    if (rows.length !== new Set(target.classIds).size) throw new AppError('CLASS_NOT_FOUND')
  } else if (found.length !== new Set(target.pupilIds).size) throw new AppError('PUPIL_NOT_FOUND')
}

/** A survey of this staff member's school, or SURVEY_NOT_FOUND (also for another school's). */
export async function ownSurvey(q: Q, who: StaffPrincipal, id: number): Promise<SurveyRow> {
  const s = await surveyOf(q, who.schoolId, id)
  if (!s) throw new AppError('SURVEY_NOT_FOUND')
  return s
}

/** A survey write, published as a change of the school's surveys (pages showing them reload). */
export function surveyChange<T>(deps: Deps, schoolId: number, write: (tx: Q, change: ChangeScope) => Promise<T>): Promise<T> {
  return runChange(deps, schoolId, async (tx, change) => {
    const result = await write(tx, change)
    change.school('surveys')
    return result
  })
}

export async function createSurvey(deps: Deps, who: StaffPrincipal, draft: SurveyDraft): Promise<number> {
  authorize(who, 'survey.build', { schoolId: who.schoolId })
  const { year, today } = await currentYear(deps.sql, who.schoolId, deps.clock.now())
  await checkTarget(deps.sql, who.schoolId, year.id, draft.target, today)
  const createdAt = new Date(deps.clock.now()).toISOString()
  return surveyChange(deps, who.schoolId, (tx) => insertSurvey(tx, { schoolId: who.schoolId, schoolYearId: year.id, createdBy: who.staffId, createdAt, draft }))
}

export async function updateSurvey(deps: Deps, who: StaffPrincipal, id: number, draft: SurveyDraft): Promise<void> {
  authorize(who, 'survey.build', { schoolId: who.schoolId })
  const s = await ownSurvey(deps.sql, who, id)
  await checkTarget(deps.sql, who.schoolId, s.schoolYearId, draft.target, schoolNow(deps.clock.now()).today)
  await surveyChange(deps, who.schoolId, async (tx) => {
    const locked = await surveyForUpdate(tx, id)
    if (locked?.status !== 'draft') throw new AppError('SURVEY_PUBLISHED')
    await updateDraft(tx, id, draft)
  })
}

/** Drafts only: a published survey is the families' answers' record and stays. */
export async function removeSurvey(deps: Deps, who: StaffPrincipal, id: number): Promise<void> {
  authorize(who, 'survey.build', { schoolId: who.schoolId })
  await ownSurvey(deps.sql, who, id)
  await surveyChange(deps, who.schoolId, async (tx) => {
    const locked = await surveyForUpdate(tx, id)
    if (!locked) throw new AppError('SURVEY_NOT_FOUND')
    if (locked.status !== 'draft') throw new AppError('SURVEY_PUBLISHED')
    await tx`delete from survey where id = ${id}`
  })
}

/**
 * Publishing fixes who the survey goes to (the target's pupils today, each with their class
 * and family) and opens it for answers until the deadline.
 */
export async function publishSurvey(deps: Deps, who: StaffPrincipal, id: number): Promise<void> {
  authorize(who, 'survey.build', { schoolId: who.schoolId })
  await ownSurvey(deps.sql, who, id)
  const nowMs = deps.clock.now()
  const today = schoolNow(nowMs).today
  await surveyChange(deps, who.schoolId, async (tx, change) => {
    const s = await surveyForUpdate(tx, id)
    if (!s) throw new AppError('SURVEY_NOT_FOUND')
    if (s.status !== 'draft') throw new AppError('SURVEY_NOT_OPEN', 'このアンケートはすでに公開されています。')
    if (Date.parse(s.deadline) <= nowMs) throw new AppError('SURVEY_DEADLINE_PASSED')
    const pupils = await targetPupils(tx, who.schoolId, s.schoolYearId, s.target, today)
    if (pupils.length === 0) throw new AppError('SURVEY_NO_PUPILS')
    const keys = familyKeys(pupils.map((p) => p.pupilId), await guardianLinks(tx, who.schoolId, pupils.map((p) => p.pupilId)))
    await insertSurveyPupils(tx, id, pupils.map((p) => ({ ...p, familyKey: keys.get(p.pupilId)! })))
    await tx`update survey set status = 'open', published_at = ${new Date(nowMs).toISOString()} where id = ${id}`
    change.families(pupils.map((p) => p.pupilId))
  })
}

/** Closing before the deadline: no more answers or changes; the results stay. */
export async function closeSurvey(deps: Deps, who: StaffPrincipal, id: number): Promise<void> {
  authorize(who, 'survey.build', { schoolId: who.schoolId })
  await ownSurvey(deps.sql, who, id)
  await surveyChange(deps, who.schoolId, async (tx, change) => {
    const s = await surveyForUpdate(tx, id)
    if (!s || s.status === 'draft') throw new AppError('SURVEY_NOT_OPEN')
    if (s.status === 'closed') return change.unchanged()
    await tx`update survey set status = 'closed', closed_at = ${new Date(deps.clock.now()).toISOString()} where id = ${id}`
    change.families(await surveyPupilIds(tx, id))
  })
}

/** The builder's choices: this year's classes with their pupils. */
export async function surveyTargets(deps: Deps, who: StaffPrincipal): Promise<SurveyTargets> {
  authorize(who, 'survey.build', { schoolId: who.schoolId })
  const { year, today } = await currentYear(deps.sql, who.schoolId, deps.clock.now())
  const classes = await deps.sql<{ id: number; grade: number; name: string }[]>`
    select id, grade, name from school_class where school_id = ${who.schoolId} and school_year_id = ${year.id} order by grade, sort_order, name`
  const pupils = await deps.sql<{ id: number; classId: number; number: number; name: string }[]>`
    select p.id, cm.class_id, cm.attendance_number as number, p.family_name || ' ' || p.given_name as name
    from class_membership cm join pupil p on p.id = cm.pupil_id
    where cm.school_id = ${who.schoolId} and cm.school_year_id = ${year.id} and (p.left_on is null or p.left_on >= ${today})
    order by cm.attendance_number`
  return {
    ok: true,
    classes: classes.map((c) => ({ ...c, pupils: pupils.filter((p) => p.classId === c.id).map(({ id, number, name }) => ({ id, number, name })) })),
  }
}
