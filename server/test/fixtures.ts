import type { StaffRole } from '../../shared/protocol/index.js'
import { hashPassword } from '../auth/password.js'
import type { Q } from '../db/types.js'
import { createClass, createGuardian, createPupil, createSchool, createSchoolYear, createStaff, linkGuardian } from '../data/schoolSetup.js'

export const PASSWORD = 'correct horse 7'
let hashOnce: Promise<string> | null = null
/** One hash for every fixture account: hashing is deliberately slow. */
const passwordHash = () => (hashOnce ??= hashPassword(PASSWORD))

export interface SmallSchool {
  schoolId: number
  yearId: number
  classes: { c1: number; c2: number }
  pupils: { taro: number; hanako: number; jiro: number; other: number }
  staff: { admin: number; teacher1: number; teacher2: number; vp: number }
  guardians: { suzuki: number; tanaka: number }
  login: { admin: string; teacher1: string; teacher2: string; vp: string; suzuki: string; tanaka: string }
}

/**
 * A small school for tests: two classes, four pupils; the Suzuki family has siblings in both
 * classes (taro in 1-1, jiro in 2-1), the Tanaka family one child (hanako in 1-1).
 */
export async function smallSchool(q: Q, prefix: string, fiscalYear = 2026): Promise<SmallSchool> {
  const hash = await passwordHash()
  const schoolId = await createSchool(q, { name: `${prefix}小学校` })
  const yearId = await createSchoolYear(q, schoolId, fiscalYear)
  const c1 = await createClass(q, { schoolId, schoolYearId: yearId, grade: 1, name: '1組' })
  const c2 = await createClass(q, { schoolId, schoolYearId: yearId, grade: 2, name: '1組' })
  const enrolledOn = `${fiscalYear}-04-01`
  const pupil = (classId: number, n: number, family: string, given: string, fk: string, gk: string) =>
    createPupil(q, { schoolId, schoolYearId: yearId, classId, attendanceNumber: n, familyName: family, givenName: given, familyKana: fk, givenKana: gk, enrolledOn })
  const taro = await pupil(c1, 1, '鈴木', '太郎', 'すずき', 'たろう')
  const hanako = await pupil(c1, 2, '田中', '花子', 'たなか', 'はなこ')
  const jiro = await pupil(c2, 1, '鈴木', '次郎', 'すずき', 'じろう')
  const other = await pupil(c2, 2, '佐藤', '三郎', 'さとう', 'さぶろう')
  const staff = (loginId: string, family: string, roles: StaffRole[], homeroomClassId?: number) =>
    createStaff(q, { schoolId, loginId: `${prefix}-${loginId}`, passwordHash: hash, familyName: family, givenName: '先生', roles, homeroomClassId })
  const admin = await staff('admin', '管理', ['admin'])
  const teacher1 = await staff('t1', '山本', ['teacher'], c1)
  const teacher2 = await staff('t2', '中村', ['teacher'], c2)
  const vp = await staff('vp', '小林', ['vice_principal'])
  const suzuki = await createGuardian(q, { loginId: `${prefix}-suzuki`, passwordHash: hash, familyName: '鈴木', givenName: '明美', phone: '090-0000-0001' })
  const tanaka = await createGuardian(q, { loginId: `${prefix}-tanaka`, passwordHash: hash, familyName: '田中', givenName: '健', phone: '090-0000-0002' })
  await linkGuardian(q, { schoolId, guardianId: suzuki, pupilId: taro })
  await linkGuardian(q, { schoolId, guardianId: suzuki, pupilId: jiro })
  await linkGuardian(q, { schoolId, guardianId: tanaka, pupilId: hanako })
  return {
    schoolId, yearId, classes: { c1, c2 }, pupils: { taro, hanako, jiro, other },
    staff: { admin, teacher1, teacher2, vp }, guardians: { suzuki, tanaka },
    login: { admin: `${prefix}-admin`, teacher1: `${prefix}-t1`, teacher2: `${prefix}-t2`, vp: `${prefix}-vp`, suzuki: `${prefix}-suzuki`, tanaka: `${prefix}-tanaka` },
  }
}
