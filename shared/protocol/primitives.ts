import { z } from 'zod'
import { DateTime } from 'luxon'

/** Database ids travel as positive integers. */
export const Id = z.number().int().positive().max(2_147_483_647)
export type Id = z.infer<typeof Id>

export const LIMITS = {
  messageChars: 1000,
  rangeDays: 31,
  pupilsPerReport: 10,
  symptoms: 10,
  /** Body temperature a guardian may report, °C, to one decimal. */
  temperatureMin: 34,
  temperatureMax: 42.5,
  bodyBytes: 64 * 1024,
  /**
   * Dates outside these years are refused at the boundary: no school record needs them, and
   * arithmetic near year 0 or 9999 overflows or builds millions of days.
   */
  firstYear: 2000,
  lastYear: 2100,
} as const

/**
 * Text a person could have typed: no NUL or other control characters except tab and line
 * breaks, and no lone UTF-16 surrogates (PostgreSQL refuses the first, encoders choke on the
 * second).
 */
export function isSafeText(s: string): boolean {
  return !UNSAFE_TEXT.test(s)
}
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
export const UNSAFE_TEXT_MESSAGE = '使えない文字が含まれています'

/**
 * The dotted path of the first string (value or key) in a parsed JSON value that is not safe
 * text, or null. The one guard every HTTP body, query and socket payload passes, so no schema
 * can forget it.
 */
export function findUnsafeText(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return isSafeText(value) ? null : path || '_'
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findUnsafeText(value[i], path ? `${path}.${i}` : String(i))
      if (bad !== null) return bad
    }
    return null
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const here = path ? `${path}.${k}` : k
      if (!isSafeText(k)) return here
      const bad = findUnsafeText(v, here)
      if (bad !== null) return bad
    }
  }
  return null
}

/** Whether a `YYYY-…` text starts with a year the school records can hold. */
export const inSupportedYears = (s: string) => {
  const y = Number(s.slice(0, 4))
  return y >= LIMITS.firstYear && y <= LIMITS.lastYear
}
export const YEAR_MESSAGE = `${LIMITS.firstYear}年から${LIMITS.lastYear}年までの日付にしてください`

/** A school-local calendar date, `YYYY-MM-DD`, that exists, within LIMITS' years. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日付の形式が違います')
  .refine(inSupportedYears, YEAR_MESSAGE)
  .refine((s) => DateTime.fromISO(s, { zone: 'utc' }).isValid, '存在しない日付です')
export type IsoDate = z.infer<typeof IsoDate>

/** A school-local wall-clock time, `H:MM` or `HH:MM`, between 0:00 and 23:59. */
export const TimeOfDay = z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, '時刻の形式が違います')
export type TimeOfDay = z.infer<typeof TimeOfDay>

/** An instant on the wire: ISO 8601 with offset. */
export const Instant = z.string().datetime({ offset: true })
export type Instant = z.infer<typeof Instant>

/** Trimmed single-line text with a length cap; empty becomes undefined. */
export const shortText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim())
    .pipe(z.string().regex(/^[^\n\r\t]*$/, '改行は使えません').refine(isSafeText, UNSAFE_TEXT_MESSAGE))

export const Ok = z.object({ ok: z.literal(true) })
