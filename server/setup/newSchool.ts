import type { NewSchoolInput } from '../../shared/protocol/index.js'
import { createYearWithCalendar } from '../calendar/templates.js'
import { createSchool, createStaff } from '../data/schoolSetup.js'
import type { Q } from '../db/types.js'
import { AppError } from '../errors.js'
import { claimLoginId } from '../registration/register.js'

export interface NewAdmin {
  familyName: string
  givenName: string
  loginId: string
  /** Hashed before the transaction: scrypt is slow on purpose. */
  passwordHash: string
}

/**
 * A school of an organisation, ready to use: attendance codes and reasons, its first school
 * year with the chosen calendar template, and its first administrator. Runs inside the
 * caller's transaction (setup, a city administrator, the admin command).
 */
export async function createSchoolWithAdmin(tx: Q, organisationId: number, school: NewSchoolInput, admin: NewAdmin): Promise<{ schoolId: number; adminId: number }> {
  await claimLoginId(tx, admin.loginId, 'admin.loginId')
  if (school.schoolCode) {
    const [taken] = await tx`select 1 from school where school_code = ${school.schoolCode}`
    if (taken) throw new AppError('SCHOOL_CODE_TAKEN', undefined, { 'school.schoolCode': '登録済みの学校コードです' })
  }
  const schoolId = await createSchool(tx, { name: school.name, organisationId, schoolCode: school.schoolCode })
  await createYearWithCalendar(tx, schoolId, school.fiscalYear, school.calendarTemplate)
  const adminId = await createStaff(tx, { schoolId, loginId: admin.loginId, passwordHash: admin.passwordHash, familyName: admin.familyName, givenName: admin.givenName, roles: ['admin'] })
  return { schoolId, adminId }
}
