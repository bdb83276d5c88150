import { checkAnswers, problemText } from '../../shared/domain/surveyAnswers.js'
import type { AnswerSurveyRequest, GuardianSurvey, SurveyAnswers } from '../../shared/protocol/surveys.js'
import { guardianMay } from '../auth/guards.js'
import type { GuardianPrincipal, Principal } from '../auth/principal.js'
import { surveyForUpdate, upsertAnswer, type SurveyRow } from '../data/surveys.js'
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { surveyChange } from './build.js'

/** A survey a guardian sees for this long after its deadline, with what they answered. */
const SHOWN_AFTER_DEADLINE_MS = 30 * 86_400_000

/** Whether answers may still be given or changed at `nowMs`. */
export const isOpen = (s: Pick<SurveyRow, 'status' | 'deadline'>, nowMs: number) => s.status === 'open' && Date.parse(s.deadline) > nowMs

interface Line {
  surveyId: number
  schoolName: string
  title: string
  description: string
  per: 'child' | 'family'
  deadline: string
  status: SurveyRow['status']
  questions: GuardianSurvey['questions']
  pupilId: number
  familyKey: number
  name: string
  answers: SurveyAnswers | null
  answeredAt: string | null
  answeredBy: string | null
}

/**
 * A guardian's surveys: for their own children only, open ones first. Per child, one subject
 * per child; per family, one per family, shared with the other guardians and siblings.
 */
export async function guardianSurveys(deps: Deps, who: GuardianPrincipal): Promise<GuardianSurvey[]> {
  if (who.pupilIds.length === 0) return []
  const since = new Date(deps.clock.now() - SHOWN_AFTER_DEADLINE_MS).toISOString()
  const lines = await deps.sql<Line[]>`
    select s.id as survey_id, sc.name as school_name, s.title, s.description, s.per, s.deadline, s.status, s.questions,
           sp.pupil_id, sp.family_key, p.given_name as name,
           a.answers, a.answered_at, g.family_name || ' ' || g.given_name as answered_by
    from survey_pupil sp
    join survey s on s.id = sp.survey_id
    join school sc on sc.id = s.school_id
    join pupil p on p.id = sp.pupil_id
    left join survey_answer a on a.survey_id = s.id and a.subject = case when s.per = 'family' then sp.family_key else sp.pupil_id end
    left join guardian g on g.id = a.guardian_id
    where sp.pupil_id = any(${who.pupilIds}::int[]) and s.status <> 'draft' and s.deadline > ${since}
    order by s.deadline, s.id, sp.family_key, sp.pupil_id`
  const now = deps.clock.now()
  const surveys = new Map<number, GuardianSurvey>()
  const subjects = new Map<string, GuardianSurvey['subjects'][number]>()
  for (const l of lines) {
    let s = surveys.get(l.surveyId)
    if (!s) {
      s = { id: l.surveyId, schoolName: l.schoolName, title: l.title, description: l.description, per: l.per, deadline: l.deadline, open: isOpen(l, now), questions: l.questions, subjects: [] }
      surveys.set(l.surveyId, s)
    }
    const key = `${l.surveyId}:${l.per === 'family' ? l.familyKey : l.pupilId}`
    const same = subjects.get(key)
    if (same) same.names.push(l.name)
    else {
      const subject = { pupilId: l.pupilId, names: [l.name], answers: l.answers, answeredAt: l.answeredAt, answeredBy: l.answeredBy }
      subjects.set(key, subject)
      s.subjects.push(subject)
    }
  }
  return [...surveys.values()].sort((a, b) => Number(b.open) - Number(a.open))
}

/**
 * A guardian answers (or changes their answer) for one of their own children, or per family
 * for the family: one answer per subject, replaced, never doubled. Refused for another
 * family's child, after the deadline or closing, and when an answer does not fit its question.
 */
export async function answerSurvey(deps: Deps, p: Principal | null, surveyId: number, req: AnswerSurveyRequest): Promise<string> {
  const who = guardianMay(p, 'survey.answer', { pupilId: req.pupilId })
  const [place] = await deps.sql<{ schoolId: number }[]>`
    select s.school_id from survey_pupil sp join survey s on s.id = sp.survey_id where sp.survey_id = ${surveyId} and sp.pupil_id = ${req.pupilId}`
  if (!place) throw new AppError('SURVEY_NOT_FOUND')
  const at = new Date(deps.clock.now()).toISOString()
  await surveyChange(deps, place.schoolId, async (tx, change) => {
    // Under the school's change lock: a close or the deadline decided before this answer wins.
    const s = await surveyForUpdate(tx, surveyId)
    if (!s || !isOpen(s, deps.clock.now())) throw new AppError('SURVEY_CLOSED')
    const { clean, problems } = checkAnswers(s.questions, req.answers)
    const ids = Object.keys(problems)
    if (ids.length > 0) throw new AppError('SURVEY_ANSWER_INVALID', undefined, Object.fromEntries(ids.map((id) => [`answers.${id}`, problemText(problems[id]!)])))
    const [sp] = await tx<{ familyKey: number }[]>`select family_key from survey_pupil where survey_id = ${surveyId} and pupil_id = ${req.pupilId}`
    const subject = s.per === 'family' ? sp!.familyKey : req.pupilId
    await upsertAnswer(tx, { surveyId, subject, guardianId: who.guardianId, answers: clean, at })
    // The child's other guardian sees it answered.
    change.families([req.pupilId])
  })
  return at
}
