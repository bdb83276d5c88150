import { awayPercent, reachesThreshold } from '../../shared/domain/absenceRate.js'
import { SYMPTOM_VALUES } from '../../shared/domain/symptoms.js'
import { minutesOfTime } from '../../shared/time/schoolTime.js'
import type { CityAlert, CityClosure, CityDay, CityGrade, CitySchoolDay, DayCounts, SymptomCount } from '../../shared/protocol/city.js'
import type { CityPrincipal } from '../auth/principal.js'
import { citySchoolsOn, classesWithRoll, closuresOn, getCity, type CitySchoolRow, type ClosureRow } from '../data/city.js'
import type { Q } from '../db/types.js'
import { AppError } from '../errors.js'
import { classDayCounts } from '../register/counts.js'

/**
 * The board of education's view of its schools' day. Every number comes from the register's
 * counting (`classDayCounts` in register/counts.ts); this module only adds classes up, and
 * nothing that names a pupil leaves it.
 *
 * Classes in 学級閉鎖 count as 出席停止・忌引等 in the register; here they are left out of the
 * counts and rates and shown as closed classes instead, so a closure does not read as an
 * outbreak of 出席停止.
 */

export interface ClassDay {
  id: number
  grade: number
  name: string
  rollTaken: boolean
  closed: boolean
  counts: DayCounts
  symptoms: Map<string, number>
}

/** One school's day, per class: what the city views add up. */
export interface SchoolDay {
  schoolDay: boolean
  classes: ClassDay[]
  closures: ClosureRow[]
}

const ZERO: DayCounts = { enrolled: 0, absent: 0, excused: 0, late: 0, earlyLeave: 0, notArrived: 0 }
const COUNT_KEYS = Object.keys(ZERO) as (keyof DayCounts)[]

/**
 * Each school's day is kept until its sequence number moves: every change a school's pages can
 * see (a report, a mark, a roll, a closure, the calendar) takes a new number, so the city view
 * re-reads only the schools that changed. Keyed by the database, as tests run several apps.
 */
const cache = new WeakMap<object, Map<number, { key: string; day: SchoolDay }>>()

export async function schoolDayOf(q: Q, s: Pick<CitySchoolRow, 'id' | 'seq' | 'yearId'>, date: string): Promise<SchoolDay> {
  if (s.yearId === null) return { schoolDay: false, classes: [], closures: [] }
  let mine = cache.get(q)
  if (!mine) cache.set(q, (mine = new Map()))
  const key = `${date}|${s.seq}|${s.yearId}`
  const hit = mine.get(s.id)
  if (hit?.key === key) return hit.day
  const day = await readSchoolDay(q, s.id, s.yearId, date)
  mine.set(s.id, { key, day })
  return day
}

async function readSchoolDay(q: Q, schoolId: number, yearId: number, date: string): Promise<SchoolDay> {
  const [counted, classes, closures] = await Promise.all([
    classDayCounts(q, { schoolId, schoolYearId: yearId, date }),
    classesWithRoll(q, schoolId, yearId, date),
    closuresOn(q, schoolId, yearId, date),
  ])
  // A day that is not a school day has no grid: nobody is counted, no roll is due, no closure applies.
  const schoolDay = counted.schoolDay
  const byClass = new Map(counted.classes.map((c) => [c.classId, c]))
  const symptoms = new Map<number, Map<string, number>>()
  for (const s of counted.symptoms) {
    const m = symptoms.get(s.classId) ?? new Map<string, number>()
    m.set(s.symptom, s.count)
    symptoms.set(s.classId, m)
  }
  return {
    schoolDay,
    closures: schoolDay ? closures : [],
    classes: classes.map((c) => {
      const n = byClass.get(c.id)
      return {
        id: c.id, grade: c.grade, name: c.name, rollTaken: c.rollTaken,
        closed: schoolDay && closures.some((cl) => cl.classId === c.id || (cl.classId === null && cl.grade === c.grade)),
        counts: n ? { enrolled: n.enrolled, absent: n.absent, excused: n.excused, late: n.late, earlyLeave: n.earlyLeave, notArrived: n.notArrived } : { ...ZERO },
        symptoms: symptoms.get(c.id) ?? new Map(),
      }
    }),
  }
}

function add(into: DayCounts, c: DayCounts): void {
  for (const k of COUNT_KEYS) into[k] += c[k]
}

