import fc from 'fast-check'
import { schoolDaysBetween, type CalendarRules } from '../../shared/domain/calendar.js'
import { DEFAULT_CODES } from '../../shared/domain/defaultCodes.js'
import { countRegister, dayKind, pupilStreak, type DayKind, type DayMark, type EnrolmentSpan, type RegisterCounts } from '../../shared/domain/register.js'
import { addDays, datesBetween, weekdayOf } from '../../shared/time/schoolTime.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { nationalHolidaysBetween } from '../calendar/holidays.js'
import { createClosure, setCalendarDays } from '../calendar/edit.js'
import { appendMarks, codeIdByName, type MarkRow } from '../data/reports.js'
import type { Sql } from '../db/types.js'
import { createClass, createPupil, createSchool, createSchoolYear, createStaff } from '../data/schoolSetup.js'

/**
 * A random school year for property tests: vacations and 休校, Saturday class days, class and
 * grade closures, pupils who enrol or leave mid-year, marks of every code (also on weekends,
 * holidays and outside enrolment), corrections (later rows for the same day), runs of 欠席
 * with 出席停止・忌引 inside, and one long absence. `writeSchoolYear` stores it through the data
 * layer; `referenceOf` counts it with shared/domain/register.ts, never reading the database.
 */
export interface SchoolYearModel {
  fiscalYear: number
  vacations: { at: number; days: number }[]
  saturdays: number[]
  classesPerGrade: number
  closures: { classIdx: number | null; grade: number; at: number; days: number }[]
  pupils: { classIdx: number; enrol: number | null; leave: number | null }[]
  marks: { pupil: number; at: number; code: string | null }[]
  runs: { pupil: number; at: number; pattern: string[] }[]
  longAbsence: { pupil: number; at: number; days: number }
  corrections: { of: number; code: string | null }[]
  /** Days the pages are read on: any days of the year (offsets from April 1), and days of some log rows. */
  queries: number[]
  queryRows: number[]
}

export const GRADES = 2
const CODES = DEFAULT_CODES.map((c) => c.code)
const day = fc.integer({ min: 0, max: 364 })
const code = fc.option(fc.constantFrom(...CODES), { nil: null, freq: 10 })

export const schoolYearModel: fc.Arbitrary<SchoolYearModel> = fc.record({
  fiscalYear: fc.integer({ min: 2025, max: 2028 }),
  vacations: fc.array(fc.record({ at: day, days: fc.integer({ min: 1, max: 25 }) }), { maxLength: 4 }),
  saturdays: fc.array(day, { maxLength: 3 }),
  classesPerGrade: fc.integer({ min: 1, max: 2 }),
  closures: fc.array(fc.record({ classIdx: fc.option(fc.nat(3), { nil: null }), grade: fc.integer({ min: 1, max: GRADES }), at: day, days: fc.integer({ min: 1, max: 5 }) }), { maxLength: 4 }),
  pupils: fc.array(fc.record({ classIdx: fc.nat(3), enrol: fc.option(day, { freq: 3 }), leave: fc.option(day, { freq: 3 }) }), { minLength: 2, maxLength: 8 }),
  marks: fc.array(fc.record({ pupil: fc.nat(7), at: fc.integer({ min: -3, max: 367 }), code }), { maxLength: 150 }),
  runs: fc.array(fc.record({
    pupil: fc.nat(7), at: day,
    pattern: fc.array(fc.constantFrom('absent_sick', 'absent_sick', 'absent_other', 'suspension_infection', 'bereavement', 'late'), { minLength: 1, maxLength: 25 }),
  }), { maxLength: 5 }),
  longAbsence: fc.record({ pupil: fc.nat(7), at: fc.integer({ min: 0, max: 200 }), days: fc.integer({ min: 60, max: 100 }) }),
  corrections: fc.array(fc.record({ of: fc.nat(), code }), { maxLength: 25 }),
  queries: fc.array(day, { maxLength: 1 }),
  queryRows: fc.array(fc.nat(), { minLength: 2, maxLength: 3 }),
})

