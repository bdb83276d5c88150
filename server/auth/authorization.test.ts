import type { Express } from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { can, type Action, type Actor } from '../../shared/policy/policy.js'
import { clientCommands, type CommandName, type StaffRole } from '../../shared/protocol/index.js'
import { setStaffDisabled } from '../admin/staff.js'
import type { Database } from '../db/types.js'
import { createGuardian, createStaff, linkGuardian } from '../data/schoolSetup.js'
import { createCityAdmin, createOrganisation } from '../data/organisations.js'
import { changedTables, tableChecksums } from '../test/checksums.js'
import { testDatabase } from '../test/db.js'
import { PASSWORD, smallSchool, type SmallSchool } from '../test/fixtures.js'
import { Client, startTestServer, type TestServer, type TestSocket } from '../test/server.js'
import { fixture } from '../test/upload.js'
import { hashPassword } from './password.js'

/**
 * Every HTTP route (found in the Express app itself) and every socket command (from the
 * command catalogue), tried as every kind of caller; allowed or refused as the policy table
 * says, and a refusal changes no table.
 */

let db: Database
let server: TestServer
let a: SmallSchool
let b: SmallSchool
const ids = { cityA: 0, cityB: 0, reportId: 0, noticeId: 0, reasonId: 0, closureId: 0, eventId: 0, codeId: 0, victimStaff: 0, victimGuardian: 0, safetyId: 0, surveyOpen: 0, surveyToClose: 0, surveyDraft: 0, surveyToPublish: 0, surveyToRemove: 0 }

/** What a request names: a pupil of school A's class 1 (taro), something of school A, or nothing (the caller's own: a city administrator's own organisation). */
type On = 'class' | 'school' | 'own'
type Expectation =
  | { action: Action; on: On }
  /** No principal needed: login, pairing, registration, password reset, liveness. */
  | { open: true }
  /** The caller's own account or device: a person, a guardian, a board, or anyone with a live session or device. */
  | { self: 'person' | 'staff' | 'guardian' | 'board' | 'any' }

interface Req { path: string; body?: unknown; csv?: boolean }
interface RouteCase {
  expect: Expectation
  req: () => Req | Promise<Req>
  /** Tried only by callers who must be refused: an allowed call would spoil the fixtures (covered by the feature's own tests). */
  refusalsOnly?: true
  /** An allowed repeat may find the thing already gone. */
  gone404?: true
}

const withdrawable = () => ({ idempotencyKey: `auth-report-${Math.random().toString(36).slice(2, 12)}`, pupilIds: [a.pupils.taro], kind: 'absent', fromDate: '2026-12-03', toDate: '2026-12-03', reasonId: ids.reasonId, symptoms: [], temperature: null, message: '' })
const newCitySchool = () => {
  const n = Math.random().toString(36).slice(2, 10)
  return {
    school: { name: `新設${n}小学校`, schoolCode: '', fiscalYear: 2026, calendarTemplate: 'standard' },
    admin: { familyName: '新設', givenName: '管理', loginId: `auth-city-${n}`, password: 'correct-horse-2026' },
  }
}
const surveyDraft = () => ({ title: '行事の出欠', per: 'child', target: { kind: 'classes', classIds: [a.classes.c1] }, deadline: '2026-12-04T17:00:00+09:00', questions: [{ id: 'q1', kind: 'single', label: '出欠', required: true, options: ['○', '×'] }] })
const pushSubscription = () => ({
  endpoint: `https://fcm.googleapis.com/fcm/send/auth-${Math.random().toString(36).slice(2, 12)}`,
  keys: { p256dh: 'B' + 'A'.repeat(86), auth: 'A'.repeat(22) },
})
const suspension = () => ({ pupilId: a.pupils.taro, input: { disease: 'influenza', onset: '2026-11-24', feverBroke: '2026-11-25' } })