/** Symptom counts, the form's symptoms first in the form's order, then any other in Japanese order. */
export function symptomList(counts: Map<string, number>): SymptomCount[] {
  const known = SYMPTOM_VALUES.filter((s) => counts.has(s))
  const others = [...counts.keys()].filter((s) => !SYMPTOM_VALUES.includes(s)).sort((a, b) => a.localeCompare(b, 'ja'))
  return [...known, ...others].map((symptom) => ({ symptom, count: counts.get(symptom)! }))
}

function addSymptoms(into: Map<string, number>, from: Map<string, number>): void {
  for (const [k, n] of from) into.set(k, (into.get(k) ?? 0) + n)
}

/** The share away as a per cent with one decimal. */
const awayRate = (c: DayCounts) => Math.round(awayPercent(c) * 10) / 10

export interface CityDayInput {
  date: string
  today: string
  /** School-local wall time now, `HH:MM`. */
  time: string
}

/** A school's grades from its classes (open classes counted, closed ones numbered). */
export function gradesOf(day: SchoolDay): (CityGrade & { symptomCounts: Map<string, number> })[] {
  const grades = new Map<number, CityGrade & { symptomCounts: Map<string, number> }>()
  for (const c of day.classes) {
    const g = grades.get(c.grade) ?? { grade: c.grade, ...ZERO, classes: 0, closedClasses: 0, symptomCounts: new Map<string, number>() }
    g.classes++
    if (c.closed) g.closedClasses++
    else {
      add(g, c.counts)
      addSymptoms(g.symptomCounts, c.symptoms)
    }
    grades.set(c.grade, g)
  }
  return [...grades.values()].sort((a, b) => a.grade - b.grade)
}

export async function cityDay(q: Q, who: CityPrincipal, input: CityDayInput): Promise<CityDay> {
  const city = await getCity(q, who.cityId)
  if (!city) throw new AppError('FORBIDDEN')
  const rows = await citySchoolsOn(q, who.cityId, input.date)
  const days = await Promise.all(rows.map((s) => schoolDayOf(q, s, input.date)))
  const isToday = input.date === input.today
  const totals = { ...ZERO }
  const citySymptoms = new Map<string, number>()
  const alerts: CityAlert[] = []
  const closures: CityClosure[] = []
  const schools: CitySchoolDay[] = rows.map((s, i) => {
    const day = days[i]!
    const counts = { ...ZERO }
    const symptoms = new Map<string, number>()
    const open = day.classes.filter((c) => !c.closed)
    for (const c of open) {
      add(counts, c.counts)
      addSymptoms(symptoms, c.symptoms)
      if (reachesThreshold(c.counts, city.absenceAlertPercent)) {
        alerts.push({ schoolId: s.id, schoolName: s.name, grade: c.grade, className: c.name, enrolled: c.counts.enrolled, away: c.counts.absent + c.counts.excused, rate: awayRate(c.counts) })
      }
    }
    for (const cl of day.closures) {
      const cls = cl.classId === null ? null : day.classes.find((c) => c.id === cl.classId)
      closures.push({ schoolId: s.id, schoolName: s.name, grade: cls?.grade ?? cl.grade ?? 0, className: cls?.name ?? null, label: cl.label, fromDate: cl.fromDate, toDate: cl.toDate })
    }
    add(totals, counts)
    addSymptoms(citySymptoms, symptoms)
    // Rolls are taken for today only; earlier days are settled in the register.
    const rollDue = day.schoolDay && isToday && minutesOfTime(input.time) >= minutesOfTime(s.settings.rollCallTime)
    return {
      id: s.id, name: s.name, schoolCode: s.schoolCode, schoolDay: day.schoolDay, rollCallTime: s.settings.rollCallTime,
      ...counts,
      classes: day.classes.length,
      rollMissing: rollDue ? open.filter((c) => !c.rollTaken && c.counts.enrolled > 0).length : null,
      closedClasses: day.classes.length - open.length,
      grades: gradesOf(day).map(({ symptomCounts: _, ...g }) => g),
      symptoms: symptomList(symptoms),
    }
  })
  alerts.sort((a, b) => b.rate - a.rate || a.schoolName.localeCompare(b.schoolName, 'ja') || a.grade - b.grade)
  return {
    ok: true, organisation: { id: city.id, name: city.name }, date: input.date, today: isToday, time: input.time.replace(/^0/, ''),
    alertPercent: city.absenceAlertPercent, totals, schools, alerts, closures, symptoms: symptomList(citySymptoms),
  }
}
