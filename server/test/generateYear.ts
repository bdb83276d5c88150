import { addDays } from '../../shared/time/schoolTime.js'
import type { Q } from '../db/types.js'
import { Random } from '../seed/random.js'
import { createClass, createPupil, createSchool, createSchoolYear } from '../data/schoolSetup.js'
import { schoolDaysOf } from '../register/counts.js'

/**
 * A school with a full year of marks, for the SQL-vs-shared comparison test and the register
 * benchmark: vacations, a 休校 day, a Saturday class day, a class closure and a grade closure,
 * pupils who enrolled or left mid-year, long absentees, corrections and cleared marks, and
 * stray marks on non-school days (which must not count).
 */
export interface GeneratedYear {
  schoolId: number
  schoolYearId: number
  classIds: number[]
  pupilIds: number[]
  logRows: number
}

export interface GenerateOptions {
  name: string
  fiscalYear: number
  grades: number
  classesPerGrade: number
  pupilsPerClass: number
  seed: number
  /** Write a mark for every pupil-day (as a school that confirms every roll would). */
  markEveryDay: boolean
}

export async function generateYear(q: Q, o: GenerateOptions): Promise<GeneratedYear> {
  const rnd = new Random(o.seed)
  const fy = o.fiscalYear
  const schoolId = await createSchool(q, { name: o.name })
  const schoolYearId = await createSchoolYear(q, schoolId, fy)
  const closed: { date: string; label: string }[] = []
  const range = (from: string, to: string, label: string) => { for (let d = from; d <= to; d = addDays(d, 1)) closed.push({ date: d, label }) }
  range(`${fy}-04-01`, `${fy}-04-05`, '春季休業')
  range(`${fy}-07-21`, `${fy}-08-31`, '夏季休業')
  range(`${fy}-12-25`, `${fy + 1}-01-07`, '冬季休業')
  range(`${fy + 1}-03-25`, `${fy + 1}-03-31`, '春季休業')
  closed.push({ date: `${fy}-10-16`, label: '臨時休業' })
  await q`insert into calendar_day ${q(closed.map((c) => ({ schoolId, date: c.date, kind: 'closed', label: c.label })))}`
  await q`insert into calendar_day (school_id, date, kind, label) values (${schoolId}, ${`${fy}-06-13`}, 'extra_school_day', '土曜授業')`

  const classIds: number[] = []
  const classGrade = new Map<number, number>()
  for (let g = 1; g <= o.grades; g++) {
    for (let k = 1; k <= o.classesPerGrade; k++) {
      const id = await createClass(q, { schoolId, schoolYearId, grade: g, name: `${k}組`, sortOrder: k })
      classIds.push(id)
      classGrade.set(id, g)
    }
  }
  await q`insert into class_closure (school_id, school_year_id, class_id, from_date, to_date, label)
    values (${schoolId}, ${schoolYearId}, ${classIds[0]!}, ${`${fy + 1}-01-20`}, ${`${fy + 1}-01-22`}, '学級閉鎖(インフルエンザ)')`
  await q`insert into class_closure (school_id, school_year_id, grade, from_date, to_date, label)
    values (${schoolId}, ${schoolYearId}, ${Math.min(2, o.grades)}, ${`${fy + 1}-02-04`}, ${`${fy + 1}-02-05`}, '学年閉鎖')`

  const pupilIds: number[] = []
  const spans = new Map<number, { from: string; to: string | null; rate: number }>()
  for (const classId of classIds) {
    for (let n = 1; n <= o.pupilsPerClass; n++) {
      const late = rnd.chance(0.04)
      const leaves = !late && rnd.chance(0.03)
      const enrolledOn = late ? `${fy}-09-${String(rnd.int(1, 28)).padStart(2, '0')}` : `${fy}-04-01`
      const leftOn = leaves ? `${fy}-12-${String(rnd.int(1, 20)).padStart(2, '0')}` : null
      const id = await createPupil(q, {
        schoolId, schoolYearId, classId, attendanceNumber: n, familyName: '試験', givenName: `${classGrade.get(classId)}-${classId}-${n}`,
        familyKana: 'しけん', givenKana: 'せいと', enrolledOn, leftOn,
      })
      pupilIds.push(id)
      // A few long absentees, so cumulative thresholds (30 = 長期欠席) are crossed.
      spans.set(id, { from: enrolledOn, to: leftOn, rate: rnd.chance(0.05) ? 0.3 : 0.04 })
    }
  }

  const codeIds = new Map((await q<{ id: number; code: string }[]>`select id, code from attendance_code where school_id = ${schoolId}`).map((c) => [c.code, c.id]))
  const id = (c: string) => codeIds.get(c)!
  const days = await schoolDaysOf(q, schoolId, `${fy}-04-01`, `${fy + 1}-03-31`)
  type Mark = { schoolId: number; seq: number; pupilId: number; date: string; codeId: number | null; source: string; note: string }
  let batch: Mark[] = []
  let logRows = 0
  const flush = async () => {
    if (batch.length) await q`insert into attendance_log ${q(batch, 'schoolId', 'seq', 'pupilId', 'date', 'codeId', 'source', 'note')}`
    logRows += batch.length
    batch = []
  }
  const mark = async (pupilId: number, date: string, codeId: number | null, note = '') => {
    batch.push({ schoolId, seq: 0, pupilId, date, codeId, source: 'teacher', note })
    if (batch.length >= 2000) await flush()
  }
  for (const pupilId of pupilIds) {
    const span = spans.get(pupilId)!
    let suspendedLeft = 0
    for (const date of days) {
      // Marks outside the enrolment (e.g. typed before the pupil arrived) must not count.
      if ((date < span.from || (span.to && date > span.to)) && !rnd.chance(0.02)) continue
      let code: string | null
      if (suspendedLeft > 0) { suspendedLeft--; code = 'suspension_infection' }
      else {
        const x = rnd.next()
        if (x < span.rate * 0.8) code = 'absent_sick'
        else if (x < span.rate) code = 'absent_other'
        else if (x < span.rate + 0.02) code = 'late'
        else if (x < span.rate + 0.03) code = 'early_leave'
        else if (x < span.rate + 0.034) { code = 'suspension_infection'; suspendedLeft = rnd.int(2, 4) }
        else if (x < span.rate + 0.036) code = 'bereavement'
        else if (x < span.rate + 0.039) code = 'not_arrived'
        else if (x < span.rate + 0.041) code = 'deemed_present'
        else code = o.markEveryDay ? 'present' : null
      }
      if (code === null) continue
      // Some marks are corrected later (a new row) or cleared (a null row), as in real use.
      const r = rnd.next()
      if (r < 0.03) await mark(pupilId, date, id('not_arrived'), '朝の点呼')
      await mark(pupilId, date, id(code))
      if (r > 0.985) await mark(pupilId, date, null, '誤入力の取消')
    }
    // A stray mark on a Sunday (not a school day) must be ignored.
    await mark(pupilId, `${fy}-05-10`, id('absent_sick'))
  }
  await flush()
  return { schoolId, schoolYearId, classIds, pupilIds, logRows }
}
