import { can, schoolWide } from '../../shared/policy/policy.js'
import { answerText } from '../../shared/domain/surveyAnswers.js'
import type { OptionCounts, SurveyClassResult, SurveyList, SurveyQuestion, SurveyResults } from '../../shared/protocol/surveys.js'
import { DateTime } from 'luxon'
import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import { authorize } from '../auth/guards.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { phonesOf, surveyPupilAnswers, type SurveyPupilAnswer, type SurveyRow } from '../data/surveys.js'
import type { Q } from '../db/types.js'
import { toCsv } from '../register/csv.js'
import { AppError } from '../errors.js'
import { ownSurvey } from './build.js'

/** The classes whose answers this staff member reads: every class for the office, else their homerooms. */
function visibleClasses(who: StaffPrincipal): number[] | null {
  authorize(who, 'survey.results')
  return schoolWide(who, 'survey.results') ? null : who.homeroomClassIds
}

const subjectOf = (s: Pick<SurveyRow, 'per'>, r: Pick<SurveyPupilAnswer, 'pupilId' | 'familyKey'>) => (s.per === 'family' ? r.familyKey : r.pupilId)

/** How many subjects (children or families) chose each option of each choice question. */
function countOptions(questions: readonly SurveyQuestion[], answers: readonly SurveyPupilAnswer['answers'][]): OptionCounts {
  const counts: OptionCounts = {}
  for (const q of questions) {
    if (q.kind !== 'single' && q.kind !== 'multiple') continue
    const c = q.options.map(() => 0)
    for (const a of answers) {
      const v = a?.[q.id]
      for (const i of Array.isArray(v) ? v : typeof v === 'number' ? [v] : []) if (i >= 0 && i < c.length) c[i]!++
    }
    counts[q.id] = c
  }
  return counts
}

/** Answered and expected over rows, each subject (a child, or a family) once. */
function tally(s: Pick<SurveyRow, 'per' | 'questions'>, rows: readonly SurveyPupilAnswer[]) {
  const bySubject = new Map<number, SurveyPupilAnswer>()
  for (const r of rows) if (!bySubject.has(subjectOf(s, r))) bySubject.set(subjectOf(s, r), r)
  const answered = [...bySubject.values()].filter((r) => r.answers !== null)
  return { expected: bySubject.size, answered: answered.length, counts: countOptions(s.questions, answered.map((r) => r.answers)) }
}

/** A survey's results per class and in total, with each pupil's answer or none (the non-responders). */
export async function surveyResults(q: Q, who: StaffPrincipal, id: number): Promise<SurveyResults> {
  const classes = visibleClasses(who)
  const s = await ownSurvey(q, who, id)
  const rows = s.status === 'draft' ? [] : await surveyPupilAnswers(q, s, classes)
  // A homeroom teacher reads the surveys of their own classes only (and no drafts).
  if (classes !== null && rows.length === 0) throw new AppError('FORBIDDEN')
  const phones = await phonesOf(q, rows.filter((r) => r.answers === null).map((r) => r.pupilId))
  const byClass = new Map<number, SurveyPupilAnswer[]>()
  for (const r of rows) byClass.set(r.classId, [...(byClass.get(r.classId) ?? []), r])
  const classResults: SurveyClassResult[] = [...byClass.values()].map((list) => ({
    classId: list[0]!.classId,
    label: `${list[0]!.grade}年${list[0]!.className}`,
    ...tally(s, list),
    rows: list.map((r) => ({ pupilId: r.pupilId, number: r.number, name: r.name, answers: r.answers, answeredAt: r.answeredAt, answeredBy: r.answeredBy, phones: phones.get(r.pupilId) ?? [] })),
  }))
  return {
    ok: true, id: s.id, title: s.title, status: s.status, per: s.per, deadline: s.deadline, questions: s.questions,
    classes: classResults, total: tally(s, rows), canRemind: can(who, 'survey.remind', { schoolId: who.schoolId }) && s.status === 'open', remindedAt: s.remindedAt,
  }
}

/** The staff's list: each survey with how many have answered (in the classes this person reads). */
export async function surveyList(q: Q, who: StaffPrincipal): Promise<SurveyList> {
  const classes = visibleClasses(who)
  const canBuild = can(who, 'survey.build', { schoolId: who.schoolId })
  const surveys = await q<(Pick<SurveyRow, 'id' | 'title' | 'status' | 'per' | 'deadline' | 'publishedAt'> & { expected: number; answered: number })[]>`
    select s.id, s.title, s.status, s.per, s.deadline, s.published_at,
      (select count(distinct case when s.per = 'family' then sp.family_key else sp.pupil_id end)::int from survey_pupil sp
        where sp.survey_id = s.id and (${classes === null} or sp.class_id = any(${classes ?? []}::int[]))) as expected,
      (select count(distinct a.subject)::int from survey_pupil sp
        join survey_answer a on a.survey_id = s.id and a.subject = case when s.per = 'family' then sp.family_key else sp.pupil_id end
        where sp.survey_id = s.id and (${classes === null} or sp.class_id = any(${classes ?? []}::int[]))) as answered
    from survey s
    where s.school_id = ${who.schoolId} and (s.status <> 'draft' or ${canBuild})
      and (${classes === null} or exists (select 1 from survey_pupil sp where sp.survey_id = s.id and sp.class_id = any(${classes ?? []}::int[])))
    order by (s.status = 'open') desc, s.deadline desc, s.id desc
    limit 200`
  return { ok: true, canBuild, surveys }
}

/** The results as CSV: one line per pupil with the class, the answers as read, who answered and when. */
export async function surveyCsv(q: Q, who: StaffPrincipal, id: number): Promise<{ title: string; text: string }> {
  const r = await surveyResults(q, who, id)
  const header = ['学年', '組', '出席番号', '児童名', '回答', '回答日時', '回答者', ...r.questions.map((x) => x.label)]
  const lines = r.classes.flatMap((c) => {
    const [grade, name] = [c.label.slice(0, c.label.indexOf('年')), c.label.slice(c.label.indexOf('年') + 1)]
    return c.rows.map((row) => [
      grade, name, row.number, row.name, row.answers ? '回答済' : '未回答',
      row.answeredAt ? DateTime.fromISO(row.answeredAt).setZone(SCHOOL_ZONE).toFormat('yyyy-MM-dd HH:mm') : '', row.answeredBy ?? '',
      ...r.questions.map((x) => answerText(x, row.answers?.[x.id])),
    ])
  })
  return { title: r.title, text: toCsv([header, ...lines]) }
}
