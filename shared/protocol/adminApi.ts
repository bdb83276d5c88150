import { z } from 'zod'
import { ReasonCategory } from '../domain/attendance.js'
import { CalendarTemplateId } from '../domain/calendarTemplates.js'
import { StaffRole } from './auth.js'
import { Id, shortText } from './primitives.js'
import { NewPassword } from './registration.js'
import { SchoolSettings } from './settings.js'

const StaffLoginId = z.string().trim().min(3, 'ログインIDは3文字以上にしてください').max(100).regex(/^[A-Za-z0-9@._+-]+$/, 'ログインIDには半角の英数字と @ . _ + - が使えます')
const PersonName = (label: string) => shortText(40).pipe(z.string().min(1, `${label}を入力してください`))

export const StaffAccount = z.object({
  id: Id,
  loginId: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  roles: z.array(StaffRole),
  homeroomClassIds: z.array(Id),
  disabled: z.boolean(),
})
export type StaffAccount = z.infer<typeof StaffAccount>

export const UpdateStaffRequest = z.object({
  familyName: PersonName('姓'),
  givenName: PersonName('名'),
  roles: z.array(StaffRole).min(1, '役割を1つ以上選んでください').max(6),
  homeroomClassIds: z.array(Id).max(4).default([]),
})
export type UpdateStaffRequest = z.infer<typeof UpdateStaffRequest>

export const CreateStaffRequest = UpdateStaffRequest.extend({ loginId: StaffLoginId, password: NewPassword })
export type CreateStaffRequest = z.infer<typeof CreateStaffRequest>

export const ResetCodeResponse = z.object({ ok: z.literal(true), code: z.string(), expiresAt: z.string() })
export type ResetCodeResponse = z.infer<typeof ResetCodeResponse>

export const AdminReason = z.object({
  id: Id.optional(),
  label: shortText(30).pipe(z.string().min(1, '理由を入力してください')),
  category: ReasonCategory,
  suggestedCodeId: Id,
  active: z.boolean().default(true),
})
export type AdminReason = z.infer<typeof AdminReason>

/**
 * A school's own attendance code. Its meaning is in the semantic columns, which is all the
 * counting code ever asks, so a new code works everywhere without code changes.
 */
export const CreateCodeRequest = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,30}$/, '記号は半角英小文字・数字・_ で入力してください'),
    label: shortText(30).pipe(z.string().min(1, '名前を入力してください')),
    shortLabel: shortText(2).pipe(z.string().min(1, '略号を入力してください')),
    onSite: z.boolean(),
    countsAbsent: z.boolean(),
    excused: z.boolean(),
    isLate: z.boolean().default(false),
    isEarlyLeave: z.boolean().default(false),
    guardianSelectable: z.boolean().default(false),
    futureAllowed: z.boolean().default(true),
  })
  .refine((c) => !(c.countsAbsent && c.excused), { message: '欠席と出席停止・忌引等は同時に選べません', path: ['excused'] })
  .refine((c) => !(c.countsAbsent && c.onSite), { message: '欠席と登校は同時に選べません', path: ['onSite'] })
export type CreateCodeRequest = z.input<typeof CreateCodeRequest>

export const SchoolSettingsView = z.object({
  ok: z.literal(true),
  name: z.string(),
  settings: SchoolSettings,
  reasons: z.array(AdminReason.required({ id: true })),
  codes: z.array(z.object({ id: Id, label: z.string() })),
})
export type SchoolSettingsView = z.infer<typeof SchoolSettingsView>

export const UpdateSchoolSettingsRequest = z.object({
  name: shortText(100).pipe(z.string().min(1, '学校名を入力してください')),
  settings: SchoolSettings,
  reasons: z.array(AdminReason).min(1, '理由を1つ以上登録してください').max(40),
})
export type UpdateSchoolSettingsRequest = z.infer<typeof UpdateSchoolSettingsRequest>

export const SchoolYearView = z.object({ id: Id, fiscalYear: z.number().int(), startsOn: z.string(), endsOn: z.string(), classes: z.array(z.object({ id: Id, label: z.string(), grade: z.number().int() })) })
export type SchoolYearView = z.infer<typeof SchoolYearView>
/** A new school year starts with a calendar template's vacations (editable in the calendar page). */
export const CreateYearRequest = z.object({ fiscalYear: z.number().int().min(2000).max(2100), calendarTemplate: CalendarTemplateId.default('standard') })

export const ChangePasswordRequest = z.object({ current: z.string().min(1).max(200), next: NewPassword })
export const ResetPasswordRequest = z.object({ loginId: z.string().trim().min(1).max(100), code: z.string().trim().min(6).max(40), password: NewPassword })

export const SessionView = z.object({ id: z.string(), createdAt: z.string(), lastSeenAt: z.string(), userAgent: z.string(), current: z.boolean() })
export type SessionView = z.infer<typeof SessionView>
