import { can, type Action, type Target } from '../../shared/policy/policy.js'
import type { ErrorCode, SchoolSettings } from '../../shared/protocol/index.js'
import { AppError } from '../errors.js'
import { requireCityAdmin, requireGuardian, requireStaff, type CityPrincipal, type GuardianPrincipal, type Principal, type StaffPrincipal } from './principal.js'

/**
 * The server's guards: each asks the policy table (shared/policy) and turns a refusal into
 * the error the caller sees: UNAUTHENTICATED for nobody, else FORBIDDEN (or the code given).
 */
export function authorize(who: Principal | null, action: Action, target?: Target, refusal: ErrorCode = 'FORBIDDEN', message?: string): void {
  if (!who) throw new AppError('UNAUTHENTICATED')
  if (!can(who, action, target)) throw new AppError(refusal, message)
}

/** A staff member who may do `action` (on `target`, when given). */
export function staffMay(p: Principal | null, action: Action, target?: Target): StaffPrincipal {
  const who = requireStaff(p)
  authorize(who, action, target)
  return who
}

/** A guardian who may do `action` (for the child in `target`, when given). */
export function guardianMay(p: Principal | null, action: Action, target?: Target): GuardianPrincipal {
  const who = requireGuardian(p)
  authorize(who, action, target)
  return who
}

/** A city administrator who may do `action` for their own organisation. */
export function cityAdminMay(p: Principal | null, action: Action): CityPrincipal {
  const who = requireCityAdmin(p)
  authorize(who, action, { cityId: who.cityId })
  return who
}

/** A staff member or board that may read the school day. */
export function dayReader(p: Principal | null): Extract<Principal, { kind: 'staff' | 'board' }> {
  if (!p) throw new AppError('UNAUTHENTICATED')
  if (p.kind === 'guardian' || p.kind === 'city') throw new AppError('FORBIDDEN')
  authorize(p, 'day.read')
  return p
}

/** Whether this principal may read health notes (symptoms, temperatures) of its school, by the school's setting. */
export function readsHealthNotes(who: Principal, school: { id: number; settings: Pick<SchoolSettings, 'healthNoteRoles'> }): boolean {
  return can(who, 'health.read', { schoolId: school.id, healthNoteRoles: school.settings.healthNoteRoles })
}
