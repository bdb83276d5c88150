import { z } from 'zod'
import { Id, Instant, isSafeText, shortText, UNSAFE_TEXT_MESSAGE } from './primitives.js'

/**
 * アンケート: a survey staff build from questions, send to the families of a school, grades,
 * classes or chosen pupils, and read live. The questions are frozen when the survey is
 * published, so an answer always means what the guardian saw.
 */
export const SURVEY_LIMITS = {
  title: 60,
  description: 1000,
  questions: 20,
  questionLabel: 200,
  options: 10,
  optionLabel: 40,
  /** The longest a short-text question may allow. */
  textMax: 500,
  numberMin: -1_000_000,
  numberMax: 1_000_000,
  pupils: 2000,
} as const

const longText = (max: number) => z.string().max(max).transform((s) => s.trim()).pipe(z.string().refine(isSafeText, UNSAFE_TEXT_MESSAGE))
const required = (max: number) => shortText(max).pipe(z.string().min(1, '入力してください'))

/** A question's key inside its survey; answers are keyed by it. */
export const QuestionId = z.string().regex(/^[a-z0-9]{1,12}$/, '設問の番号が違います')

const questionBase = {
  id: QuestionId,
  label: required(SURVEY_LIMITS.questionLabel),
  required: z.boolean(),
}
const options = z.array(required(SURVEY_LIMITS.optionLabel)).min(2, '選択肢を2つ以上にしてください').max(SURVEY_LIMITS.options)
const bound = z.number().int().min(SURVEY_LIMITS.numberMin).max(SURVEY_LIMITS.numberMax)

/** One question: single choice (○×△ or the school's own options), several choices, a number, a short text or a date. */
export const SurveyQuestion = z.discriminatedUnion('kind', [
  z.object({ ...questionBase, kind: z.literal('single'), options }),
  z.object({ ...questionBase, kind: z.literal('multiple'), options }),
  z.object({ ...questionBase, kind: z.literal('number'), min: bound.nullable(), max: bound.nullable(), unit: shortText(10).default('') }).refine((q) => q.min === null || q.max === null || q.min <= q.max, { message: '最小値が最大値より大きくなっています', path: ['max'] }),
  z.object({ ...questionBase, kind: z.literal('text'), maxLength: z.number().int().min(1).max(SURVEY_LIMITS.textMax) }),
  z.object({ ...questionBase, kind: z.literal('date') }),
])
export type SurveyQuestion = z.infer<typeof SurveyQuestion>
export type QuestionKind = SurveyQuestion['kind']

/** ○ / × / △: the single choice of 行事の出欠. */
export const MARU_BATSU_SANKAKU = ['○ 出席', '× 欠席', '△ 未定'] as const

/** Who the survey goes to; resolved to pupils when it is published. */
export const SurveyTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('school') }),
  z.object({ kind: z.literal('grades'), grades: z.array(z.number().int().min(1).max(9)).min(1).max(9) }),
  z.object({ kind: z.literal('classes'), classIds: z.array(Id).min(1).max(100) }),
  z.object({ kind: z.literal('pupils'), pupilIds: z.array(Id).min(1).max(SURVEY_LIMITS.pupils) }),
])
export type SurveyTarget = z.infer<typeof SurveyTarget>

/** What staff write: the survey before it is published (and as it stays). */
export const SurveyDraft = z
  .object({
    title: required(SURVEY_LIMITS.title),
    description: longText(SURVEY_LIMITS.description).default(''),
    /** One answer per child, or one per family (siblings and every guardian of them share it). */
    per: z.enum(['child', 'family']),
    target: SurveyTarget,
    deadline: Instant,
    /** When to remind the families that have not answered (once), or never. */
    remindAt: Instant.nullable().default(null),
    questions: z.array(SurveyQuestion).min(1, '設問を1つ以上にしてください').max(SURVEY_LIMITS.questions),
  })
  .refine((d) => new Set(d.questions.map((q) => q.id)).size === d.questions.length, { message: '設問の番号が重なっています', path: ['questions'] })
  .refine((d) => d.remindAt === null || Date.parse(d.remindAt) < Date.parse(d.deadline), { message: '催促は締切より前にしてください', path: ['remindAt'] })
export type SurveyDraft = z.infer<typeof SurveyDraft>

/** One answer to one question; which shape is checked against the question (`answerProblems`). */
export const AnswerValue = z.union([z.number(), z.string().max(SURVEY_LIMITS.textMax * 2), z.array(z.number().int().min(0).max(SURVEY_LIMITS.options))])
export type AnswerValue = z.infer<typeof AnswerValue>
/** A guardian's answers, by question id; an optional question left out is simply absent. */
export const SurveyAnswers = z.record(QuestionId, AnswerValue.nullable())
export type SurveyAnswers = z.infer<typeof SurveyAnswers>

