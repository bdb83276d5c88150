import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import { hashPassword } from '../auth/password.js'
import type { Sql } from '../db/types.js'
import { createClass, createGuardian, createPupil, createSchool, createSchoolYear, createStaff, linkGuardian } from '../data/schoolSetup.js'

export const BENCH_PASSWORD = 'bench horse 7'
const PUPILS_PER_CLASS = 25
const CHILDREN_PER_GUARDIAN = 2

export interface BenchGuardian {
  loginId: string
  pupilIds: number[]
}

export interface BenchSchool {
  schoolId: number
  timeZone: string
  /** The 発熱 reason, as a guardian reporting a fever would pick it. */
  reasonId: number
  adminLoginId: string
  guardians: BenchGuardian[]
}

/**
 * One school in `fiscalYear` with `pupils` pupils in classes of 25 and one guardian per two
 * siblings, or `families` guardians (between half the pupils and all of them) of whom as many
 * as needed have two children and the rest one, built with the same helpers as the demo seed. Every account shares one password
 * hash: hashing is deliberately slow and is not what the bench measures.
 */
export async function seedBenchSchool(sql: Sql, opts: { pupils: number; fiscalYear: number; families?: number }): Promise<BenchSchool> {
  const hash = await hashPassword(BENCH_PASSWORD)
  const timeZone = SCHOOL_ZONE
  const schoolId = await createSchool(sql, { name: 'ベンチ小学校' })
  const schoolYearId = await createSchoolYear(sql, schoolId, opts.fiscalYear)
  const classCount = Math.ceil(opts.pupils / PUPILS_PER_CLASS)
  const classIds: number[] = []
  for (let c = 0; c < classCount; c++) {
    // Grades 1–6, then a second 組 per grade: (school_year, grade, name) is unique.
    classIds.push(await createClass(sql, { schoolId, schoolYearId, grade: (c % 6) + 1, name: `${Math.floor(c / 6) + 1}組`, sortOrder: c }))
  }

  const pupilIds: number[] = []
  for (let i = 0; i < opts.pupils; i++) {
    pupilIds.push(
      await createPupil(sql, {
        schoolId, schoolYearId, classId: classIds[Math.floor(i / PUPILS_PER_CLASS)]!, attendanceNumber: (i % PUPILS_PER_CLASS) + 1,
        familyName: `家族${Math.floor(i / CHILDREN_PER_GUARDIAN) + 1}`, givenName: `児童${i + 1}`,
        familyKana: 'かぞく', givenKana: 'じどう', enrolledOn: `${opts.fiscalYear}-04-01`,
      }),
    )
  }

  const adminLoginId = `bench-admin-${schoolId}`
  await createStaff(sql, { schoolId, loginId: adminLoginId, passwordHash: hash, familyName: '管理', givenName: '先生', roles: ['admin'] })

  const guardians: BenchGuardian[] = []
  const families = opts.families ?? Math.ceil(pupilIds.length / CHILDREN_PER_GUARDIAN)
  if (families < pupilIds.length / CHILDREN_PER_GUARDIAN || families > pupilIds.length) throw new Error(`${families} families cannot hold ${pupilIds.length} pupils`)
  const siblings = pupilIds.length - families
  for (let g = 0, next = 0; next < pupilIds.length; g++) {
    const loginId = `bench-guardian-${schoolId}-${g + 1}`
    const guardianId = await createGuardian(sql, { loginId, passwordHash: hash, familyName: `家族${g + 1}`, givenName: '保護者' })
    const children = pupilIds.slice(next, next += g < siblings ? CHILDREN_PER_GUARDIAN : 1)
    for (const pupilId of children) await linkGuardian(sql, { schoolId, guardianId, pupilId })
    guardians.push({ loginId, pupilIds: children })
  }

  const [reason] = await sql<{ id: number }[]>`select id from school_reason where school_id = ${schoolId} and label = '発熱'`
  if (!reason) throw new Error('the default reasons no longer include 発熱; update the bench')
  return { schoolId, timeZone, reasonId: reason.id, adminLoginId, guardians }
}
