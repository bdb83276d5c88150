import { z } from 'zod'
import { CalendarTemplateId } from '../domain/calendarTemplates.js'
import { Id, shortText } from './primitives.js'

/** The body that runs the schools: a 市区町村 (through its board of education) or a 学校法人. */
export const OrganisationKind = z.enum(['municipality', 'school_corporation'], { message: '設置者の種類を選んでください' })
export type OrganisationKind = z.infer<typeof OrganisationKind>
export const ORGANISATION_KIND_LABEL: Record<OrganisationKind, { ja: string; en: string }> = {
  municipality: { ja: '市区町村（教育委員会）', en: 'Municipality (board of education)' },
  school_corporation: { ja: '学校法人', en: 'School corporation' },
}

/**
 * The rule for an administrator's password, shown next to the field and in the refusal.
 * Long beats complicated: twelve characters with a letter and a digit, never the login id.
 */
export const ADMIN_PASSWORD_RULE = {
  ja: '12文字以上で、英字と数字をそれぞれ1文字以上含めてください（記号・空白も使えます）。ログインIDと同じものは使えません。',
  en: 'At least 12 characters with at least one letter and one digit (symbols and spaces allowed); not the login ID.',
} as const

export const AdminPassword = z
  .string()
  .max(200, 'パスワードは200文字以内にしてください')
  .refine((p) => [...p].length >= 12 && /[A-Za-z]/.test(p) && /[0-9]/.test(p), ADMIN_PASSWORD_RULE.ja)

const LoginId = z.string().trim().min(3, 'ログインIDは3文字以上にしてください').max(100).regex(/^[A-Za-z0-9@._+-]+$/, 'ログインIDには半角の英数字と @ . _ + - が使えます')
const required = (max: number, what: string) => shortText(max).pipe(z.string().min(1, `${what}を入力してください`))

/** 文部科学省の学校コード: a letter for the kind of school and twelve digits; optional. */
export const SchoolCode = z
  .string()
  .trim()
  .transform((s) => s.normalize('NFKC').toUpperCase())
  .pipe(z.string().regex(/^([A-H][0-9]{12})?$/, '学校コードは英字1文字と数字12桁（例: B113210000017）で入力してください'))
  .transform((s) => s || null)
  .nullable()

export const OrganisationInput = z.object({ kind: OrganisationKind, name: required(100, '設置者の名前') })
export type OrganisationInput = z.infer<typeof OrganisationInput>

export const NewSchoolInput = z.object({
  name: required(100, '学校名'),
  schoolCode: SchoolCode.default(null),
  fiscalYear: z.number({ message: '年度を選んでください' }).int().min(2000).max(2100),
  calendarTemplate: CalendarTemplateId,
})
export type NewSchoolInput = z.infer<typeof NewSchoolInput>

export const FirstAdminInput = z
  .object({
    familyName: required(40, '姓'),
    givenName: required(40, '名'),
    loginId: LoginId,
    password: AdminPassword,
  })
  .refine((a) => a.password.toLowerCase() !== a.loginId.toLowerCase(), { message: ADMIN_PASSWORD_RULE.ja, path: ['password'] })
export type FirstAdminInput = z.infer<typeof FirstAdminInput>

/** The one-time link's token: 32 random bytes in base64url. */
export const SetupToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'セットアップ用リンクが正しくありません')

export const SetupCheckRequest = z.object({ token: SetupToken })
export const SetupCheckResponse = z.object({ ok: z.literal(true), expiresAt: z.string(), suggestedFiscalYear: z.number().int() })
export type SetupCheckResponse = z.infer<typeof SetupCheckResponse>

/** Everything the first start needs, created in one transaction. */
export const SetupRequest = z.object({
  token: SetupToken,
  organisation: OrganisationInput,
  school: NewSchoolInput,
  admin: FirstAdminInput,
})
export type SetupRequest = z.infer<typeof SetupRequest>
export const SetupResponse = z.object({ ok: z.literal(true), schoolId: Id, loginId: z.string() })
export type SetupResponse = z.infer<typeof SetupResponse>

/** A city administrator adds a school of the organisation with its first administrator. */
export const CreateCitySchoolRequest = z.object({ school: NewSchoolInput, admin: FirstAdminInput })
export type CreateCitySchoolRequest = z.infer<typeof CreateCitySchoolRequest>

export const OrganisationSchool = z.object({
  id: Id,
  name: z.string(),
  schoolCode: z.string().nullable(),
  organisationId: Id.nullable(),
  organisationName: z.string().nullable(),
  /** Active 管理者・校長・教頭 accounts. */
  admins: z.number().int(),
  pupils: z.number().int(),
  currentYear: z.number().int().nullable(),
})
export type OrganisationSchool = z.infer<typeof OrganisationSchool>

export const CitySchools = z.object({
  ok: z.literal(true),
  organisation: z.object({ id: Id, kind: OrganisationKind, name: z.string() }),
  schools: z.array(OrganisationSchool),
})
export type CitySchools = z.infer<typeof CitySchools>