const ROUTES: Record<string, RouteCase> = {
  'GET /healthz': { expect: { open: true }, req: () => ({ path: '/healthz' }) },
  'GET /readyz': { expect: { open: true }, req: () => ({ path: '/readyz' }) },
  // No session: /metrics is guarded by where the caller is (loopback here) or a token, in its own test.
  'GET /metrics': { expect: { open: true }, req: () => ({ path: '/metrics' }) },
  'GET /api/ops/backups': { expect: { action: 'school.admin', on: 'own' }, req: () => ({ path: '/api/ops/backups' }) },
  'POST /api/session': { expect: { open: true }, req: () => ({ path: '/api/session' }) },
  'GET /api/session': { expect: { self: 'person' }, req: () => ({ path: '/api/session' }) },
  // Logging out needs no session: without one it only clears the cookie.
  'DELETE /api/session': { expect: { open: true }, req: () => ({ path: '/api/session' }) },
  'GET /api/guardian/home': { expect: { action: 'guardian.home', on: 'own' }, req: () => ({ path: '/api/guardian/home' }) },
  'GET /api/guardian/reports': { expect: { action: 'report.list', on: 'own' }, req: () => ({ path: '/api/guardian/reports' }) },
  'POST /api/guardian/reports': { expect: { action: 'report.create', on: 'class' }, req: () => ({ path: '/api/guardian/reports', body: withdrawable() }) },
  'POST /api/guardian/reports/:id/withdraw': { expect: { action: 'report.withdraw', on: 'class' }, req: () => ({ path: `/api/guardian/reports/${ids.reportId}/withdraw` }) },
  'GET /api/guardian/notices': { expect: { action: 'guardian.home', on: 'own' }, req: () => ({ path: '/api/guardian/notices' }) },
  'PUT /api/guardian/settings/language': { expect: { action: 'guardian.settings', on: 'own' }, req: () => ({ path: '/api/guardian/settings/language', body: { language: 'ja' } }) },
  'GET /api/guardian/push/key': { expect: { action: 'push.devices', on: 'own' }, req: () => ({ path: '/api/guardian/push/key' }) },
  'GET /api/guardian/push/devices': { expect: { action: 'push.devices', on: 'own' }, req: () => ({ path: '/api/guardian/push/devices' }) },
  'POST /api/guardian/push/devices': { expect: { action: 'push.devices', on: 'own' }, req: () => ({ path: '/api/guardian/push/devices', body: pushSubscription() }) },
  'POST /api/guardian/push/unsubscribe': { expect: { action: 'push.devices', on: 'own' }, req: () => ({ path: '/api/guardian/push/unsubscribe', body: { endpoint: pushSubscription().endpoint } }) },
  // Suzuki's device: another family's guardian finds nothing to remove.
  'POST /api/guardian/push/devices/:id/remove': {
    expect: { action: 'push.devices', on: 'own' },
    req: async () => {
      const p = pushSubscription()
      const [row] = await db.sql<{ id: number }[]>`insert into push_subscription (guardian_id, endpoint, p256dh, auth, created_at) values (${a.guardians.suzuki}, ${p.endpoint}, ${p.keys.p256dh}, ${p.keys.auth}, now()) returning id`
      return { path: `/api/guardian/push/devices/${row!.id}/remove` }
    },
    gone404: true,
  },
  'POST /api/guardian/notices/:id/answer': { expect: { action: 'notice.answer', on: 'class' }, req: () => ({ path: `/api/guardian/notices/${ids.noticeId}/answer`, body: { answer: 'will_call' } }) },
  'POST /api/board/pair': { expect: { open: true }, req: () => ({ path: '/api/board/pair' }) },
  'GET /api/board/me': { expect: { self: 'board' }, req: () => ({ path: '/api/board/me' }) },
  'GET /api/admin/roster/export': { expect: { action: 'school.admin', on: 'own' }, req: () => ({ path: '/api/admin/roster/export' }) },
  'POST /api/admin/roster/preview': { expect: { action: 'school.admin', on: 'own' }, req: () => ({ path: '/api/admin/roster/preview?createClasses=1', csv: true }) },
  'POST /api/admin/roster/apply': { expect: { action: 'school.admin', on: 'own' }, req: () => ({ path: '/api/admin/roster/apply?createClasses=1', csv: true }), refusalsOnly: true },
  'GET /api/admin/registration/dashboard': { expect: { action: 'school.admin', on: 'own' }, req: () => ({ path: '/api/admin/registration/dashboard' }) },
  'POST /api/admin/registration/letters': { expect: { action: 'school.admin', on: 'school' }, req: () => ({ path: '/api/admin/registration/letters', body: { classId: a.classes.c2 } }) },
  'POST /api/admin/registration/pupils/:id/reissue': { expect: { action: 'school.admin', on: 'school' }, req: () => ({ path: `/api/admin/registration/pupils/${a.pupils.other}/reissue` }) },
  'POST /api/admin/registration/codes/:id/revoke': { expect: { action: 'school.admin', on: 'school' }, req: () => ({ path: `/api/admin/registration/codes/${ids.codeId}/revoke` }), gone404: true },
  'GET /api/admin/registration/pupils/:id/guardians': { expect: { action: 'school.admin', on: 'school' }, req: () => ({ path: `/api/admin/registration/pupils/${a.pupils.taro}/guardians` }) },
  'POST /api/admin/registration/pupils/:id/guardians/:guardianId/unlink': {
    expect: { action: 'school.admin', on: 'school' },
    req: async () => {
      await db.sql`insert into guardian_pupil (school_id, guardian_id, pupil_id) values (${a.schoolId}, ${ids.victimGuardian}, ${a.pupils.other}) on conflict do nothing`
      return { path: `/api/admin/registration/pupils/${a.pupils.other}/guardians/${ids.victimGuardian}/unlink` }
    },
  },
  'GET /api/admin/staff': { expect: { action: 'school.admin', on: 'own' }, req: () => ({ path: '/api/admin/staff' }) },
  'POST /api/admin/staff': { expect: { action: 'school.admin', on: 'own' }, req: () => ({ path: '/api/admin/staff', body: { familyName: '新任', givenName: '先生', roles: ['teacher'], homeroomClassIds: [], loginId: `auth-new-${Math.random().toString(36).slice(2, 10)}`, password: 'password-123' } }) },
  'PUT /api/admin/staff/:id': { expect: { action: 'school.admin', on: 'school' }, req: () => ({ path: `/api/admin/staff/${ids.victimStaff}`, body: { familyName: '被験', givenName: '先生', roles: ['support'], homeroomClassIds: [] } }) },
  'POST /api/admin/staff/:id/disable': { expect: { action: 'school.admin', on: 'school' }, req: () => ({ path: `/api/admin/staff/${ids.victimStaff}/disable` }) },
  'POST /api/admin/staff/:id/enable': { expect: { action: 'school.admin', on: 'school' }, req: () => ({ path: `/api/admin/staff/${ids.victimStaff}/enable` }) },
  'POST /api/admin/staff/:id/reset-code': { expect: { action: 'school.admin', on: 'school' }, req: () => ({ path: `/api/admin/staff/${ids.victimStaff}/reset-code` }) },
  'POST /api/admin/guardians/:id/reset-code': { expect: { action: 'school.admin', on: 'school' }, req: () => ({ path: `/api/admin/guardians/${a.guardians.tanaka}/reset-code` }) },
  'GET /api/admin/settings': { expect: { action: 'school.admin', on: 'own' }, req: () => ({ path: '/api/admin/settings' }) },
  'PUT /api/admin/settings': { expect: { action: 'school.admin', on: 'own' }, req: () => ({ path: '/api/admin/settings', body: { name: '乗っ取り小学校', settings: {}, reasons: [] } }), refusalsOnly: true },
  'POST /api/admin/codes': { expect: { action: 'school.admin', on: 'own' }, req: () => ({ path: '/api/admin/codes', body: { code: `x${Math.random().toString(36).slice(2, 8)}`, label: `区分${Math.random().toString(36).slice(2, 6)}`, shortLabel: '区', onSite: false, countsAbsent: true, excused: false } }) },
  'GET /api/admin/years': { expect: { action: 'school.admin', on: 'own' }, req: () => ({ path: '/api/admin/years' }) },
  'POST /api/admin/years': { expect: { action: 'school.admin', on: 'own' }, req: () => ({ path: '/api/admin/years', body: { fiscalYear: 2027 } }) },
  'GET /api/admin/board-devices': { expect: { action: 'school.admin', on: 'own' }, req: () => ({ path: '/api/admin/board-devices' }) },
  'POST /api/admin/board-devices': { expect: { action: 'school.admin', on: 'own' }, req: () => ({ path: '/api/admin/board-devices', body: { name: '廊下' } }) },
  'POST /api/admin/board-devices/:id/revoke': {
    expect: { action: 'school.admin', on: 'school' },
    req: async () => {
      const [d] = await db.sql<{ id: number }[]>`insert into board_device (school_id, name, created_by) values (${a.schoolId}, '予備', ${a.staff.admin}) returning id`
      return { path: `/api/admin/board-devices/${d!.id}/revoke` }
    },
  },
  'GET /api/office/notices': { expect: { action: 'notices.read', on: 'own' }, req: () => ({ path: '/api/office/notices' }) },
  'POST /api/office/notices': { expect: { action: 'notices.send', on: 'class' }, req: () => ({ path: '/api/office/notices', body: { pupilIds: [a.pupils.taro] } }) },
  'POST /api/office/calls': { expect: { action: 'calls.record', on: 'class' }, req: () => ({ path: '/api/office/calls', body: { pupilId: a.pupils.taro, outcome: 'no_answer' } }) },
  'GET /api/office/notice-template': { expect: { action: 'notices.read', on: 'own' }, req: () => ({ path: '/api/office/notice-template' }) },
  'POST /api/office/notice-template': { expect: { action: 'notices.template', on: 'own' }, req: () => ({ path: '/api/office/notice-template', body: { subject: 'お知らせ', body: '{児童名}さんが登校していません。' } }) },
  'GET /api/office/captured-mail': { expect: { action: 'mail.captured', on: 'own' }, req: () => ({ path: '/api/office/captured-mail' }) },
  'POST /api/registration/check': { expect: { open: true }, req: () => ({ path: '/api/registration/check' }) },
  'POST /api/registration': { expect: { open: true }, req: () => ({ path: '/api/registration' }) },
  'POST /api/registration/add-child': { expect: { self: 'guardian' }, req: () => ({ path: '/api/registration/add-child', body: { code: 'ABCD-EFGH-JKLM' } }) },
  'POST /api/account/password': { expect: { self: 'person' }, req: () => ({ path: '/api/account/password' }), refusalsOnly: true },
  'GET /api/account/sessions': { expect: { self: 'person' }, req: () => ({ path: '/api/account/sessions' }) },
  'POST /api/account/sessions/:id/end': { expect: { self: 'person' }, req: () => ({ path: '/api/account/sessions/nonexistent/end' }), refusalsOnly: true },
  'POST /api/account/sessions/end-others': { expect: { self: 'person' }, req: () => ({ path: '/api/account/sessions/end-others' }), refusalsOnly: true },
  'PUT /api/account/language': { expect: { self: 'staff' }, req: () => ({ path: '/api/account/language', body: { language: 'en' } }) },
  'POST /api/account/reset': { expect: { open: true }, req: () => ({ path: '/api/account/reset' }) },
  'GET /api/register/classes': { expect: { action: 'register.read', on: 'own' }, req: () => ({ path: '/api/register/classes' }) },
  'GET /api/register/month': { expect: { action: 'register.read', on: 'class' }, req: () => ({ path: `/api/register/month?classId=${a.classes.c1}&month=2026-11` }) },
  'GET /api/register/month.csv': { expect: { action: 'register.read', on: 'class' }, req: () => ({ path: `/api/register/month.csv?classId=${a.classes.c1}&month=2026-11` }) },
  'GET /api/register/history': { expect: { action: 'register.read', on: 'class' }, req: () => ({ path: `/api/register/history?pupilId=${a.pupils.taro}&date=2026-11-20` }) },
  'POST /api/register/marks': { expect: { action: 'register.correct', on: 'class' }, req: () => ({ path: '/api/register/marks', body: { pupilId: a.pupils.taro, date: '2026-11-20', codeId: null, note: '確認のうえ訂正' } }) },
  'POST /api/register/resolve': { expect: { action: 'register.correct', on: 'class' }, req: () => ({ path: '/api/register/resolve', body: { classId: a.classes.c1, date: '2026-11-20' } }) },
  'POST /api/register/suspension/propose': { expect: { action: 'suspension.plan', on: 'class' }, req: () => ({ path: '/api/register/suspension/propose', body: suspension() }) },
  'POST /api/register/suspension/apply': { expect: { action: 'suspension.apply', on: 'class' }, req: () => ({ path: '/api/register/suspension/apply', body: suspension() }) },
  'GET /api/guidance': { expect: { action: 'guidance.read', on: 'own' }, req: () => ({ path: '/api/guidance?date=2026-11-27' }) },
  'POST /api/guidance/notes/:pupilId': { expect: { action: 'guidance.write', on: 'class' }, req: () => ({ path: `/api/guidance/notes/${a.pupils.taro}`, body: { memo: '様子を見る', longAbsenceReason: null, reportedToBoard: false } }) },
  'GET /api/guidance/long-absence.csv': { expect: { action: 'exports.boardOfEducation', on: 'own' }, req: () => ({ path: '/api/guidance/long-absence.csv?month=2026-11' }) },
  'GET /api/guidance/daily-absentees.csv': { expect: { action: 'exports.dailyAbsentees', on: 'own' }, req: () => ({ path: '/api/guidance/daily-absentees.csv?date=2026-11-30' }) },
  'GET /api/calendar': { expect: { action: 'calendar.read', on: 'own' }, req: () => ({ path: '/api/calendar' }) },
  'POST /api/calendar/days': { expect: { action: 'calendar.edit', on: 'own' }, req: () => ({ path: '/api/calendar/days', body: { from: '2027-01-05', to: '2027-01-05', kind: 'closed', label: '臨時休業' } }) },
  'POST /api/calendar/closures': { expect: { action: 'calendar.edit', on: 'own' }, req: () => ({ path: '/api/calendar/closures', body: { from: '2027-01-06', to: '2027-01-06', grade: 1 } }) },
  'POST /api/calendar/closures/:id/delete': { expect: { action: 'calendar.edit', on: 'school' }, req: () => ({ path: `/api/calendar/closures/${ids.closureId}/delete` }), gone404: true },
  'POST /api/calendar/events': { expect: { action: 'calendar.edit', on: 'own' }, req: () => ({ path: '/api/calendar/events', body: { from: '2027-01-07', to: '2027-01-07', title: '避難訓練' } }) },
  'POST /api/calendar/events/:id/delete': { expect: { action: 'calendar.edit', on: 'school' }, req: () => ({ path: `/api/calendar/events/${ids.eventId}/delete` }), gone404: true },
  'GET /api/audit': { expect: { action: 'audit.read', on: 'own' }, req: () => ({ path: '/api/audit?from=2026-11-01&to=2026-11-30' }) },
  'GET /api/audit.csv': { expect: { action: 'audit.read', on: 'own' }, req: () => ({ path: '/api/audit.csv' }) },
  'GET /api/calendar/guardian-events': { expect: { action: 'guardian.home', on: 'own' }, req: () => ({ path: '/api/calendar/guardian-events?month=2026-11' }) },
  'POST /api/setup/check': { expect: { open: true }, req: () => ({ path: '/api/setup/check' }) },
  'POST /api/setup': { expect: { open: true }, req: () => ({ path: '/api/setup' }) },
  'GET /api/surveys': { expect: { action: 'survey.results', on: 'own' }, req: () => ({ path: '/api/surveys' }) },
  'GET /api/surveys/targets': { expect: { action: 'survey.build', on: 'own' }, req: () => ({ path: '/api/surveys/targets' }) },
  'POST /api/surveys': { expect: { action: 'survey.build', on: 'own' }, req: () => ({ path: '/api/surveys', body: { ...surveyDraft(), target: { kind: 'school' } } }) },
  'GET /api/surveys/:id': { expect: { action: 'survey.build', on: 'school' }, req: () => ({ path: `/api/surveys/${ids.surveyDraft}` }) },
  'PUT /api/surveys/:id': { expect: { action: 'survey.build', on: 'school' }, req: () => ({ path: `/api/surveys/${ids.surveyDraft}`, body: surveyDraft() }) },
  'DELETE /api/surveys/:id': { expect: { action: 'survey.build', on: 'school' }, req: () => ({ path: `/api/surveys/${ids.surveyToRemove}` }), gone404: true },
  'POST /api/surveys/:id/publish': { expect: { action: 'survey.build', on: 'school' }, req: () => ({ path: `/api/surveys/${ids.surveyToPublish}/publish` }) },
  'POST /api/surveys/:id/close': { expect: { action: 'survey.build', on: 'school' }, req: () => ({ path: `/api/surveys/${ids.surveyToClose}/close` }) },
  'GET /api/surveys/:id/results': { expect: { action: 'survey.results', on: 'class' }, req: () => ({ path: `/api/surveys/${ids.surveyOpen}/results` }) },
  'GET /api/surveys/:id/results.csv': { expect: { action: 'survey.results', on: 'class' }, req: () => ({ path: `/api/surveys/${ids.surveyOpen}/results.csv` }) },
  'POST /api/surveys/:id/remind': { expect: { action: 'survey.remind', on: 'school' }, req: () => ({ path: `/api/surveys/${ids.surveyOpen}/remind` }) },
  'GET /api/guardian/surveys': { expect: { action: 'survey.answer', on: 'own' }, req: () => ({ path: '/api/guardian/surveys' }) },
  'PUT /api/guardian/surveys/:id/answer': { expect: { action: 'survey.answer', on: 'class' }, req: () => ({ path: `/api/guardian/surveys/${ids.surveyOpen}/answer`, body: { pupilId: a.pupils.taro, answers: { q1: 0 } } }) },
  'GET /api/city/schools': { expect: { action: 'city.schools.read', on: 'own' }, req: () => ({ path: '/api/city/schools' }) },
  'GET /api/safety': { expect: { action: 'safety.read', on: 'own' }, req: () => ({ path: '/api/safety' }) },
  // Allowed callers of school A find one open already (409); another school's admin starts one in their own school.
  'POST /api/safety': { expect: { action: 'safety.start', on: 'own' }, req: () => ({ path: '/api/safety', body: { template: 'drill', situation: 'out_of_school' } }) },
  // Another school's staff may read confirmations, but not this one: it is not found for them.
  'GET /api/safety/:id': { expect: { action: 'safety.read', on: 'own' }, req: () => ({ path: `/api/safety/${ids.safetyId}` }), gone404: true },
  'POST /api/safety/:id/remind': { expect: { action: 'safety.remind', on: 'school' }, req: () => ({ path: `/api/safety/${ids.safetyId}/remind` }) },
  'POST /api/safety/:id/close': { expect: { action: 'safety.close', on: 'school' }, req: () => ({ path: `/api/safety/${ids.safetyId}/close` }), refusalsOnly: true },
  'GET /api/safety/:id/report': { expect: { action: 'safety.report', on: 'school' }, req: () => ({ path: `/api/safety/${ids.safetyId}/report` }) },
  'GET /api/safety/:id/report.csv': { expect: { action: 'safety.report', on: 'school' }, req: () => ({ path: `/api/safety/${ids.safetyId}/report.csv` }) },
  'GET /api/guardian/safety': { expect: { action: 'guardian.home', on: 'own' }, req: () => ({ path: '/api/guardian/safety' }) },
  'POST /api/guardian/safety/:id/answer': {
    expect: { action: 'safety.answer', on: 'class' },
    req: () => ({ path: `/api/guardian/safety/${ids.safetyId}/answer`, body: { answers: [{ pupilId: a.pupils.taro, status: 'safe', whereabouts: 'home' }] } }),
  },
  'POST /api/city/schools': { expect: { action: 'city.schools.create', on: 'own' }, req: () => ({ path: '/api/city/schools', body: newCitySchool() }) },
  'GET /api/city/day': { expect: { action: 'city.day.read', on: 'own' }, req: () => ({ path: '/api/city/day?date=2026-11-30' }) },
  'GET /api/city/daily.csv': { expect: { action: 'city.exports', on: 'own' }, req: () => ({ path: '/api/city/daily.csv?date=2026-11-30' }) },
  'GET /api/city/long-absence.csv': { expect: { action: 'city.exports', on: 'own' }, req: () => ({ path: '/api/city/long-absence.csv?month=2026-11' }) },
  'PUT /api/city/settings': { expect: { action: 'city.settings', on: 'own' }, req: () => ({ path: '/api/city/settings', body: { absenceAlertPercent: 25 } }) },
}

