import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRegister, pupilStreak, type DayMark } from '../../shared/domain/register.js'
import { nationalHolidaysBetween } from '../calendar/holidays.js'
import type { Database } from '../db/types.js'
import { testDatabase } from '../test/db.js'
import { classDayCounts, registerCounts, schoolDaysOf } from './counts.js'
import { generateYear, type GeneratedYear } from '../test/generateYear.js'

/**
 * The SQL path and shared/ must give the same numbers. A generated year (vacations, closures,
 * mid-year enrolment, corrections, stray marks) is counted both ways for every pupil, for each
 * month and for the year so far at the month's end, with the streak at that day.
 */
let db: Database
let y: GeneratedYear
const FY = 2027 // includes February 29, 2028

beforeAll(async () => {
  db = await testDatabase()
  y = await generateYear(db.sql, { name: '比較小学校', fiscalYear: FY, grades: 3, classesPerGrade: 2, pupilsPerClass: 12, seed: 5, markEveryDay: false })
}, 120_000)
afterAll(async () => {
  await db?.close()
})

interface Pupil { id: number; classId: number; grade: number; enrolledOn: string; leftOn: string | null }

/** What shared/ needs, loaded naively (fine for a test; the point of SQL is not to do this). */
async function loadEverything() {
  const pupils = await db.sql<Pupil[]>`
    select p.id, m.class_id, c.grade, p.enrolled_on, p.left_on from pupil p
    join class_membership m on m.pupil_id = p.id join school_class c on c.id = m.class_id where p.school_id = ${y.schoolId}`
  const rows = await db.sql<{ pupilId: number; date: string; countsAbsent: boolean | null; excused: boolean | null; isLate: boolean | null; isEarlyLeave: boolean | null; provisional: boolean | null; codeId: number | null }[]>`
    select l.pupil_id, l.date, l.code_id, c.counts_absent, c.excused, c.is_late, c.is_early_leave, c.provisional
    from attendance_log l left join attendance_code c on c.id = l.code_id where l.school_id = ${y.schoolId} order by l.id`
  const marks = new Map<string, DayMark>()
  for (const r of rows) {
    // Later rows replace earlier ones: the current mark is the newest row.
    marks.set(`${r.pupilId}/${r.date}`, r.codeId === null ? null : { countsAbsent: !!r.countsAbsent, excused: !!r.excused, isLate: !!r.isLate, isEarlyLeave: !!r.isEarlyLeave, provisional: !!r.provisional })
  }
  const closures = await db.sql<{ classId: number | null; grade: number | null; fromDate: string; toDate: string }[]>`
    select class_id, grade, from_date, to_date from class_closure where school_id = ${y.schoolId}`
  return { pupils, marks, closures }
}

