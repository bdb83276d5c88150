import { z } from 'zod'
import { CalendarQuery, CalendarYear, CreateClosure, CreateEvent, GuardianEvents, GuardianEventsQuery, ResolveDayRequest, SetCalendarDays, SuspensionPlan, SuspensionRequest } from './calendar.js'
import { DailyAbsenteesCsvQuery, GuidanceNoteRequest, GuidanceQuery, GuidanceView, LongAbsenceCsvQuery } from './guidance.js'
import { CallRecordRequest, CapturedMail, NoticeTemplateRequest, OfficeNoticeList, SendNoticesRequest, SendNoticesResult } from './notices.js'
import { Id, Ok } from './primitives.js'
import { CorrectMarkRequest, MarkHistoryQuery, MarkHistoryRow, RegisterClasses, RegisterMonth, RegisterMonthQuery, ResolveResult } from './register.js'
import { fileDownload, get, IdParam, IdParams, post } from './route.js'

/** A row was created; its id. */
export const Created = z.object({ ok: z.literal(true), id: Id })
export const NoticeTemplate = z.object({ ok: z.literal(true), subject: z.string(), body: z.string() })
export const CapturedMailList = z.object({ ok: z.literal(true), mail: z.array(CapturedMail) })
export const MarkHistory = z.object({ ok: z.literal(true), rows: z.array(MarkHistoryRow) })
export const SuspensionPlanResponse = z.object({ ok: z.literal(true), plan: SuspensionPlan })

const csv = fileDownload('text/csv')

export const officeRoutes = {
  notices: get('/api/office/notices', { response: OfficeNoticeList }),
  sendNotices: post('/api/office/notices', { body: SendNoticesRequest, response: SendNoticesResult }),
  recordCall: post('/api/office/calls', { body: CallRecordRequest, response: Ok }),
  noticeTemplate: get('/api/office/notice-template', { response: NoticeTemplate }),
  saveNoticeTemplate: post('/api/office/notice-template', { body: NoticeTemplateRequest, response: Ok }),
  capturedMail: get('/api/office/captured-mail', { response: CapturedMailList }),
}

export const registerRoutes = {
  classes: get('/api/register/classes', { response: RegisterClasses }),
  month: get('/api/register/month', { query: RegisterMonthQuery, response: RegisterMonth }),
  monthCsv: get('/api/register/month.csv', { query: RegisterMonthQuery, response: csv }),
  history: get('/api/register/history', { query: MarkHistoryQuery, response: MarkHistory }),
  correctMark: post('/api/register/marks', { body: CorrectMarkRequest, response: Ok }),
  resolveDay: post('/api/register/resolve', { body: ResolveDayRequest, response: ResolveResult }),
  proposeSuspension: post('/api/register/suspension/propose', { body: SuspensionRequest, response: SuspensionPlanResponse }),
  applySuspension: post('/api/register/suspension/apply', { body: SuspensionRequest, response: SuspensionPlanResponse }),
}

export const guidanceRoutes = {
  view: get('/api/guidance', { query: GuidanceQuery, response: GuidanceView }),
  saveNote: post('/api/guidance/notes/:pupilId', { params: z.object({ pupilId: IdParam }), body: GuidanceNoteRequest, response: Ok }),
  longAbsenceCsv: get('/api/guidance/long-absence.csv', { query: LongAbsenceCsvQuery, response: csv }),
  dailyAbsenteesCsv: get('/api/guidance/daily-absentees.csv', { query: DailyAbsenteesCsvQuery, response: csv }),
}

export const calendarRoutes = {
  year: get('/api/calendar', { query: CalendarQuery, response: CalendarYear }),
  setDays: post('/api/calendar/days', { body: SetCalendarDays, response: Ok }),
  createClosure: post('/api/calendar/closures', { body: CreateClosure, response: Created, status: 201 }),
  deleteClosure: post('/api/calendar/closures/:id/delete', { params: IdParams, response: Ok }),
  createEvent: post('/api/calendar/events', { body: CreateEvent, response: Created, status: 201 }),
  deleteEvent: post('/api/calendar/events/:id/delete', { params: IdParams, response: Ok }),
  guardianEvents: get('/api/calendar/guardian-events', { query: GuardianEventsQuery, response: GuardianEvents }),
}
