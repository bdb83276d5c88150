import { DateTime } from 'luxon'
import { inSupportedYears } from '../protocol/primitives.js'
import type { SurveyAnswers, SurveyQuestion } from '../protocol/surveys.js'

/** Why one answer does not fit its question; pages word it in the guardian's language. */
export type AnswerProblem =
  | { kind: 'required' }
  | { kind: 'choice' }
  | { kind: 'number' }
  | { kind: 'min'; limit: number }
  | { kind: 'max'; limit: number }
  | { kind: 'tooLong'; limit: number }
  | { kind: 'date' }
  | { kind: 'unknown' }

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)

/**
 * Checks answers against the survey's questions (the same rule on the page and at the
 * server's boundary) and returns them cleaned: text trimmed, empty optional answers left out.
 * `problems` is keyed by question id; an answer to no question of the survey is `unknown`.
 */
export function checkAnswers(questions: readonly SurveyQuestion[], answers: SurveyAnswers): { clean: SurveyAnswers; problems: Record<string, AnswerProblem> } {
  const clean: SurveyAnswers = {}
  const problems: Record<string, AnswerProblem> = {}
  const ids = new Set(questions.map((q) => q.id))
  for (const id of Object.keys(answers)) if (!ids.has(id)) problems[id] = { kind: 'unknown' }
  for (const q of questions) {
    const raw = answers[q.id]
    const v = typeof raw === 'string' ? raw.trim() : raw
    if (isEmpty(v)) {
      if (q.required) problems[q.id] = { kind: 'required' }
      continue
    }
    const problem = problemOf(q, v)
    if (problem) problems[q.id] = problem
    else clean[q.id] = q.kind === 'multiple' ? [...new Set(v as number[])].sort((a, b) => a - b) : v!
  }
  return { clean, problems }
}

function problemOf(q: SurveyQuestion, v: unknown): AnswerProblem | null {
  switch (q.kind) {
    case 'single':
      return Number.isInteger(v) && (v as number) >= 0 && (v as number) < q.options.length ? null : { kind: 'choice' }
    case 'multiple':
      return Array.isArray(v) && v.every((i) => Number.isInteger(i) && i >= 0 && i < q.options.length) ? null : { kind: 'choice' }
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return { kind: 'number' }
      if (q.min !== null && v < q.min) return { kind: 'min', limit: q.min }
      if (q.max !== null && v > q.max) return { kind: 'max', limit: q.max }
      return null
    case 'text':
      if (typeof v !== 'string') return { kind: 'choice' }
      return [...v].length > q.maxLength ? { kind: 'tooLong', limit: q.maxLength } : null
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && inSupportedYears(v) && DateTime.fromISO(v, { zone: 'utc' }).isValid ? null : { kind: 'date' }
  }
}

/** The Japanese wording of a problem (the server's field errors, the staff preview). */
export function problemText(p: AnswerProblem): string {
  switch (p.kind) {
    case 'required': return '回答してください'
    case 'choice': return '選択肢から選んでください'
    case 'number': return '数を入力してください'
    case 'min': return `${p.limit}以上にしてください`
    case 'max': return `${p.limit}以下にしてください`
    case 'tooLong': return `${p.limit}文字以内にしてください`
    case 'date': return '日付を入力してください'
    case 'unknown': return 'この設問はありません'
  }
}

/** An answer as a person reads it (results, CSV): option labels, numbers with their unit, dates. */
export function answerText(q: SurveyQuestion, v: SurveyAnswers[string] | undefined): string {
  if (isEmpty(v)) return ''
  switch (q.kind) {
    case 'single': return q.options[v as number] ?? ''
    case 'multiple': return (v as number[]).map((i) => q.options[i] ?? '').join('・')
    case 'number': return `${v}${q.unit}`
    default: return String(v)
  }
}
