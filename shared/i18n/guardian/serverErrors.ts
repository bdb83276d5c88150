import { ERROR_MESSAGES, type ErrorCode } from '../../protocol/errors.js'

/**
 * The error codes a guardian can meet: from the guardian routes (reports, withdraw, notices),
 * login and session, password change and reset, `/join/` registration, the language setting,
 * and what any request can get (rate limits, a full disk, an unreachable database). Each has a
 * message in every guardian catalogue (`error_<CODE>`); other codes are staff-only.
 */
export const GUARDIAN_ERROR_CODES = [
  'BAD_REQUEST', 'PAYLOAD_TOO_LARGE', 'UNAUTHENTICATED', 'LOGIN_FAILED', 'RATE_LIMITED', 'FORBIDDEN', 'BAD_ORIGIN',
  'PROTOCOL_MISMATCH', 'NOT_FOUND', 'PUPIL_NOT_FOUND', 'REPORT_NOT_FOUND', 'REASON_NOT_FOUND', 'DATE_OUTSIDE_SCHOOL_YEAR',
  'NOT_A_SCHOOL_DAY', 'NO_SCHOOL_DAYS_IN_RANGE', 'DATE_IN_PAST', 'CUTOFF_PASSED', 'ONE_SCHOOL_PER_REPORT', 'NOT_ENROLLED',
  'RANGE_TOO_LONG', 'TIME_REQUIRED', 'WITHDRAW_NOT_ALLOWED', 'ALREADY_WITHDRAWN', 'REPORT_EXISTS', 'IDEMPOTENCY_CONFLICT',
  'INTERNAL', 'UNAVAILABLE', 'STORAGE_FULL', 'NOTICE_NOT_FOUND', 'NOTICE_EXPIRED', 'NOTICE_ALREADY_ANSWERED',
  'CODE_INVALID', 'CODE_EXPIRED', 'CODE_USED', 'CODE_REVOKED', 'ALREADY_LINKED', 'LOGIN_ID_TAKEN', 'PASSWORD_WRONG',
  'RESET_CODE_INVALID', 'SAFETY_NOT_FOUND', 'SAFETY_CLOSED',
] as const satisfies readonly ErrorCode[]
export type GuardianErrorCode = (typeof GUARDIAN_ERROR_CODES)[number]
export type GuardianErrorKey = `error_${GuardianErrorCode}`

const guardianCodes: ReadonlySet<string> = new Set(GUARDIAN_ERROR_CODES)
export const isGuardianErrorCode = (code: string): code is GuardianErrorCode => guardianCodes.has(code)
export const errorKey = (code: GuardianErrorCode): GuardianErrorKey => `error_${code}`

/**
 * The Japanese catalogue's error messages: the server's own Japanese text, so the two never
 * drift apart.
 */
export const JAPANESE_ERRORS = Object.fromEntries(GUARDIAN_ERROR_CODES.map((code) => [errorKey(code), ERROR_MESSAGES[code].ja])) as Record<GuardianErrorKey, string>
