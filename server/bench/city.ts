import type { Q } from '../db/types.js'
import { createGuardian, linkGuardian } from '../data/schoolSetup.js'
import { generateYear, type GeneratedYear } from '../test/generateYear.js'
import { analyzeAfterBulkLoad } from '../db/analyze.js'

export interface BenchCity {
  schools: GeneratedYear[]
  /** The day the snapshot and guidance queries look at: late in the year, so the year's history is behind it. */
  date: string
  logRows: number
  reports: number
}

export interface CityOptions {
  schools: number
  fiscalYear: number
  classesPerGrade: number
  pupilsPerClass: number
}

/**
 * A city of schools sharing one database, each with a year of marks (generateYear, the same
 * generator as the register tests) and guardian reports on `date` for one pupil in twelve, so
 * every school's day has entries and report threads. Only 欠席 and other special marks are
 * written (a school that does not confirm plain 出席), as most schools keep their log.
 */
export async function seedCity(q: Q, o: CityOptions): Promise<BenchCity> {
  const date = `${o.fiscalYear + 1}-03-24`
  const schools: GeneratedYear[] = []
  let logRows = 0
  let reports = 0
  for (let s = 0; s < o.schools; s++) {
    const y = await generateYear(q, {
      name: `ベンチ市立第${s + 1}小学校`, fiscalYear: o.fiscalYear, grades: 6, classesPerGrade: o.classesPerGrade,
      pupilsPerClass: o.pupilsPerClass, seed: 2026 + s, markEveryDay: false,
    })
    schools.push(y)
    logRows += y.logRows
    reports += await seedReports(q, y, date)
  }
  await analyzeAfterBulkLoad(q)
  return { schools, date, logRows, reports }
}

async function seedReports(q: Q, y: GeneratedYear, date: string): Promise<number> {
  const [reason] = await q<{ id: number }[]>`select id from school_reason where school_id = ${y.schoolId} order by id limit 1`
  const guardianId = await createGuardian(q, { loginId: `city-guardian-${y.schoolId}`, passwordHash: 'x', familyName: '家族', givenName: '保護者' })
  const pupils = y.pupilIds.filter((_, i) => i % 12 === 0)
  for (const [i, pupilId] of pupils.entries()) {
    await linkGuardian(q, { schoolId: y.schoolId, guardianId, pupilId })
    const [sub] = await q<{ id: number }[]>`insert into guardian_submission (guardian_id, idempotency_key, request_hash) values (${guardianId}, ${`city-${pupilId}`}, 'x') returning id`
    const [rep] = await q<{ id: number }[]>`
      insert into guardian_report (school_id, submission_id, guardian_id, pupil_id, kind, from_date, to_date, reason_id, message)
      values (${y.schoolId}, ${sub!.id}, ${guardianId}, ${pupilId}, ${i % 3 === 0 ? 'late' : 'absent'}, ${date}, ${date}, ${reason!.id}, '') returning id`
    await q`insert into guardian_report_day (school_id, report_id, pupil_id, date) values (${y.schoolId}, ${rep!.id}, ${pupilId}, ${date})`
  }
  return pupils.length
}
