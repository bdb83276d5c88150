import { z } from 'zod'
import { ChangePasswordRequest, ResetPasswordRequest, SessionView } from './adminApi.js'
import { LoginRequest, MeResponse, PairBoardRequest, SetStaffLanguageRequest } from './auth.js'
import { GuardianNotice, NoticeAnswerRequest } from './notices.js'
import { Id, Ok } from './primitives.js'
import { AddChildRequest, AddChildResponse, CheckCodeRequest, CheckCodeResponse, RegisterGuardianRequest } from './registration.js'
import { CreateReportRequest, GuardianHome, GuardianReport, GuardianReportList, ReportReceipt } from './reports.js'
import { del, get, IdParams, post, put } from './route.js'

const ReadinessCheck = z.object({ ok: z.boolean(), detail: z.string().optional() })

/** Liveness (no checks) or readiness (with each probe; 503 with the same shape when one fails). */
export const HealthStatus = z.object({
  status: z.enum(['ok', 'unavailable']), db: z.string(), version: z.string(), build: z.string(),
  checks: z.object({ database: ReadinessCheck, disk: ReadinessCheck, outbox: ReadinessCheck }).optional(),
})
export type HealthStatus = z.infer<typeof HealthStatus>

export const EndedSessions = z.object({ ok: z.literal(true), endedSessions: z.number().int().min(0) })
export const SessionList = z.object({ ok: z.literal(true), sessions: z.array(SessionView) })
export const BoardPaired = z.object({ ok: z.literal(true), deviceId: Id })
export const BoardIdentity = z.object({ ok: z.literal(true), deviceId: Id, schoolId: Id })
export const WithdrawnReport = z.object({ ok: z.literal(true), report: GuardianReport })
export const GuardianNoticeList = z.object({ ok: z.literal(true), notices: z.array(GuardianNotice) })

export const healthRoutes = {
  /** `?ready` asks for readiness, as `/readyz` does. */
  health: get('/healthz', { query: z.object({ ready: z.string().optional() }), response: HealthStatus, public: true }),
  ready: get('/readyz', { response: HealthStatus, public: true }),
}

export const sessionRoutes = {
  login: post('/api/session', { body: LoginRequest, response: MeResponse, public: true }),
  me: get('/api/session', { response: MeResponse }),
  logout: del('/api/session', { response: Ok, public: true }),
}

export const accountRoutes = {
  changePassword: post('/api/account/password', { body: ChangePasswordRequest, response: EndedSessions }),
  sessions: get('/api/account/sessions', { response: SessionList }),
  endSession: post('/api/account/sessions/:id/end', { params: z.object({ id: z.string().max(64) }), response: Ok }),
  endOtherSessions: post('/api/account/sessions/end-others', { response: EndedSessions }),
  resetPassword: post('/api/account/reset', { body: ResetPasswordRequest, response: Ok, public: true }),
  /** A staff member's (or city administrator's) page language, remembered on the account; guardians have their own setting. */
  setLanguage: put('/api/account/language', { body: SetStaffLanguageRequest, response: Ok }),
}

export const registrationRoutes = {
  check: post('/api/registration/check', { body: CheckCodeRequest, response: CheckCodeResponse, public: true }),
  register: post('/api/registration', { body: RegisterGuardianRequest, response: Ok, status: 201, public: true }),
  addChild: post('/api/registration/add-child', { body: AddChildRequest, response: AddChildResponse }),
}

export const guardianRoutes = {
  home: get('/api/guardian/home', { response: GuardianHome }),
  reports: get('/api/guardian/reports', { response: GuardianReportList }),
  createReport: post('/api/guardian/reports', { body: CreateReportRequest, response: ReportReceipt, status: 201 }),
  withdrawReport: post('/api/guardian/reports/:id/withdraw', { params: IdParams, response: WithdrawnReport }),
  notices: get('/api/guardian/notices', { response: GuardianNoticeList }),
  answerNotice: post('/api/guardian/notices/:id/answer', { params: IdParams, body: NoticeAnswerRequest, response: Ok }),
}

export const boardRoutes = {
  pair: post('/api/board/pair', { body: PairBoardRequest, response: BoardPaired, public: true }),
  me: get('/api/board/me', { response: BoardIdentity, public: true }),
}
