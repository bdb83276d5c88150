import { z } from 'zod'
import { Id, IsoDate, TimeOfDay } from './primitives.js'
import { YearMonth } from './register.js'

/**
 * The board of education's view of its schools' day. Counts and rates only: no pupil's name,
 * note or id is part of any of these shapes (a test reads every city payload for them).
 */

/** The counts of one group of pupils (a class, a grade, a school) on one day, by the register's counting. */
export const DayCounts = z.object({
  /** Pupils enrolled on the day. */
  enrolled: z.number().int(),
  /** 欠席. */
  absent: z.number().int(),
  /** 出席停止・忌引等 (outside classes in 学級閉鎖). */
  excused: z.number().int(),
  late: z.number().int(),
  earlyLeave: z.number().int(),
  /** 未登校: still marked not arrived. */
  notArrived: z.number().int(),
})
export type DayCounts = z.infer<typeof DayCounts>

export const SymptomCount = z.object({ symptom: z.string(), count: z.number().int() })
export type SymptomCount = z.infer<typeof SymptomCount>

export const CityGrade = DayCounts.extend({
  grade: z.number().int(),
  classes: z.number().int(),
  closedClasses: z.number().int(),
})
export type CityGrade = z.infer<typeof CityGrade>

export const CitySchoolDay = DayCounts.extend({
  id: Id,
  name: z.string(),
  schoolCode: z.string().nullable(),
  /** False on the school's holidays and vacations, and when the date is outside its school years. */
  schoolDay: z.boolean(),
  rollCallTime: TimeOfDay,
  classes: z.number().int(),
  /** Today: classes without their roll once the school's roll-call time has passed (null before it, and for other days). */
  rollMissing: z.number().int().nullable(),
  closedClasses: z.number().int(),
  grades: z.array(CityGrade),
  symptoms: z.array(SymptomCount),
})
export type CitySchoolDay = z.infer<typeof CitySchoolDay>

/** A class whose share of pupils away (欠席 + 出席停止・忌引等) reached the city's threshold. */
export const CityAlert = z.object({
  schoolId: Id,
  schoolName: z.string(),
  grade: z.number().int(),
  className: z.string(),
  enrolled: z.number().int(),
  away: z.number().int(),
  /** Per cent, one decimal. */
  rate: z.number(),
})
export type CityAlert = z.infer<typeof CityAlert>

export const CityClosure = z.object({
  schoolId: Id,
  schoolName: z.string(),
  grade: z.number().int(),
  /** Null for a whole grade (学年閉鎖). */
  className: z.string().nullable(),
  label: z.string(),
  fromDate: IsoDate,
  toDate: IsoDate,
})
export type CityClosure = z.infer<typeof CityClosure>

export const CityDay = z.object({
  ok: z.literal(true),
  organisation: z.object({ id: Id, name: z.string() }),
  date: IsoDate,
  /** Whether the date is today (roll-not-taken applies from each school's roll-call time). */
  today: z.boolean(),
  /** School-local time the view was computed, `H:MM`. */
  time: z.string(),
  alertPercent: z.number().int(),
  totals: DayCounts,
  schools: z.array(CitySchoolDay),
  alerts: z.array(CityAlert),
  closures: z.array(CityClosure),
  symptoms: z.array(SymptomCount),
})
export type CityDay = z.infer<typeof CityDay>

/** GET /api/city/day?date= (today when omitted). */
export const CityDayQuery = z.object({ date: IsoDate.optional() })
const encoding = z.enum(['utf8', 'sjis']).default('sjis')
/** The infection information system's daily counts by school, grade and symptom. */
export const CityDailyCsvQuery = z.object({ date: IsoDate, encoding })
/** 長期欠席 (30+ 欠席 days in the school year) per school, up to the end of the month. */
export const CityLongAbsenceCsvQuery = z.object({ month: YearMonth, encoding })

export const CitySettings = z.object({
  /** A class at or above this share of pupils away raises an alert (学級閉鎖 to be considered). */
  absenceAlertPercent: z.number({ message: '割合を数字で入力してください' }).int('整数で入力してください').min(1, '1〜100の範囲で入力してください').max(100, '1〜100の範囲で入力してください'),
})
export type CitySettings = z.infer<typeof CitySettings>

/**
 * `city:changed`: some schools of the city changed, or (no school named) the city's own settings
 * such as its alert threshold; pages re-read the aggregates. No pupil data.
 */
export const CityChanged = z.object({ cityId: Id, schoolIds: z.array(Id) })
export type CityChanged = z.infer<typeof CityChanged>