interface SocketCase { expect: Expectation; payload: () => unknown }
const COMMANDS: Record<CommandName, SocketCase> = {
  'day:snapshot': { expect: { action: 'day.read', on: 'own' }, payload: () => ({}) },
  'report:acknowledge': { expect: { action: 'report.acknowledge', on: 'class' }, payload: () => ({ reportId: ids.reportId }) },
  'class:roster': { expect: { action: 'roster.read', on: 'class' }, payload: () => ({ classId: a.classes.c1 }) },
  'pupil:mark': { expect: { action: 'roll.mark', on: 'class' }, payload: () => ({ pupilId: a.pupils.taro, mark: 'not_arrived' }) },
  'roll:confirm': { expect: { action: 'roll.mark', on: 'class' }, payload: () => ({ classId: a.classes.c1 }) },
  'report:phone': { expect: { action: 'report.phone', on: 'class' }, payload: () => ({ pupilId: a.pupils.taro, kind: 'late', reasonId: ids.reasonId, time: '9:30' }) },
  'pupil:note': { expect: { action: 'pupil.note', on: 'class' }, payload: () => ({ pupilId: a.pupils.taro, body: '様子を見る' }) },
  'pupil:history': { expect: { action: 'pupil.history', on: 'class' }, payload: () => ({ pupilId: a.pupils.taro }) },
  'heartbeat:ping': { expect: { self: 'any' }, payload: () => ({ sentAt: 1 }) },
}

