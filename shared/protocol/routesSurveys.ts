import { z } from 'zod'
import { Ok } from './primitives.js'
import { del, fileDownload, get, IdParams, post, put } from './route.js'
import { AnswerSurveyRequest, AnswerSurveyResult, GuardianSurveys, RemindResult, SurveyDetail, SurveyDraft, SurveyList, SurveyResults, SurveyResultsCsvQuery, SurveyTargets } from './surveys.js'

const SurveyCreated = z.object({ ok: z.literal(true), id: z.number().int().positive() })

/** アンケート for staff: build, publish, close, read results, remind, export. */
export const surveyRoutes = {
  list: get('/api/surveys', { response: SurveyList }),
  targets: get('/api/surveys/targets', { response: SurveyTargets }),
  create: post('/api/surveys', { body: SurveyDraft, response: SurveyCreated, status: 201 }),
  detail: get('/api/surveys/:id', { params: IdParams, response: SurveyDetail }),
  /** Drafts only: a published survey's questions never change under the answers. */
  update: put('/api/surveys/:id', { params: IdParams, body: SurveyDraft, response: Ok }),
  remove: del('/api/surveys/:id', { params: IdParams, response: Ok }),
  publish: post('/api/surveys/:id/publish', { params: IdParams, response: Ok }),
  close: post('/api/surveys/:id/close', { params: IdParams, response: Ok }),
  results: get('/api/surveys/:id/results', { params: IdParams, response: SurveyResults }),
  resultsCsv: get('/api/surveys/:id/results.csv', { params: IdParams, query: SurveyResultsCsvQuery, response: fileDownload('text/csv') }),
  /** E-mail (and the page's banner) to the families that have not answered, and to no one else. */
  remind: post('/api/surveys/:id/remind', { params: IdParams, response: RemindResult }),
}

/** アンケート for guardians: their children's surveys, and their answers. */
export const guardianSurveyRoutes = {
  list: get('/api/guardian/surveys', { response: GuardianSurveys }),
  answer: put('/api/guardian/surveys/:id/answer', { params: IdParams, body: AnswerSurveyRequest, response: AnswerSurveyResult }),
}
