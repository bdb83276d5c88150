import { z } from 'zod'
import { DateTime } from 'luxon'

/** Database ids travel as positive integers. */
export const Id = z.number().int().positive().max(2_147_483_647)
export type Id = z.infer<typeof Id>

/** A school-local calendar date, `YYYY-MM-DD`, that exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日付の形式が違います')
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
    .pipe(z.string().regex(/^[^\n\r\t]*$/, '改行は使えません'))

export const LIMITS = {
  messageChars: 1000,
  rangeDays: 31,
  pupilsPerReport: 10,
  symptoms: 10,
  /** Body temperature a guardian may report, °C, to one decimal. */
  temperatureMin: 34,
  temperatureMax: 42.5,
  bodyBytes: 64 * 1024,
} as const

export const Ok = z.object({ ok: z.literal(true) })