interface Caller {
  name: string
  /** The policy's view of the caller; null for those who are nobody (anonymous, disabled, revoked). */
  actor: Actor | null
  kind: 'staff' | 'guardian' | 'board' | 'city' | 'nobody'
  client: Client
  socketClient: 'person' | 'board'
}
const callers: Caller[] = []
const CALLER_NAMES = [
  'admin', 'principal', 'vice-principal', 'homeroom teacher of the class', 'support staff', 'nurse', 'teacher of another class',
  "another school's admin", "the pupil's guardian", 'a guardian of another family', 'a disabled account', 'nobody', 'a board', 'a revoked board',
  "the school's city administrator", "another city's administrator",
] as const

/** Whether the expectation allows this caller. */
function allowed(e: Expectation, c: Caller): boolean {
  if ('open' in e) return true
  if ('self' in e) {
    if (e.self === 'any') return c.kind !== 'nobody'
    if (e.self === 'person') return c.kind === 'staff' || c.kind === 'guardian' || c.kind === 'city'
    // A staff member's own account: school staff or a city administrator (both are staff rows).
    if (e.self === 'staff') return c.kind === 'staff' || c.kind === 'city'
    return c.kind === e.self
  }
  if (!c.actor) return false
  if (e.on === 'own') return can(c.actor, e.action)
  if (e.on === 'school') return can(c.actor, e.action, { schoolId: a.schoolId })
  return can(c.actor, e.action, { schoolId: a.schoolId, classId: a.classes.c1, pupilId: a.pupils.taro })
}