/** What the model means in dates: the school's calendar, the pupils and the log rows in order. */
export interface ModelFacts {
  startsOn: string
  endsOn: string
  rules: CalendarRules
  /** The calendar as it is edited, in order: a later edit of a day replaces an earlier one. */
  calendarEdits: { from: string; to: string; kind: 'closed' | 'extra_school_day' }[]
  classes: { grade: number; name: string; sortOrder: number }[]
  pupils: { classIdx: number; span: EnrolmentSpan }[]
  closures: { classIdx: number | null; grade: number | null; from: string; to: string }[]
  /** Log rows in the order they are written: the newest row of a pupil-day is its mark. */
  rows: { pupil: number; date: string; code: string | null }[]
  queries: string[]
}

export function factsOf(m: SchoolYearModel): ModelFacts {
  const startsOn = `${m.fiscalYear}-04-01`
  const endsOn = `${m.fiscalYear + 1}-03-31`
  const date = (at: number) => addDays(startsOn, at)
  const clip = (d: string) => (d > endsOn ? endsOn : d)
  const calendarEdits: ModelFacts['calendarEdits'] = m.vacations.map((v) => ({ from: date(v.at), to: clip(date(v.at + v.days - 1)), kind: 'closed' }))
  for (const s of m.saturdays) {
    const d = date(s + ((6 - weekdayOf(date(s)) + 7) % 7))
    if (d <= endsOn) calendarEdits.push({ from: d, to: d, kind: 'extra_school_day' })
  }
  const calendar = new Map<string, 'closed' | 'extra_school_day'>()
  for (const e of calendarEdits) for (const d of datesBetween(e.from, e.to)) calendar.set(d, e.kind)
  const classes = Array.from({ length: GRADES * m.classesPerGrade }, (_, i) => ({ grade: Math.floor(i / m.classesPerGrade) + 1, name: `${(i % m.classesPerGrade) + 1}組`, sortOrder: i % m.classesPerGrade }))
  const pupils = m.pupils.map((p) => {
    const [a, b] = [p.enrol, p.leave]
    const enrolledOn = a === null ? `${m.fiscalYear - 1}-04-01` : date(b !== null && b < a ? b : a)
    const leftOn = b === null ? null : date(a !== null && a > b ? a : b)
    return { classIdx: p.classIdx % classes.length, span: { enrolledOn, leftOn } }
  })
  const closures = m.closures.map((c) => ({
    classIdx: c.classIdx === null ? null : c.classIdx % classes.length, grade: c.classIdx === null ? c.grade : null,
    from: date(c.at), to: clip(date(c.at + c.days - 1)),
  }))
  const n = pupils.length
  const rows: ModelFacts['rows'] = m.marks.map((k) => ({ pupil: k.pupil % n, date: date(k.at), code: k.code }))
  for (const r of m.runs) r.pattern.forEach((code, i) => rows.push({ pupil: r.pupil % n, date: date(r.at + i), code }))
  for (let i = 0; i < m.longAbsence.days; i++) rows.push({ pupil: m.longAbsence.pupil % n, date: date(m.longAbsence.at + i), code: 'absent_other' })
  for (const c of m.corrections) if (rows.length) rows.push({ ...rows[c.of % rows.length]!, code: c.code })
  return {
    startsOn, endsOn, calendarEdits, classes, pupils, closures, rows,
    rules: {
      holidays: nationalHolidaysBetween(startsOn, endsOn),
      closedDays: new Set([...calendar].filter(([, k]) => k === 'closed').map(([d]) => d)),
      extraSchoolDays: new Set([...calendar].filter(([, k]) => k === 'extra_school_day').map(([d]) => d)),
    },
    queries: [...new Set([...m.queries.map(date), ...m.queryRows.map((k) => rows[k % rows.length]!.date), date(m.longAbsence.at + m.longAbsence.days - 1), endsOn])]
      .filter((d) => d >= startsOn && d <= endsOn).sort(),
  }
}

/** Database ids of what `writeSchoolYear` stored. */
export interface Written {
  schoolId: number
  schoolYearId: number
  classIds: number[]
  pupilIds: number[]
  who: StaffPrincipal
}

