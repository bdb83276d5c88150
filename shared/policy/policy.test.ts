import { describe, expect, it } from 'vitest'
import type { StaffRole } from '../protocol/auth.js'
import { ACTIONS, can, schoolWide, type Action, type Actor } from './policy.js'

/**
 * The expected grants, written out by hand from what the school's staff do (and what the
 * server checked before the table existed). Columns: admin, principal, vice_principal,
 * teacher, support, nurse, guardian, board, city administrator. S = every class of the own school,
 * C = own (homeroom) class only, H = by the school's health-note setting, G = own children,
 * Y = every school of the own organisation, - = never.
 */
const EXPECTED: Record<Action, string> = {
  'day.read': 'SSSSSS-S-',
  'health.read': 'HHHHHH---',
  'roster.read': 'SSSSSS---',
  'roll.mark': 'SSSCSS---',
  'report.phone': 'SSSCSS---',
  'report.acknowledge': 'SSSCSS---',
  'pupil.note': 'SSSCSS---',
  'pupil.history': 'SSSCSS---',
  'register.read': 'SSSCSS---',
  'register.correct': 'SSSCSS---',
  'suspension.plan': 'SSSCSS---',
  'suspension.apply': 'SSS-SS---',
  'calendar.read': 'SSSSSS---',
  'calendar.edit': 'SSS------',
  'guidance.read': 'SSSCSS---',
  'guidance.write': 'SSSCSS---',
  'exports.boardOfEducation': 'SSS------',
  'exports.dailyAbsentees': 'SSS--S---',
  'notices.read': 'SSS-SS---',
  'notices.send': 'SSS-SS---',
  'notices.template': 'SSS-SS---',
  'calls.record': 'SSS-SS---',
  'mail.captured': 'SSS------',
  'school.admin': 'SSS------',
  'audit.read': '-SS------',
  'safety.start': 'SSS------',
  'safety.close': 'SSS------',
  'safety.read': 'SSSCSS---',
  'safety.remind': 'SSS-SS---',
  'safety.report': 'SSS-SS---',
  'safety.answer': '------G--',
  'guardian.home': '------G--',
  'report.create': '------G--',
  'report.list': '------G--',
  'report.withdraw': '------G--',
  'notice.answer': '------G--',
  'city.schools.read': '--------Y',
  'city.schools.create': '--------Y',
  'guardian.settings': '------G--',
  'push.devices': '------G--',
}
const STAFF_ROLES: StaffRole[] = ['admin', 'principal', 'vice_principal', 'teacher', 'support', 'nurse']

const SCHOOL = 1
const OWN_CLASS = 10
const OTHER_CLASS = 11
const staff = (role: StaffRole, schoolId = SCHOOL): Actor => ({ kind: 'staff', schoolId, roles: [role], homeroomClassIds: [OWN_CLASS] })
const guardian: Actor = { kind: 'guardian', pupilIds: [100] }
const board: Actor = { kind: 'board', schoolId: SCHOOL }
const CITY = 7
const cityAdmin: Actor = { kind: 'city', cityId: CITY }
const everyone = (): [string, Actor][] => [...STAFF_ROLES.map((r) => [r, staff(r)] as [string, Actor]), ['guardian', guardian], ['board', board], ['city admin', cityAdmin]]

describe('the policy table', () => {
  it('names exactly the expected actions', () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  for (const action of ACTIONS) {
    it(`${action}: each role reaches what it should, and no further`, () => {
      everyone().forEach(([name, who], i) => {
        const mark = EXPECTED[action][i]
        const own = { schoolId: SCHOOL, classId: OWN_CLASS, pupilId: 100, healthNoteRoles: STAFF_ROLES, cityId: CITY }
        const other = { schoolId: SCHOOL, classId: OTHER_CLASS, pupilId: 101, healthNoteRoles: STAFF_ROLES, cityId: CITY }
        expect(can(who, action, own), `${name} own`).toBe(mark !== '-')
        expect(can(who, action, other), `${name} other class/child`).toBe(mark === 'S' || mark === 'H' || mark === 'Y')
        expect(schoolWide(who, action), `${name} school-wide`).toBe(mark === 'S' || mark === 'Y')
        // Another organisation is out of reach of a city administrator.
        if (who.kind === 'city') expect(can(who, action, { ...own, cityId: CITY + 1 }), `${name} other city`).toBe(false)
        // Another school is out of reach for every grant (a city administrator's reach is the organisation's schools).
        if (who.kind !== 'guardian' && who.kind !== 'city') expect(can(who, action, { ...own, schoolId: 2 }), `${name} other school`).toBe(false)
      })
    })
  }

  it('health notes follow the school setting, never a default', () => {
    const teacher = staff('teacher')
    expect(can(teacher, 'health.read')).toBe(false)
    expect(can(teacher, 'health.read', { schoolId: SCHOOL, healthNoteRoles: ['nurse'] })).toBe(false)
    expect(can(teacher, 'health.read', { schoolId: SCHOOL, healthNoteRoles: ['nurse', 'teacher'] })).toBe(true)
    const both: Actor = { kind: 'staff', schoolId: SCHOOL, roles: ['teacher', 'nurse'], homeroomClassIds: [] }
    expect(can(both, 'health.read', { schoolId: SCHOOL, healthNoteRoles: ['nurse'] })).toBe(true)
    expect(can(board, 'health.read', { schoolId: SCHOOL, healthNoteRoles: STAFF_ROLES })).toBe(false)
  })

  it('without a target, answers whether the role has the action at all (for showing controls)', () => {
    expect(can(staff('teacher'), 'roll.mark')).toBe(true)
    expect(can(staff('teacher'), 'notices.send')).toBe(false)
    expect(can({ kind: 'guardian' }, 'report.create')).toBe(true)
    expect(can({ kind: 'guardian' }, 'report.withdraw', { pupilId: 100 })).toBe(false)
  })

  it('a person with several roles gets the widest', () => {
    const teacherNurse: Actor = { kind: 'staff', schoolId: SCHOOL, roles: ['teacher', 'nurse'], homeroomClassIds: [OWN_CLASS] }
    expect(can(teacherNurse, 'pupil.history', { schoolId: SCHOOL, classId: OTHER_CLASS })).toBe(true)
    expect(schoolWide(teacherNurse, 'roll.mark')).toBe(true)
  })

  it('nobody may do anything anonymously', () => {
    for (const action of ACTIONS) expect(can(null, action), action).toBe(false)
  })
})
