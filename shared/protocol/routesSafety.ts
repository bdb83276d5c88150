import { GuardianSafetyList, SafetyAnswerRequest, SafetyDetail, SafetyOverview, SafetyRemindResult, SafetyReport, StartSafetyRequest } from './safety.js'
import { z } from 'zod'
import { Ok } from './primitives.js'
import { fileDownload, get, IdParams, post } from './route.js'
import { Created } from './routesStaff.js'

/** UTF-8 with a BOM, or Shift_JIS (Windows-31J) for older spreadsheets. */
export const SafetyCsvQuery = z.object({ encoding: z.enum(['utf8', 'sjis']).default('utf8') })

/**
 * 安否確認. Staff: start, follow, remind, close, report (the policy decides who). Calls to
 * families are recorded with the office's existing call route (`/api/office/calls`).
 */
export const safetyRoutes = {
  overview: get('/api/safety', { response: SafetyOverview }),
  start: post('/api/safety', { body: StartSafetyRequest, response: Created, status: 201 }),
  detail: get('/api/safety/:id', { params: IdParams, response: SafetyDetail }),
  remind: post('/api/safety/:id/remind', { params: IdParams, response: SafetyRemindResult }),
  close: post('/api/safety/:id/close', { params: IdParams, response: Ok }),
  report: get('/api/safety/:id/report', { params: IdParams, response: SafetyReport }),
  reportCsv: get('/api/safety/:id/report.csv', { params: IdParams, query: SafetyCsvQuery, response: fileDownload('text/csv') }),
}

/** The guardian's side: the confirmations addressed to their children, and the answer (siblings together). */
export const guardianSafetyRoutes = {
  list: get('/api/guardian/safety', { response: GuardianSafetyList }),
  answer: post('/api/guardian/safety/:id/answer', { params: IdParams, body: SafetyAnswerRequest, response: Ok }),
}
