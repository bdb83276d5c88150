import type { StaffRole } from '../../shared/protocol/index.js'
import { AppError } from '../errors.js'

/** Who is asking: resolved once per request or socket from the cookie. */
export type Principal =
  | { kind: 'staff'; staffId: number; schoolId: number; roles: StaffRole[]; homeroomClassIds: number[]; name: string; sessionHash: string }
  | { kind: 'guardian'; guardianId: number; name: string; sessionHash: string }
  | { kind: 'board'; deviceId: number; schoolId: number }

export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>
export type GuardianPrincipal = Extract<Principal, { kind: 'guardian' }>

/** Roles that may see every class of their school and act as the office. */
export const SCHOOL_WIDE_ROLES: readonly StaffRole[] = ['admin', 'principal', 'vice_principal', 'support', 'nurse']

/** Whether this staff member may read health notes, by the school's setting. */
export function readsHealthNotes(p: StaffPrincipal, allowed: readonly StaffRole[]): boolean {
  return p.roles.some((r) => allowed.includes(r))
}

export function requireStaff(p: Principal | null, ...anyOf: StaffRole[]): StaffPrincipal {
  if (!p) throw new AppError('UNAUTHENTICATED')
  if (p.kind !== 'staff') throw new AppError('FORBIDDEN')
  if (anyOf.length && !anyOf.some((r) => p.roles.includes(r))) throw new AppError('FORBIDDEN')
  return p
}

export function requireGuardian(p: Principal | null): GuardianPrincipal {
  if (!p) throw new AppError('UNAUTHENTICATED')
  if (p.kind !== 'guardian') throw new AppError('FORBIDDEN')
  return p
}

/** Staff and boards read a whole school's day; guardians never do. */
export function requireSchoolReader(p: Principal | null): Extract<Principal, { kind: 'staff' | 'board' }> {
  if (!p) throw new AppError('UNAUTHENTICATED')
  if (p.kind === 'guardian') throw new AppError('FORBIDDEN')
  return p
}
