import type { AnswerProblem } from '../../../shared/domain/surveyAnswers.js'
import { hasCatalogue, translator } from '../../../shared/i18n/guardian/translate.js'
import type { Locale } from './messages.js'

/**
 * The survey parts of the guardian catalogues, shaped for the survey elements (kept apart from
 * `messages.ts` so the report form's words stay as they are). The survey's own title, questions
 * and options are the school's words and are shown as written.
 */
export function surveyTexts(locale: Locale) {
  const t = translator(hasCatalogue(locale) ? locale : 'ja')
  return {
    heading: t('surveysHeading'),
    deadline: (when: string) => t('surveyDeadline', { when }),
    closedNote: t('surveyClosedNote'),
    forChild: (names: string) => t('surveyFor', { names }),
    forFamily: (names: string) => t('surveyForFamily', { names }),
    required: t('surveyRequired'),
    optional: t('surveyOptional'),
    answer: t('surveyAnswer'),
    change: t('surveyChange'),
    send: t('surveySend'),
    sending: t('surveySending'),
    saved: t('surveySaved'),
    answered: (when: string, by: string) => t('surveyAnswered', { when, by }),
    notAnswered: t('surveyNotAnswered'),
    yourAnswer: t('surveyYourAnswer'),
    draftKept: t('surveyDraftKept'),
    cancel: t('surveyCancel'),
    numberRange: (min: string, max: string) => t('surveyNumberRange', { min, max }),
    charsMax: (max: number) => t('surveyCharsMax', { max }),
    chooseMany: t('surveyChooseMany'),
    noAnswer: t('surveyNoAnswer'),
    original: t('surveyOriginal'),
    fixBelow: t('fixBelow'),
    errorSummary: (count: number) => t('errorSummary', { count }),
    problem: (p: AnswerProblem): string => {
      switch (p.kind) {
        case 'required': return t('surveyProblemRequired')
        case 'choice': case 'unknown': return t('surveyProblemChoice')
        case 'number': return t('surveyProblemNumber')
        case 'min': return t('surveyProblemMin', { limit: p.limit })
        case 'max': return t('surveyProblemMax', { limit: p.limit })
        case 'tooLong': return t('surveyProblemTooLong', { limit: p.limit })
        case 'date': return t('surveyProblemDate')
      }
    },
  }
}
export type SurveyTexts = ReturnType<typeof surveyTexts>