/** The routes of the Express app, as `METHOD /path`, found by walking its router stack. */
function routesOf(app: Express): string[] {
  type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle: { stack?: Layer[] }; rawPath?: string }
  const walk = (stack: Layer[], prefix: string): string[] =>
    stack.flatMap((layer) => {
      const here = layer.rawPath && layer.rawPath !== '/' ? prefix + layer.rawPath : prefix
      if (layer.route) return Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${(prefix + layer.route!.path).replace(/\/$/, '') || '/'}`)
      return layer.handle.stack ? walk(layer.handle.stack, here) : []
    })
  return [...new Set(walk((app as unknown as { router: { stack: Layer[] } }).router.stack, ''))].sort()
}

async function send(c: Caller, r: Req, method: string): Promise<{ status: number; code: string | null; cacheControl: string | null }> {
  const res = await fetch(server.url + r.path, {
    method,
    headers: { origin: server.url, 'content-type': r.csv ? 'text/csv' : 'application/json', ...(c.client.cookie ? { cookie: c.client.cookie } : {}) },
    body: method === 'GET' ? undefined : r.csv ? new Blob([new Uint8Array(fixture('roster-utf8-lf.csv'))]) : JSON.stringify(r.body ?? {}),
  })
  const text = await res.text()
  let code: string | null = null
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null
  } catch {
    // CSV and other non-JSON answers carry no error code.
  }
  return { status: res.status, code, cacheControl: res.headers.get('cache-control') }
}

const REFUSED_STATUS = [401, 403, 404]
const REFUSED_CODES = ['UNAUTHENTICATED', 'DEVICE_REVOKED', 'FORBIDDEN', 'NOT_HOMEROOM', 'NOT_FOUND', 'PUPIL_NOT_FOUND', 'CLASS_NOT_FOUND', 'REPORT_NOT_FOUND', 'NOTICE_NOT_FOUND']

beforeAll(async () => {
  db = await testDatabase()
  a = await smallSchool(db.sql, 'az')
  b = await smallSchool(db.sql, 'bz')
  const hash = await hashPassword(PASSWORD)
  const extra = async (role: StaffRole) => createStaff(db.sql, { schoolId: a.schoolId, loginId: `az-${role}`, passwordHash: hash, familyName: role, givenName: '職員', roles: [role] })
  for (const role of ['principal', 'support', 'nurse'] as const) await extra(role)
  const disabledId = await createStaff(db.sql, { schoolId: a.schoolId, loginId: 'az-disabled', passwordHash: hash, familyName: '退職', givenName: '職員', roles: ['admin'] })
  ids.victimStaff = await createStaff(db.sql, { schoolId: a.schoolId, loginId: 'az-victim', passwordHash: hash, familyName: '被験', givenName: '職員', roles: ['teacher'] })
  ids.victimGuardian = await createGuardian(db.sql, { loginId: 'az-victim-guardian', passwordHash: hash, familyName: '被験', givenName: '保護者', phone: null })
  await linkGuardian(db.sql, { schoolId: a.schoolId, guardianId: ids.victimGuardian, pupilId: a.pupils.other })
  const [reason] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${a.schoolId} order by sort_order limit 1`
  ids.reasonId = reason!.id
  // Schools A and B belong to two cities, each with its city administrator.
  ids.cityA = await createOrganisation(db.sql, { kind: 'municipality', name: 'A市' })
  ids.cityB = await createOrganisation(db.sql, { kind: 'school_corporation', name: '学校法人B学園' })
  await db.sql`update school set organisation_id = ${ids.cityA} where id = ${a.schoolId}`
  await db.sql`update school set organisation_id = ${ids.cityB} where id = ${b.schoolId}`
  await createCityAdmin(db.sql, { organisationId: ids.cityA, loginId: 'az-city', passwordHash: hash, familyName: 'A市', givenName: '教委' })
  await createCityAdmin(db.sql, { organisationId: ids.cityB, loginId: 'bz-city', passwordHash: hash, familyName: 'B学園', givenName: '法人' })
  server = await startTestServer(db)

  const login = async (loginId: string) => new Client(server).login(loginId)
  const admin = await login(a.login.admin)
  const suzuki = await login(a.login.suzuki)
  // Today taro has not arrived and a notice went home; a report for a later day can still be withdrawn.
  const t1 = await login(a.login.teacher1)
  const t1s = await t1.socket()
  expect((await t1s.emitWithAck('pupil:mark', { pupilId: a.pupils.taro, mark: 'not_arrived' })).ok).toBe(true)
  t1s.disconnect()
  expect((await admin.post('/api/office/notices', { pupilIds: [a.pupils.taro] })).body.sent).toEqual([a.pupils.taro])
  ids.noticeId = (await db.sql<{ id: number }[]>`select id from not_arrived_notice where pupil_id = ${a.pupils.taro}`)[0]!.id
  const report = await suzuki.post('/api/guardian/reports', withdrawable())
  expect(report.status).toBe(201)
  ids.reportId = (await db.sql<{ id: number }[]>`select id from guardian_report where pupil_id = ${a.pupils.taro} order by id desc limit 1`)[0]!.id
  await admin.post('/api/admin/registration/letters', { pupilIds: [a.pupils.other] })
  ids.codeId = (await db.sql<{ id: number }[]>`select id from registration_code where pupil_id = ${a.pupils.other} order by id desc limit 1`)[0]!.id
  ids.closureId = (await admin.post('/api/calendar/closures', { from: '2027-01-08', to: '2027-01-08', classId: a.classes.c1 })).body.id
  ids.safetyId = (await admin.post('/api/safety', { template: 'drill', situation: 'out_of_school' })).body.id
  ids.eventId = (await admin.post('/api/calendar/events', { from: '2027-01-08', to: '2027-01-08', title: '作品展' })).body.id
  const newSurvey = async () => (await admin.post('/api/surveys', surveyDraft())).body.id as number
  for (const key of ['surveyOpen', 'surveyToClose', 'surveyDraft', 'surveyToPublish', 'surveyToRemove'] as const) ids[key] = await newSurvey()
  for (const id of [ids.surveyOpen, ids.surveyToClose]) expect((await admin.post(`/api/surveys/${id}/publish`)).status).toBe(200)

  const staffActor = (s: SmallSchool, roles: StaffRole[], homeroom: number[]): Actor => ({ kind: 'staff', schoolId: s.schoolId, roles, homeroomClassIds: homeroom })
  const person = async (name: string, loginId: string, actor: Actor) =>
    callers.push({ name, actor, kind: actor.kind as Caller['kind'], client: await login(loginId), socketClient: 'person' })
  await person('admin', a.login.admin, staffActor(a, ['admin'], []))
  await person('principal', 'az-principal', staffActor(a, ['principal'], []))
  await person('vice-principal', a.login.vp, staffActor(a, ['vice_principal'], []))
  await person('homeroom teacher of the class', a.login.teacher1, staffActor(a, ['teacher'], [a.classes.c1]))
  await person('support staff', 'az-support', staffActor(a, ['support'], []))
  await person('nurse', 'az-nurse', staffActor(a, ['nurse'], []))
  await person('teacher of another class', a.login.teacher2, staffActor(a, ['teacher'], [a.classes.c2]))
  await person("another school's admin", b.login.admin, staffActor(b, ['admin'], []))
  await person("the pupil's guardian", a.login.suzuki, { kind: 'guardian', pupilIds: [a.pupils.taro, a.pupils.jiro] })
  await person('a guardian of another family', a.login.tanaka, { kind: 'guardian', pupilIds: [a.pupils.hanako] })
  await person("the school's city administrator", 'az-city', { kind: 'city', cityId: ids.cityA })
  await person("another city's administrator", 'bz-city', { kind: 'city', cityId: ids.cityB })
  const disabled = await login('az-disabled')
  await setStaffDisabled({ sql: db.sql, publish: () => {} }, a.schoolId, disabledId, true, Date.now())
  callers.push({ name: 'a disabled account', actor: null, kind: 'nobody', client: disabled, socketClient: 'person' })
  callers.push({ name: 'nobody', actor: null, kind: 'nobody', client: new Client(server), socketClient: 'person' })
  const pair = async () => {
    const created = await admin.post('/api/admin/board-devices', { name: '職員室' })
    const board = new Client(server)
    expect((await board.post('/api/board/pair', { code: created.body.pairingCode })).status).toBe(200)
    return { board, id: created.body.device.id as number }
  }
  callers.push({ name: 'a board', actor: { kind: 'board', schoolId: a.schoolId }, kind: 'board', client: (await pair()).board, socketClient: 'board' })
  const revoked = await pair()
  await admin.post(`/api/admin/board-devices/${revoked.id}/revoke`)
  callers.push({ name: 'a revoked board', actor: null, kind: 'nobody', client: revoked.board, socketClient: 'board' })
  // Sixteen logins, each a deliberately slow password check.
}, 180_000)
afterAll(async () => {
  await server?.close()
  await db?.close()
})

