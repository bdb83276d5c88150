import type { SurveyAnswers } from '../../../shared/protocol/surveys.js'

/**
 * Answers being typed, kept in this browser per survey and child until they are sent: a
 * guardian who closes the page (or loses the connection) finds them again.
 */
const key = (surveyId: number, pupilId: number) => `asagao.survey.${surveyId}.${pupilId}`

export function loadSurveyDraft(surveyId: number, pupilId: number): SurveyAnswers | null {
  try {
    const raw = localStorage.getItem(key(surveyId, pupilId))
    const parsed: unknown = raw ? JSON.parse(raw) : null
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as SurveyAnswers) : null
  } catch {
    // Storage disabled or a damaged entry: start from the saved answer.
    return null
  }
}

export function saveSurveyDraft(surveyId: number, pupilId: number, answers: SurveyAnswers): void {
  try {
    localStorage.setItem(key(surveyId, pupilId), JSON.stringify(answers))
  } catch {
    // Private mode: the form still works, only without the draft.
  }
}

export function clearSurveyDraft(surveyId: number, pupilId: number): void {
  try {
    localStorage.removeItem(key(surveyId, pupilId))
  } catch {
    // Nothing was stored.
  }
}
