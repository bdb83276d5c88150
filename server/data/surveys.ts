import type { SurveyAnswers, SurveyDraft, SurveyQuestion, SurveyStatus, SurveyTarget } from '../../shared/protocol/surveys.js'
import type { Q } from '../db/types.js'

/** Surveys, who they went to, and the answers. */

export interface SurveyRow {
  id: number
  schoolId: number
  schoolYearId: number
  title: string
  description: string
  per: 'child' | 'family'
  target: SurveyTarget
  questions: SurveyQuestion[]
  deadline: string
  remindAt: string | null
  status: SurveyStatus
  publishedAt: string | null
  remindedAt: string | null
}

const columns = (q: Q) => q`id, school_id, school_year_id, title, description, per, target, questions, deadline, remind_at, status, published_at, reminded_at`

export async function surveyOf(q: Q, schoolId: number, id: number): Promise<SurveyRow | null> {
  const [row] = await q<SurveyRow[]>`select ${columns(q)} from survey where id = ${id} and school_id = ${schoolId}`
  return row ?? null
}

/** The survey under the school's change lock, for a decision that must not race another. */
export async function surveyForUpdate(q: Q, id: number): Promise<SurveyRow | null> {
  const [row] = await q<SurveyRow[]>`select ${columns(q)} from survey where id = ${id} for update`
  return row ?? null
}

export async function insertSurvey(q: Q, s: { schoolId: number; schoolYearId: number; createdBy: number; createdAt: string; draft: SurveyDraft }): Promise<number> {
  const d = s.draft
  const [row] = await q<{ id: number }[]>`
    insert into survey (school_id, school_year_id, title, description, per, target, questions, deadline, remind_at, created_by, created_at)
    values (${s.schoolId}, ${s.schoolYearId}, ${d.title}, ${d.description}, ${d.per}, ${q.json(d.target as never)}, ${q.json(d.questions as never)},
            ${d.deadline}, ${d.remindAt}, ${s.createdBy}, ${s.createdAt})
    returning id`
  return row!.id
}

export async function updateDraft(q: Q, id: number, d: SurveyDraft): Promise<void> {
  await q`
    update survey set title = ${d.title}, description = ${d.description}, per = ${d.per}, target = ${q.json(d.target as never)},
      questions = ${q.json(d.questions as never)}, deadline = ${d.deadline}, remind_at = ${d.remindAt}
    where id = ${id} and status = 'draft'`
}

export interface TargetPupil {
  pupilId: number
  classId: number
}

/** The pupils a target names in a school year: enrolled now (not left), with their class. */
export async function targetPupils(q: Q, schoolId: number, yearId: number, target: SurveyTarget, today: string): Promise<TargetPupil[]> {
  const filter =
    target.kind === 'grades' ? q`and c.grade = any(${target.grades}::int[])`
    : target.kind === 'classes' ? q`and cm.class_id = any(${target.classIds}::int[])`
    : target.kind === 'pupils' ? q`and cm.pupil_id = any(${target.pupilIds}::int[])`
    : q``
  return q<TargetPupil[]>`
    select cm.pupil_id, cm.class_id
    from class_membership cm
    join school_class c on c.id = cm.class_id
    join pupil p on p.id = cm.pupil_id
    where cm.school_id = ${schoolId} and cm.school_year_id = ${yearId} and (p.left_on is null or p.left_on >= ${today}) ${filter}
    order by cm.pupil_id`
}

/** Guardian links among these pupils, to find which children form one family. */
export async function guardianLinks(q: Q, schoolId: number, pupilIds: readonly number[]): Promise<{ guardianId: number; pupilId: number }[]> {
  return q`select guardian_id, pupil_id from guardian_pupil where school_id = ${schoolId} and pupil_id = any(${pupilIds as number[]}::int[])`
}

export async function insertSurveyPupils(q: Q, surveyId: number, rows: readonly { pupilId: number; classId: number; familyKey: number }[]): Promise<void> {
  // In slices: one statement's parameters are limited (65,535).
  for (let i = 0; i < rows.length; i += 5000) {
    await q`insert into survey_pupil ${q(rows.slice(i, i + 5000).map((r) => ({ surveyId, ...r })), 'surveyId', 'pupilId', 'classId', 'familyKey')}`
  }
}

/** The pupils a published survey went to: their families are told when it changes. */
export async function surveyPupilIds(q: Q, surveyId: number): Promise<number[]> {
  return (await q<{ pupilId: number }[]>`select pupil_id from survey_pupil where survey_id = ${surveyId}`).map((r) => r.pupilId)
}

export async function upsertAnswer(q: Q, a: { surveyId: number; subject: number; guardianId: number; answers: SurveyAnswers; at: string }): Promise<void> {
  await q`
    insert into survey_answer (survey_id, subject, guardian_id, answers, answered_at, first_answered_at)
    values (${a.surveyId}, ${a.subject}, ${a.guardianId}, ${q.json(a.answers as never)}, ${a.at}, ${a.at})
    on conflict (survey_id, subject) do update
      set guardian_id = excluded.guardian_id, answers = excluded.answers, answered_at = excluded.answered_at`
}

/** One pupil of a survey with their class and their (or their family's) answer. */
export interface SurveyPupilAnswer {
  pupilId: number
  familyKey: number
  classId: number
  grade: number
  className: string
  classOrder: number
  number: number
  name: string
  answers: SurveyAnswers | null
  answeredAt: string | null
  answeredBy: string | null
}

/** Every pupil of a survey (or of some classes of it) with the answer that covers them. */
export async function surveyPupilAnswers(q: Q, survey: Pick<SurveyRow, 'id' | 'per' | 'schoolYearId'>, classIds: readonly number[] | null): Promise<SurveyPupilAnswer[]> {
  const subject = survey.per === 'family' ? q`sp.family_key` : q`sp.pupil_id`
  const inClasses = classIds ? q`and sp.class_id = any(${classIds as number[]}::int[])` : q``
  return q<SurveyPupilAnswer[]>`
    select sp.pupil_id, sp.family_key, sp.class_id, c.grade, c.name as class_name, c.sort_order as class_order,
           coalesce(cm.attendance_number, 0) as number, p.family_name || ' ' || p.given_name as name,
           a.answers, a.answered_at, g.family_name || ' ' || g.given_name as answered_by
    from survey_pupil sp
    join school_class c on c.id = sp.class_id
    join pupil p on p.id = sp.pupil_id
    left join class_membership cm on cm.school_year_id = ${survey.schoolYearId} and cm.pupil_id = sp.pupil_id
    left join survey_answer a on a.survey_id = sp.survey_id and a.subject = ${subject}
    left join guardian g on g.id = a.guardian_id
    where sp.survey_id = ${survey.id} ${inClasses}
    order by c.grade, c.sort_order, c.name, cm.attendance_number, sp.pupil_id`
}

/** Guardians' phone numbers of these pupils, for the call list of non-responders. */
export async function phonesOf(q: Q, pupilIds: readonly number[]): Promise<Map<number, string[]>> {
  const rows = await q<{ pupilId: number; phone: string }[]>`
    select gp.pupil_id, g.phone from guardian_pupil gp join guardian g on g.id = gp.guardian_id
    where gp.pupil_id = any(${pupilIds as number[]}::int[]) and g.phone is not null and g.phone <> '' and g.disabled_at is null
    order by gp.pupil_id, g.id`
  const out = new Map<number, string[]>()
  for (const r of rows) out.set(r.pupilId, [...(out.get(r.pupilId) ?? []), r.phone])
  return out
}