export const SurveyStatus = z.enum(['draft', 'open', 'closed'])
export type SurveyStatus = z.infer<typeof SurveyStatus>

export const SurveySummary = z.object({
  id: Id,
  title: z.string(),
  status: SurveyStatus,
  per: z.enum(['child', 'family']),
  deadline: Instant,
  publishedAt: Instant.nullable(),
  /** Answers expected (children or families) and given; for a homeroom teacher, their classes only. */
  expected: z.number().int(),
  answered: z.number().int(),
})
export type SurveySummary = z.infer<typeof SurveySummary>
export const SurveyList = z.object({ ok: z.literal(true), surveys: z.array(SurveySummary), canBuild: z.boolean() })
export type SurveyList = z.infer<typeof SurveyList>

export const SurveyDetail = z.object({
  ok: z.literal(true),
  id: Id,
  status: SurveyStatus,
  draft: SurveyDraft,
  publishedAt: Instant.nullable(),
  remindedAt: Instant.nullable(),
})
export type SurveyDetail = z.infer<typeof SurveyDetail>

/** The builder's choices of target: the current year's classes and their pupils. */
export const SurveyTargets = z.object({
  ok: z.literal(true),
  classes: z.array(z.object({ id: Id, grade: z.number().int(), name: z.string(), pupils: z.array(z.object({ id: Id, number: z.number().int(), name: z.string() })) })),
})
export type SurveyTargets = z.infer<typeof SurveyTargets>

/** One pupil's line of the results: their (or their family's) answer, or none yet. */
export const SurveyResultRow = z.object({
  pupilId: Id,
  number: z.number().int(),
  name: z.string(),
  answers: SurveyAnswers.nullable(),
  answeredAt: Instant.nullable(),
  /** Who answered (a guardian's name); per family, possibly for a sibling. */
  answeredBy: z.string().nullable(),
  /** Guardians' phone numbers, for the office to call the non-responders. */
  phones: z.array(z.string()),
})
export type SurveyResultRow = z.infer<typeof SurveyResultRow>

/** How often each option was chosen (choice questions), per class and in total. */
export const OptionCounts = z.record(QuestionId, z.array(z.number().int()))
export type OptionCounts = z.infer<typeof OptionCounts>

export const SurveyClassResult = z.object({
  classId: Id,
  label: z.string(),
  expected: z.number().int(),
  answered: z.number().int(),
  counts: OptionCounts,
  rows: z.array(SurveyResultRow),
})
export type SurveyClassResult = z.infer<typeof SurveyClassResult>

export const SurveyResults = z.object({
  ok: z.literal(true),
  id: Id,
  title: z.string(),
  status: SurveyStatus,
  per: z.enum(['child', 'family']),
  deadline: Instant,
  questions: z.array(SurveyQuestion),
  classes: z.array(SurveyClassResult),
  /** Over the classes shown (a homeroom teacher's own). Per family, each family once. */
  total: z.object({ expected: z.number().int(), answered: z.number().int(), counts: OptionCounts }),
  canRemind: z.boolean(),
  remindedAt: Instant.nullable(),
})
export type SurveyResults = z.infer<typeof SurveyResults>

export const SurveyResultsCsvQuery = z.object({ encoding: z.enum(['utf8', 'sjis']).default('utf8') })
export const RemindResult = z.object({ ok: z.literal(true), guardians: z.number().int() })
export type RemindResult = z.infer<typeof RemindResult>

/** What one guardian answers for: a child, or (per family) their children in the survey together. */
export const GuardianSurveySubject = z.object({
  /** The pupil the answer is sent for (per family: any of the family's children). */
  pupilId: Id,
  names: z.array(z.string()),
  answers: SurveyAnswers.nullable(),
  answeredAt: Instant.nullable(),
  answeredBy: z.string().nullable(),
})
export type GuardianSurveySubject = z.infer<typeof GuardianSurveySubject>

export const GuardianSurvey = z.object({
  id: Id,
  schoolName: z.string(),
  title: z.string(),
  description: z.string(),
  per: z.enum(['child', 'family']),
  deadline: Instant,
  /** Answers may still be given or changed. */
  open: z.boolean(),
  questions: z.array(SurveyQuestion),
  subjects: z.array(GuardianSurveySubject),
})
export type GuardianSurvey = z.infer<typeof GuardianSurvey>
export const GuardianSurveys = z.object({ ok: z.literal(true), surveys: z.array(GuardianSurvey) })
export type GuardianSurveys = z.infer<typeof GuardianSurveys>

export const AnswerSurveyRequest = z.object({ pupilId: Id, answers: SurveyAnswers })
export type AnswerSurveyRequest = z.infer<typeof AnswerSurveyRequest>
export const AnswerSurveyResult = z.object({ ok: z.literal(true), answeredAt: Instant })
