import { z } from 'zod'
import { Id, shortText } from './primitives.js'

/** A registration or reset code as typed or scanned; the server normalises it. */
export const CodeInput = z.string().trim().min(8, 'コードを入力してください').max(40)

export const NewPassword = z.string().min(8, 'パスワードは8文字以上にしてください').max(200)

export const GuardianLoginId = z
  .string()
  .trim()
  .min(4, 'ログインIDは4文字以上にしてください')
  .max(100)
  .regex(/^[A-Za-z0-9@._+-]+$/, 'ログインIDには半角の英数字と @ . _ + - が使えます')

export const CheckCodeRequest = z.object({ code: CodeInput })
export const CheckCodeResponse = z.object({
  ok: z.literal(true),
  schoolName: z.string(),
  pupilName: z.string(),
  classLabel: z.string(),
})
export type CheckCodeResponse = z.infer<typeof CheckCodeResponse>

export const RegisterGuardianRequest = z.object({
  code: CodeInput,
  familyName: shortText(40).pipe(z.string().min(1, '姓を入力してください')),
  givenName: shortText(40).pipe(z.string().min(1, '名を入力してください')),
  loginId: GuardianLoginId,
  password: NewPassword,
  email: z.union([z.literal(''), z.string().trim().email('メールアドレスの形式が違います').max(200)]).optional(),
})
export type RegisterGuardianRequest = z.infer<typeof RegisterGuardianRequest>

export const AddChildRequest = z.object({ code: CodeInput })
export const AddChildResponse = z.object({ ok: z.literal(true), pupilName: z.string(), classLabel: z.string(), schoolName: z.string() })
export type AddChildResponse = z.infer<typeof AddChildResponse>

export const IssueLettersRequest = z.object({
  classId: Id.optional(),
  pupilIds: z.array(Id).max(2000).optional(),
  onlyUnregistered: z.boolean().default(false),
  validDays: z.number().int().min(1).max(365).default(30),
})
export type IssueLettersRequest = z.infer<typeof IssueLettersRequest>

export const Letter = z.object({
  pupilId: Id,
  codeId: Id,
  pupilName: z.string(),
  classLabel: z.string(),
  number: z.number().int(),
  guardianName: z.string(),
  code: z.string(),
  expiresAt: z.string(),
})
export type Letter = z.infer<typeof Letter>

export const LettersResponse = z.object({
  ok: z.literal(true),
  schoolName: z.string(),
  /** Path of the registration page; the page prefixes its own origin for the QR code. */
  registerPath: z.string(),
  letters: z.array(Letter),
})
export type LettersResponse = z.infer<typeof LettersResponse>

export const ClassRegistration = z.object({ classId: Id, classLabel: z.string(), pupils: z.number().int(), registered: z.number().int() })
export const UnregisteredPupil = z.object({ pupilId: Id, name: z.string(), classId: Id, classLabel: z.string(), number: z.number().int(), activeCodeExpiresAt: z.string().nullable() })
export const RegistrationDashboard = z.object({
  ok: z.literal(true),
  fiscalYear: z.number().int(),
  classes: z.array(ClassRegistration),
  total: z.object({ pupils: z.number().int(), registered: z.number().int() }),
  unregistered: z.array(UnregisteredPupil),
})
export type RegistrationDashboard = z.infer<typeof RegistrationDashboard>

export const PupilGuardians = z.object({
  ok: z.literal(true),
  guardians: z.array(z.object({ guardianId: Id, name: z.string(), linkedAt: z.string() })),
  codes: z.array(z.object({ codeId: Id, code: z.string(), expiresAt: z.string(), usedAt: z.string().nullable(), revokedAt: z.string().nullable() })),
})
export type PupilGuardians = z.infer<typeof PupilGuardians>

/** Shows a stored code the way letters print it: K7QP-4XMZ-9TDA. */
export function formatCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-')
}