describe('every HTTP route follows the policy table', () => {
  it('has an expectation for every route of the app, and no stale ones', () => {
    expect(Object.keys(ROUTES).sort()).toEqual(routesOf(server.app))
    expect(callers.map((c) => c.name).sort()).toEqual([...CALLER_NAMES].sort())
  })

  for (const name of CALLER_NAMES) {
    it(`${name}: allowed and refused as the table says; refusals change no table; answers are never cached`, async () => {
      const c = callers.find((x) => x.name === name)!
      const failures: string[] = []
      const entries = Object.entries(ROUTES).filter(([, r]) => !('open' in r.expect))
      const refused = entries.filter(([, r]) => !allowed(r.expect, c))
      const prepared = await Promise.all(refused.map(async ([key, r]) => [key, await r.req()] as const))
      const before = await tableChecksums(db.sql)
      for (const [key, req] of prepared) {
        const res = await send(c, req, key.split(' ')[0]!)
        if (!REFUSED_STATUS.includes(res.status)) failures.push(`${key} should be refused, got ${res.status} ${res.code}`)
        if (key.startsWith('GET /api') && res.cacheControl !== 'no-store') failures.push(`${key}: cache-control ${res.cacheControl}`)
      }
      const after = await tableChecksums(db.sql)
      const changed = changedTables(before, after)
      if (changed.length) failures.push(`refused requests changed ${changed.join(', ')}`)
      for (const [key, r] of entries.filter(([, r]) => allowed(r.expect, c) && !r.refusalsOnly)) {
        const res = await send(c, await r.req(), key.split(' ')[0]!)
        const refusal = res.status === 401 || res.status === 403 || (res.status === 404 && !r.gone404)
        if (refusal) failures.push(`${key} should be allowed, got ${res.status} ${res.code}`)
        if (key.startsWith('GET /api') && res.cacheControl !== 'no-store') failures.push(`${key}: cache-control ${res.cacheControl}`)
      }
      expect(failures).toEqual([])
    }, 120_000)
  }
})