describe('the register from SQL equals the register from shared/', () => {
  it('has the national holidays of the data package, including substitute holidays', () => {
    const h = nationalHolidaysBetween(`${FY}-04-01`, `${FY + 1}-03-31`)
    expect(h.has('2027-05-04')).toBe(true)
    expect(h.has('2028-02-23')).toBe(true)
    expect(nationalHolidaysBetween('2026-05-06', '2026-05-06').has('2026-05-06')).toBe(true) // 振替休日
  })

  it('for every pupil, every month, the year so far and the streak', async () => {
    const { pupils, marks, closures } = await loadEverything()
    const all = await schoolDaysOf(db.sql, y.schoolId, `${FY}-04-01`, `${FY + 1}-03-31`)
    expect(all).toContain('2028-02-29')
    expect(all).toContain(`${FY}-06-13`) // Saturday class day
    expect(all).not.toContain(`${FY}-10-16`) // 臨時休業
    let compared = 0
    const seen = { absentDays: 0, excusedDays: 0, late: 0, earlyLeave: 0, unresolved: 0, streak: 0 }
    const months = ['04', '05', '06', '07', '09', '10', '11', '12', '01', '02', '03']
    for (const mm of months) {
      const yyyy = Number(mm) >= 4 ? FY : FY + 1
      const monthFrom = `${yyyy}-${mm}-01`
      // The last school day of the month (the register is counted up to a school day).
      const yearDays = all.filter((d) => d < `${yyyy}-${mm}-32`)
      const sql = new Map((await registerCounts(db.sql, { schoolId: y.schoolId, schoolYearId: y.schoolYearId, yearDays, periodFrom: monthFrom })).map((r) => [r.pupilId, r]))
      for (const p of pupils) {
        const span = { enrolledOn: p.enrolledOn, leftOn: p.leftOn }
        const markOf = (d: string) => marks.get(`${p.id}/${d}`) ?? null
        const closedFor = (d: string) => closures.some((c) => d >= c.fromDate && d <= c.toDate && (c.classId === p.classId || c.grade === p.grade))
        const year = countRegister(yearDays, span, markOf, closedFor)
        const period = countRegister(yearDays.filter((d) => d >= monthFrom), span, markOf, closedFor)
        const streak = pupilStreak([...yearDays].reverse(), span, markOf, closedFor)
        const got = sql.get(p.id)
        if (year.schoolDays === 0) { expect(got?.year.schoolDays ?? 0).toBe(0); continue }
        expect({ pupil: p.id, month: mm, period: got?.period, year: got?.year, streak: got?.streak }).toEqual({ pupil: p.id, month: mm, period, year, streak })
        compared++
        for (const k of ['absentDays', 'excusedDays', 'late', 'earlyLeave', 'unresolved'] as const) seen[k] += period[k]
        seen.streak = Math.max(seen.streak, streak)
      }
    }
    // The data must exercise the arithmetic, or the comparison proves nothing.
    expect(compared).toBeGreaterThan(pupils.length * 8)
    for (const n of Object.values(seen)) expect(n).toBeGreaterThan(1)
  })
})

describe("one day per class (the city's view) equals shared/", () => {
  it('for every class on school days with marks, closures, enrolments and leavers, and nothing on other days', async () => {
    const { pupils, marks, closures } = await loadEverything()
    const all = await schoolDaysOf(db.sql, y.schoolId, `${FY}-04-01`, `${FY + 1}-03-31`)
    // A closure day, a grade closure day, a day after leavers left, days of late enrolment, and a Sunday.
    const dates = [`${FY + 1}-01-20`, `${FY + 1}-02-04`, `${FY + 1}-01-12`, `${FY}-09-10`, `${FY}-05-10`, ...all.filter((_, i) => i % 37 === 5)]
    let counted = 0
    for (const date of dates) {
      const got = await classDayCounts(db.sql, { schoolId: y.schoolId, schoolYearId: y.schoolYearId, date })
      expect(got.schoolDay).toBe(all.includes(date))
      if (!got.schoolDay) { expect(got.classes).toEqual([]); continue }
      const want = new Map<number, { classId: number; enrolled: number; absent: number; excused: number; late: number; earlyLeave: number; notArrived: number }>()
      for (const p of pupils) {
        const c = countRegister([date], { enrolledOn: p.enrolledOn, leftOn: p.leftOn }, (d) => marks.get(`${p.id}/${d}`) ?? null,
          (d) => closures.some((cl) => d >= cl.fromDate && d <= cl.toDate && (cl.classId === p.classId || cl.grade === p.grade)))
        if (c.schoolDays === 0) continue
        const w = want.get(p.classId) ?? { classId: p.classId, enrolled: 0, absent: 0, excused: 0, late: 0, earlyLeave: 0, notArrived: 0 }
        w.enrolled++
        w.absent += c.absentDays
        w.excused += c.excusedDays
        w.late += c.late
        w.earlyLeave += c.earlyLeave
        w.notArrived += c.unresolved
        want.set(p.classId, w)
      }
      const byClass = (a: { classId: number }, b: { classId: number }) => a.classId - b.classId
      expect({ date, classes: [...got.classes].sort(byClass) }).toEqual({ date, classes: [...want.values()].sort(byClass) })
      counted += got.classes.reduce((n, c) => n + c.absent + c.excused + c.late + c.notArrived, 0)
    }
    expect(counted).toBeGreaterThan(10)
  })
})
