import type { StaffRole } from '../protocol/auth.js'

/**
 * Who may do what, defined once: every server guard and every page that shows or hides a
 * control asks `can`. A grant is role × action × scope; a person with several roles may do
 * whatever any of their roles may.
 */

/** Everyone a grant can name: each staff role, a guardian, a paired board device, a city administrator. */
export type PolicyRole = StaffRole | 'guardian' | 'board' | 'city_admin'

/**
 * How far a grant reaches.
 * - `own_class`: the classes (and their pupils) the staff member is homeroom teacher of.
 * - `school`: everything of the staff member's or board's own school.
 * - `health_notes`: the own school, if the school's `healthNoteRoles` setting names the role.
 * - `own_children`: the pupils linked to the guardian.
 * - `city`: every school of the administrator's organisation (市区町村 or 学校法人).
 */
export type Scope = 'own_class' | 'school' | 'health_notes' | 'own_children' | 'city'

type Grants = Partial<Record<PolicyRole, Scope>>

const ADMINS = ['admin', 'principal', 'vice_principal'] as const
/** The office: they see every class of their school and act on it. */
const OFFICE = [...ADMINS, 'support', 'nurse'] as const
const STAFF = [...OFFICE, 'teacher'] as const

const grant = (roles: readonly PolicyRole[], scope: Scope): Grants => Object.fromEntries(roles.map((r) => [r, scope]))
/** The homeroom teacher for their class, the office for every class. */
const homeroomOrOffice: Grants = { ...grant(OFFICE, 'school'), teacher: 'own_class' }

/** The policy table. Actions are named by what they allow. */
export const POLICY = {
  /** The school day as the board and staff pages show it (snapshot and live events). */
  'day.read': { ...grant(STAFF, 'school'), board: 'school' },
  /** Symptoms and temperatures in reports: the school's `healthNoteRoles` setting decides. */
  'health.read': grant(STAFF, 'health_notes'),
  /** A class list for the roll call: any staff member may glance at any class. */
  'roster.read': grant(STAFF, 'school'),
  /** 未登校・遅刻・早退・出席 marks and confirming a class's roll. */
  'roll.mark': homeroomOrOffice,
  /** A report taken by phone on a family's behalf. */
  'report.phone': homeroomOrOffice,
  /** Marking a guardian's report 確認済. */
  'report.acknowledge': homeroomOrOffice,
  /** A staff-only note on a pupil. */
  'pupil.note': homeroomOrOffice,
  /** A pupil's whole-year history: reports with the families' messages, marks, staff notes. */
  'pupil.history': homeroomOrOffice,
  /** The register (出席簿): months, CSV, the rows behind a day. */
  'register.read': homeroomOrOffice,
  /** Corrections and end-of-day resolution in the register. */
  'register.correct': homeroomOrOffice,
  /** Working out a 出席停止 period before applying it. */
  'suspension.plan': homeroomOrOffice,
  /** Applying a 出席停止 to the register. */
  'suspension.apply': grant(OFFICE, 'school'),
  'calendar.read': grant(STAFF, 'school'),
  'calendar.edit': grant(ADMINS, 'school'),
  /** 生徒指導: the absence ranking and memos. */
  'guidance.read': homeroomOrOffice,
  'guidance.write': homeroomOrOffice,
  /** The monthly long-absence list for the board of education. */
  'exports.boardOfEducation': grant(ADMINS, 'school'),
  /** Daily absentees by class for the infection information system. */
  'exports.dailyAbsentees': grant([...ADMINS, 'nurse'], 'school'),
  /** Today's not-arrived notices, their answers, phone numbers and the template. */
  'notices.read': grant(OFFICE, 'school'),
  'notices.send': grant(OFFICE, 'school'),
  'notices.template': grant(OFFICE, 'school'),
  /** Recording a call to a family. */
  'calls.record': grant(OFFICE, 'school'),
  /** Mail kept instead of sent (the embedded demo). */
  'mail.captured': grant(ADMINS, 'school'),
  /** Settings, staff, roster, registration letters, board devices, school years. */
  'school.admin': grant(ADMINS, 'school'),
  /** The audit log (who read health notes or pupil histories, who corrected the register): 校長・教頭. */
  'audit.read': grant(['principal', 'vice_principal'], 'school'),
  /** 安否確認: starting one from a template, and closing it (which freezes it): 校長・教頭 and administrators. */
  'safety.start': grant(ADMINS, 'school'),
  'safety.close': grant(ADMINS, 'school'),
  /**
   * Confirmations and who answered what: the homeroom teacher for their class, the office for
   * every class. The per-class tally (no names) reaches every staff page and the board with the day (`day.read`).
   */
  'safety.read': homeroomOrOffice,
  /** The non-responders with phone numbers, and reminders to them (by hand); the report (A4, CSV). */
  'safety.remind': grant(OFFICE, 'school'),
  'safety.report': grant(OFFICE, 'school'),
  /** A guardian answers for their own children. */
  'safety.answer': { guardian: 'own_children' },
  /** A guardian's own page: children, reports, notices, events. */
  'guardian.home': { guardian: 'own_children' },
  'report.create': { guardian: 'own_children' },
  'report.list': { guardian: 'own_children' },
  'report.withdraw': { guardian: 'own_children' },
  'notice.answer': { guardian: 'own_children' },
  /** The schools of an organisation, as a list. */
  'city.schools.read': { city_admin: 'city' },
  /** A further school of the organisation with its calendar and first administrator. */
  'city.schools.create': { city_admin: 'city' },
  /** A guardian's own account settings (the language of the page, notices and e-mails). */
  'guardian.settings': { guardian: 'own_children' },
  /** A guardian's own devices that receive notifications (Web Push): subscribe, list, remove. */
  'push.devices': { guardian: 'own_children' },
} as const satisfies Record<string, Grants>

