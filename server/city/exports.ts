import { SYMPTOM_VALUES } from '../../shared/domain/symptoms.js'
import type { CityPrincipal } from '../auth/principal.js'
import { citySchoolsOn, pupilGrades } from '../data/city.js'
import { schoolYearOn } from '../data/schools.js'
import type { Q } from '../db/types.js'
import { LONG_ABSENCE_DAYS } from '../guidance/exports.js'
import { registerCounts, schoolDaysOf } from '../register/counts.js'
import { toCsv } from '../register/csv.js'
import { monthRange } from '../register/month.js'
import { gradesOf, schoolDayOf, symptomList } from './day.js'

/**
 * The city's CSVs for the board of education, counts only. The daily one has the shape the
 * school absence and infectious disease information system (学校等欠席者・感染症情報システム)
 * asks for: per school and grade the enrolment, 欠席, 出席停止・忌引等, then one column per
 * symptom; the monthly one the 長期欠席 figures per school.
 */
export async function cityDailyCsv(q: Q, who: CityPrincipal, date: string): Promise<string> {
  const schools = await citySchoolsOn(q, who.cityId, date)
  const days = await Promise.all(schools.map((s) => schoolDayOf(q, s, date)))
  const perSchool = schools.map((s, i) => ({ s, day: days[i]!, grades: gradesOf(days[i]!) }))
  const seen = new Map<string, number>()
  for (const { grades } of perSchool) for (const g of grades) for (const [k, n] of g.symptomCounts) seen.set(k, (seen.get(k) ?? 0) + n)
  // The form's symptoms always have a column, so every day's file has the same columns to import.
  const symptomCols = [...SYMPTOM_VALUES, ...symptomList(seen).map((s) => s.symptom).filter((s) => !SYMPTOM_VALUES.includes(s))]
  const rows = perSchool.flatMap(({ s, day, grades }) => (day.schoolDay ? grades : []).map((g) => [
    date, s.schoolCode ?? '', s.name, g.grade, g.enrolled, g.absent, g.excused, g.late, g.earlyLeave, g.notArrived, g.classes, g.closedClasses,
    ...symptomCols.map((k) => g.symptomCounts.get(k) ?? 0),
  ]))
  return toCsv([
    ['日付', '学校コード', '学校名', '学年', '在籍者数', '欠席者数', '出席停止・忌引等', '遅刻', '早退', '未登校', '学級数', '学級閉鎖学級数', ...symptomCols.map((s) => `症状:${s}`)],
    ...rows,
  ])
}

/**
 * 長期欠席 per school for a month: pupils with 30 or more 欠席 days in the school year up to the
 * end of the month (or today), those who reached 30 during the month, and the first by grade.
 * Counted by registerCounts, school by school; pupils are only ever counted, never listed.
 */
export async function cityLongAbsenceCsv(q: Q, who: CityPrincipal, month: string, today: string): Promise<string> {
  const { from, to: monthEnd } = monthRange(month)
  const to = monthEnd < today ? monthEnd : today
  const schools = await citySchoolsOn(q, who.cityId, from)
  const grades = [1, 2, 3, 4, 5, 6]
  const rows: (string | number)[][] = []
  for (const s of schools) {
    const year = await schoolYearOn(q, s.id, from)
    if (!year || to < from) {
      rows.push([month, s.schoolCode ?? '', s.name, to, 0, 0, 0, ...grades.map(() => 0)])
      continue
    }
    const yearDays = await schoolDaysOf(q, s.id, year.startsOn, to < year.endsOn ? to : year.endsOn)
    const counts = yearDays.length ? await registerCounts(q, { schoolId: s.id, schoolYearId: year.id, yearDays, periodFrom: from }) : []
    const gradeOf = await pupilGrades(q, year.id)
    const long = counts.filter((c) => c.year.absentDays >= LONG_ABSENCE_DAYS)
    const newThisMonth = long.filter((c) => c.year.absentDays - c.period.absentDays < LONG_ABSENCE_DAYS)
    rows.push([month, s.schoolCode ?? '', s.name, to, counts.length, long.length, newThisMonth.length,
      ...grades.map((g) => long.filter((c) => gradeOf.get(c.pupilId) === g).length)])
  }
  return toCsv([
    ['対象月', '学校コード', '学校名', '集計日', '集計対象児童生徒数', `長期欠席者数(欠席${LONG_ABSENCE_DAYS}日以上)`, 'うち当月に達した者', ...grades.map((g) => `${g}年`)],
    ...rows,
  ])
}
