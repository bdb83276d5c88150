import { z } from 'zod'
import { GuardianLanguage, StaffLanguage } from '../i18n/languages.js'
import { Id } from './primitives.js'

export const StaffRole = z.enum(['admin', 'principal', 'vice_principal', 'teacher', 'support', 'nurse'])
export type StaffRole = z.infer<typeof StaffRole>

export const STAFF_ROLE_LABEL: Record<StaffRole, string> = {
  admin: '管理者',
  principal: '校長',
  vice_principal: '教頭',
  teacher: '教員',
  support: 'スクールサポートスタッフ',
  nurse: '養護教諭',
}

export const LoginRequest = z.object({
  loginId: z.string().trim().min(1, 'ログインIDを入力してください').max(100),
  password: z.string().min(1, 'パスワードを入力してください').max(200),
})
export type LoginRequest = z.infer<typeof LoginRequest>

/** Who is logged in, as the pages see it. */
export const Me = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('staff'),
    id: Id,
    name: z.string(),
    schoolId: Id,
    schoolName: z.string(),
    roles: z.array(StaffRole),
    homeroomClassIds: z.array(Id),
    /** The language of their pages; null until they chose one (the page follows the browser). */
    language: StaffLanguage.nullable(),
  }),
  z.object({
    kind: z.literal('guardian'),
    id: Id,
    name: z.string(),
    /** The language the guardian chose; null until they chose one (the page offers the browser's). */
    language: GuardianLanguage.nullable(),
  }),
  /** A city administrator: of an organisation (市区町村 or 学校法人), not of a school. */
  z.object({
    kind: z.literal('city'),
    id: Id,
    name: z.string(),
    /** The organisation's id; named as the policy's actors name it. */
    cityId: Id,
    organisationName: z.string(),
    language: StaffLanguage.nullable(),
  }),
])
export type Me = z.infer<typeof Me>

export const MeResponse = z.object({ ok: z.literal(true), me: Me })
export type MeResponse = z.infer<typeof MeResponse>

export const PairBoardRequest = z.object({ code: z.string().trim().min(6).max(64) })
export type PairBoardRequest = z.infer<typeof PairBoardRequest>

export const CreateBoardDeviceRequest = z.object({ name: z.string().trim().min(1).max(60) })
export type CreateBoardDeviceRequest = z.infer<typeof CreateBoardDeviceRequest>

export const BoardDevice = z.object({
  id: Id,
  name: z.string(),
  pairedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
})
export type BoardDevice = z.infer<typeof BoardDevice>

export const CreateBoardDeviceResponse = z.object({
  ok: z.literal(true),
  device: BoardDevice,
  pairingCode: z.string(),
  pairingPath: z.string(),
  pairingExpiresAt: z.string(),
})
export type CreateBoardDeviceResponse = z.infer<typeof CreateBoardDeviceResponse>

export const SetStaffLanguageRequest = z.object({ language: StaffLanguage })
export type SetStaffLanguageRequest = z.infer<typeof SetStaffLanguageRequest>