export type Action = keyof typeof POLICY
export const ACTIONS = Object.keys(POLICY) as Action[]

/** Who asks; the server's principals and the pages' `Me` both fit. */
export type Actor =
  | { kind: 'staff'; schoolId: number; roles: readonly StaffRole[]; homeroomClassIds: readonly number[]; cityId?: number }
  | { kind: 'guardian'; pupilIds?: readonly number[] }
  | { kind: 'board'; schoolId: number }
  /** A city administrator: belongs to an organisation, not to a school. */
  | { kind: 'city'; cityId: number }

/** What the action is about; each field given is checked against the scope. */
export interface Target {
  schoolId?: number
  classId?: number
  /** Guardians: the child concerned. */
  pupilId?: number
  cityId?: number
  /** The school's setting of who reads health notes; the `health_notes` scope needs it. */
  healthNoteRoles?: readonly StaffRole[]
}

/** The roles an actor holds in the policy's terms. */
function rolesOf(who: Actor): readonly PolicyRole[] {
  if (who.kind === 'staff') return who.roles
  return who.kind === 'city' ? ['city_admin'] : [who.kind]
}

/** The scopes the actor's roles grant for an action (empty: not allowed at all). */
function scopesOf(who: Actor | null, action: Action): Scope[] {
  if (!who) return []
  const grants: Grants = POLICY[action]
  return [...new Set(rolesOf(who).flatMap((r) => grants[r] ?? []))]
}

/**
 * Whether `who` may do `action` on `target`. Without a target: whether any of their roles
 * grants the action at all (pages use this to show a control), except health notes, which
 * always need the school's setting. Anonymous callers may do nothing.
 */
export function can(who: Actor | null, action: Action, target?: Target): boolean {
  if (!who) return false
  const grants: Grants = POLICY[action]
  return rolesOf(who).some((role) => {
    const scope = grants[role]
    if (!scope) return false
    if (scope === 'health_notes') return reaches(who, scope, target ?? {}, role)
    return target === undefined || reaches(who, scope, target, role)
  })
}

/** Whether the actor reaches every class of their school for this action (not only their own). */
export function schoolWide(who: Actor | null, action: Action): boolean {
  return scopesOf(who, action).some((s) => s === 'school' || s === 'city')
}

function reaches(who: Actor, scope: Scope, t: Target, role: PolicyRole): boolean {
  const ownSchool = (who.kind === 'staff' || who.kind === 'board') && (t.schoolId === undefined || t.schoolId === who.schoolId)
  switch (scope) {
    case 'school':
      return ownSchool
    case 'own_class':
      return ownSchool && who.kind === 'staff' && t.classId !== undefined && who.homeroomClassIds.includes(t.classId)
    case 'health_notes':
      return ownSchool && !!t.healthNoteRoles?.includes(role as StaffRole)
    case 'own_children':
      return who.kind === 'guardian' && t.pupilId !== undefined && !!who.pupilIds?.includes(t.pupilId)
    case 'city':
      return (who.kind === 'staff' || who.kind === 'city') && who.cityId !== undefined && t.cityId === who.cityId
  }
}
