import { DEFAULT_CODES, DEFAULT_REASONS } from '../../shared/domain/defaultCodes.js'
import type { SchoolSettings, StaffRole } from '../../shared/protocol/index.js'
import type { Q } from '../db/types.js'

/**
 * Building blocks for a school's data, shared by administration, the roster import, the demo seed and tests,
 * so they all create schools the same way.
 */
export async function createSchool(q: Q, s: { name: string; settings?: Partial<SchoolSettings>; organisationId?: number | null; schoolCode?: string | null }): Promise<number> {
  const [row] = await q<{ id: number }[]>`
    insert into school (name, settings, organisation_id, school_code)
    values (${s.name}, ${q.json((s.settings ?? {}) as never)}, ${s.organisationId ?? null}, ${s.schoolCode ?? null})
    returning id`
  const schoolId = row!.id
  await q`insert into attendance_code ${q(
    DEFAULT_CODES.map((c, i) => ({
      schoolId, code: c.code, label: c.label, shortLabel: c.shortLabel, onSite: c.onSite, countsAbsent: c.countsAbsent,
      excused: c.excused, isLate: c.isLate, isEarlyLeave: c.isEarlyLeave, provisional: c.provisional,
      guardianSelectable: c.guardianSelectable, futureAllowed: c.futureAllowed, sortOrder: i,
    })),
  )}`
  const codes = new Map((await q<{ id: number; code: string }[]>`select id, code from attendance_code where school_id = ${schoolId}`).map((c) => [c.code, c.id]))
  await q`insert into school_reason ${q(
    DEFAULT_REASONS.map((r, i) => ({ schoolId, label: r.label, category: r.category, suggestedCodeId: codes.get(r.suggestedCode)!, sortOrder: i })),
  )}`
  return schoolId
}

/** The April–March school year starting in `fiscalYear`. */
export async function createSchoolYear(q: Q, schoolId: number, fiscalYear: number): Promise<number> {
  const [row] = await q<{ id: number }[]>`
    insert into school_year (school_id, fiscal_year, starts_on, ends_on)
    values (${schoolId}, ${fiscalYear}, ${`${fiscalYear}-04-01`}, ${`${fiscalYear + 1}-03-31`}) returning id`
  return row!.id
}

export async function createClass(q: Q, c: { schoolId: number; schoolYearId: number; grade: number; name: string; sortOrder?: number }): Promise<number> {
  const [row] = await q<{ id: number }[]>`
    insert into school_class (school_id, school_year_id, grade, name, sort_order)
    values (${c.schoolId}, ${c.schoolYearId}, ${c.grade}, ${c.name}, ${c.sortOrder ?? 0}) returning id`
  return row!.id
}

export interface NewPupil {
  schoolId: number
  schoolYearId: number
  classId: number
  attendanceNumber: number
  familyName: string
  givenName: string
  familyKana: string
  givenKana: string
  enrolledOn: string
  leftOn?: string | null
}

export async function createPupil(q: Q, p: NewPupil): Promise<number> {
  const [row] = await q<{ id: number }[]>`
    insert into pupil (school_id, family_name, given_name, family_kana, given_kana, enrolled_on, left_on)
    values (${p.schoolId}, ${p.familyName}, ${p.givenName}, ${p.familyKana}, ${p.givenKana}, ${p.enrolledOn}, ${p.leftOn ?? null})
    returning id`
  await q`insert into class_membership (school_id, school_year_id, pupil_id, class_id, attendance_number)
    values (${p.schoolId}, ${p.schoolYearId}, ${row!.id}, ${p.classId}, ${p.attendanceNumber})`
  return row!.id
}

export async function createStaff(
  q: Q,
  s: { schoolId: number; loginId: string; passwordHash: string; familyName: string; givenName: string; roles: StaffRole[]; homeroomClassId?: number },
): Promise<number> {
  const [row] = await q<{ id: number }[]>`
    insert into staff (school_id, login_id, password_hash, family_name, given_name, roles)
    values (${s.schoolId}, ${s.loginId}, ${s.passwordHash}, ${s.familyName}, ${s.givenName}, ${s.roles}) returning id`
  if (s.homeroomClassId) {
    await q`insert into homeroom_assignment (school_id, class_id, staff_id) values (${s.schoolId}, ${s.homeroomClassId}, ${row!.id})`
  }
  return row!.id
}

export async function createGuardian(
  q: Q,
  g: { loginId: string; passwordHash: string; familyName: string; givenName: string; email?: string | null; phone?: string | null },
): Promise<number> {
  const [row] = await q<{ id: number }[]>`
    insert into guardian (login_id, password_hash, family_name, given_name, email, phone)
    values (${g.loginId}, ${g.passwordHash}, ${g.familyName}, ${g.givenName}, ${g.email ?? null}, ${g.phone ?? null}) returning id`
  return row!.id
}

export async function linkGuardian(q: Q, l: { schoolId: number; guardianId: number; pupilId: number; relationship?: string }): Promise<void> {
  await q`insert into guardian_pupil (school_id, guardian_id, pupil_id, relationship)
    values (${l.schoolId}, ${l.guardianId}, ${l.pupilId}, ${l.relationship ?? ''})`
}