describe('every socket command follows the policy table', () => {
  it('has an expectation for every command of the catalogue', () => {
    expect(Object.keys(COMMANDS).sort()).toEqual(Object.keys(clientCommands).sort())
  })

  it('allows and refuses each caller as the table says; refusals change no table', async () => {
    const failures: string[] = []
    for (const c of callers) {
      let socket: TestSocket | null = null
      try {
        socket = await c.client.socket(c.socketClient)
      } catch {
        // The handshake refused: every command is refused.
      }
      if (!socket) {
        const wrong = Object.entries(COMMANDS).filter(([, cmd]) => allowed(cmd.expect, c))
        if (wrong.length) failures.push(`${c.name}: could not connect, yet may ${wrong.map(([n]) => n).join(', ')}`)
        continue
      }
      const names = Object.keys(COMMANDS) as CommandName[]
      const before = await tableChecksums(db.sql)
      for (const name of names.filter((n) => !allowed(COMMANDS[n].expect, c))) {
        const ack = (await socket.emitWithAck(name, COMMANDS[name].payload() as never)) as { ok: boolean; error?: { code: string } }
        if (ack.ok || !REFUSED_CODES.includes(ack.error!.code)) failures.push(`${c.name}: ${name} should be refused, got ${JSON.stringify(ack).slice(0, 120)}`)
      }
      const after = await tableChecksums(db.sql)
      const changed = changedTables(before, after)
      if (changed.length) failures.push(`${c.name}: refused commands changed ${changed.join(', ')}`)
      for (const name of names.filter((n) => allowed(COMMANDS[n].expect, c))) {
        const ack = (await socket.emitWithAck(name, COMMANDS[name].payload() as never)) as { ok: boolean; error?: { code: string } }
        if (!ack.ok && REFUSED_CODES.includes(ack.error!.code)) failures.push(`${c.name}: ${name} should be allowed, got ${ack.error!.code}`)
      }
      socket.disconnect()
    }
    expect(failures).toEqual([])
  }, 120_000)
})