/** Stores the model the way the school would: calendar edits, closures, pupils, appended marks. */
export async function writeSchoolYear(sql: Sql, f: ModelFacts, fiscalYear: number, tag: string): Promise<Written> {
  const schoolId = await createSchool(sql, { name: `性質${tag}小学校` })
  const schoolYearId = await createSchoolYear(sql, schoolId, fiscalYear)
  const staffId = await createStaff(sql, { schoolId, loginId: `prop-${tag}`, passwordHash: 'x', familyName: '教頭', givenName: '先生', roles: ['vice_principal'] })
  const who: StaffPrincipal = { kind: 'staff', staffId, schoolId, roles: ['vice_principal'], homeroomClassIds: [], name: '教頭 先生', sessionHash: '' }
  // No page listens here: changes are written through the real services, published nowhere.
  const deps = { sql, publish: () => {} }
  for (const e of f.calendarEdits) await setCalendarDays(deps, who, { ...e, label: e.kind === 'closed' ? '休業' : '土曜授業' })
  const classIds: number[] = []
  for (const c of f.classes) classIds.push(await createClass(sql, { schoolId, schoolYearId, ...c }))
  for (const c of f.closures) {
    await createClosure(deps, who, { classId: c.classIdx === null ? null : classIds[c.classIdx]!, grade: c.grade, from: c.from, to: c.to, label: '' })
  }
  const pupilIds: number[] = []
  for (const [i, p] of f.pupils.entries()) {
    pupilIds.push(await createPupil(sql, {
      schoolId, schoolYearId, classId: classIds[p.classIdx]!, attendanceNumber: i + 1, familyName: '試験', givenName: `${i + 1}`,
      familyKana: 'しけん', givenKana: `${i + 1}`, enrolledOn: p.span.enrolledOn, leftOn: p.span.leftOn,
    }))
  }
  const codeIds = new Map(await Promise.all(CODES.map(async (c) => [c, await codeIdByName(sql, schoolId, c)] as const)))
  const recordedAt = new Date().toISOString()
  const rows: MarkRow[] = f.rows.map((r) => ({
    schoolId, seq: 0, pupilId: pupilIds[r.pupil]!, date: r.date, codeId: r.code === null ? null : codeIds.get(r.code)!, suggestedCodeId: null,
    source: 'teacher', actorStaffId: staffId, actorGuardianId: null, reportId: null, atTime: null, note: '', recordedAt,
  }))
  // One multi-row insert: ids follow the order of the rows, so the newest row is the model's.
  await appendMarks(sql, rows)
  return { schoolId, schoolYearId, classIds, pupilIds, who }
}

/** The register of the model, counted by shared/domain/register.ts. */
export function referenceOf(f: ModelFacts) {
  const marks = new Map<string, DayMark>()
  const semantics = new Map(DEFAULT_CODES.map((c) => [c.code, c]))
  for (const r of f.rows) marks.set(`${r.pupil}/${r.date}`, r.code === null ? null : semantics.get(r.code)!)
  const codeOn = new Map(f.rows.map((r) => [`${r.pupil}/${r.date}`, r.code]))
  const closedFor = (pupil: number) => (d: string) => {
    const p = f.pupils[pupil]!
    return f.closures.some((c) => d >= c.from && d <= c.to && (c.classIdx === p.classIdx || c.grade === f.classes[p.classIdx]!.grade))
  }
  const markOf = (pupil: number) => (d: string) => marks.get(`${pupil}/${d}`) ?? null
  const schoolDays = (from: string, to: string) => schoolDaysBetween(from < f.startsOn ? f.startsOn : from, to > f.endsOn ? f.endsOn : to, f.rules)
  return {
    schoolDays,
    /** The newest row's code of a pupil-day (null: cleared), undefined when never marked. */
    codeOn: (pupil: number, d: string) => codeOn.get(`${pupil}/${d}`),
    counts: (pupil: number, from: string, to: string): RegisterCounts => countRegister(schoolDays(from, to), f.pupils[pupil]!.span, markOf(pupil), closedFor(pupil)),
    streak: (pupil: number, to: string): number => pupilStreak(schoolDays(f.startsOn, to).reverse(), f.pupils[pupil]!.span, markOf(pupil), closedFor(pupil)),
    /** How the day counts for the pupil, or null when it is not one of their school days. */
    kindOn: (pupil: number, d: string): DayKind | null =>
      schoolDays(d, d).length && f.pupils[pupil]!.span.enrolledOn <= d && (f.pupils[pupil]!.span.leftOn ?? d) >= d ? dayKind(markOf(pupil)(d), closedFor(pupil)(d)) : null,
    closedFor: (pupil: number, d: string) => closedFor(pupil)(d),
  }
}
export type Reference = ReturnType<typeof referenceOf>
