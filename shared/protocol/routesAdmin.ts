import { z } from 'zod'
import { CreateCodeRequest, CreateStaffRequest, CreateYearRequest, ResetCodeResponse, SchoolSettingsView, SchoolYearView, StaffAccount, UpdateSchoolSettingsRequest, UpdateStaffRequest } from './adminApi.js'
import { BoardDevice, CreateBoardDeviceRequest, CreateBoardDeviceResponse } from './auth.js'
import { Ok } from './primitives.js'
import { IssueLettersRequest, LettersResponse, PupilGuardians, RegistrationDashboard } from './registration.js'
import { RosterApplied, RosterImportQuery, RosterPreview } from './roster.js'
import { fileDownload, fileUpload, get, IdParam, IdParams, post, put } from './route.js'
import { Created } from './routesStaff.js'

export const BoardDeviceList = z.object({ ok: z.literal(true), devices: z.array(BoardDevice) })
export const StaffList = z.object({ ok: z.literal(true), staff: z.array(StaffAccount) })
export const SchoolYearList = z.object({ ok: z.literal(true), years: z.array(SchoolYearView) })

/** The roster file travels as its raw bytes: the bytes decide the encoding (UTF-8 or Shift_JIS). */
const rosterFile = fileUpload('text/csv', 2 * 1024 * 1024)

export const adminRoutes = {
  boardDevices: get('/api/admin/board-devices', { response: BoardDeviceList }),
  createBoardDevice: post('/api/admin/board-devices', { body: CreateBoardDeviceRequest, response: CreateBoardDeviceResponse, status: 201 }),
  revokeBoardDevice: post('/api/admin/board-devices/:id/revoke', { params: IdParams, response: Ok }),

  settings: get('/api/admin/settings', { response: SchoolSettingsView }),
  saveSettings: put('/api/admin/settings', { body: UpdateSchoolSettingsRequest, response: SchoolSettingsView }),
  createCode: post('/api/admin/codes', { body: CreateCodeRequest, response: SchoolSettingsView, status: 201 }),
  years: get('/api/admin/years', { response: SchoolYearList }),
  createYear: post('/api/admin/years', { body: CreateYearRequest, response: Created, status: 201 }),

  staff: get('/api/admin/staff', { response: StaffList }),
  createStaff: post('/api/admin/staff', { body: CreateStaffRequest, response: Created, status: 201 }),
  updateStaff: put('/api/admin/staff/:id', { params: IdParams, body: UpdateStaffRequest, response: Ok }),
  disableStaff: post('/api/admin/staff/:id/disable', { params: IdParams, response: Ok }),
  enableStaff: post('/api/admin/staff/:id/enable', { params: IdParams, response: Ok }),
  staffResetCode: post('/api/admin/staff/:id/reset-code', { params: IdParams, response: ResetCodeResponse }),
  guardianResetCode: post('/api/admin/guardians/:id/reset-code', { params: IdParams, response: ResetCodeResponse }),

  rosterPreview: post('/api/admin/roster/preview', { query: RosterImportQuery, body: rosterFile, response: RosterPreview }),
  rosterApply: post('/api/admin/roster/apply', { query: RosterImportQuery, body: rosterFile, response: RosterApplied }),
  rosterExport: get('/api/admin/roster/export', { query: RosterImportQuery.pick({ yearId: true }), response: fileDownload('text/csv') }),

  registrationDashboard: get('/api/admin/registration/dashboard', { response: RegistrationDashboard }),
  issueLetters: post('/api/admin/registration/letters', { body: IssueLettersRequest, response: LettersResponse }),
  reissueCode: post('/api/admin/registration/pupils/:id/reissue', { params: IdParams, response: LettersResponse }),
  revokeCode: post('/api/admin/registration/codes/:id/revoke', { params: IdParams, response: Ok }),
  pupilGuardians: get('/api/admin/registration/pupils/:id/guardians', { params: IdParams, response: PupilGuardians }),
  unlinkGuardian: post('/api/admin/registration/pupils/:id/guardians/:guardianId/unlink', { params: z.object({ id: IdParam, guardianId: IdParam }), response: Ok }),
}
