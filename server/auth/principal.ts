import type { StaffRole } from '../../shared/protocol/index.js'
import { AppError } from '../errors.js'

/** Who is asking: resolved once per request or socket command from the cookie. */
export type Principal =
  | {
      kind: 'staff'; staffId: number; schoolId: number; roles: StaffRole[]; homeroomClassIds: number[]; name: string; sessionHash: string
      /** Where the request came from (see auth/source.ts), for the audit log; set by the HTTP layer and the hub. */
      address?: string
    }
  | { kind: 'guardian'; guardianId: number; name: string; sessionHash: string; /** The children linked to this guardian now. */ pupilIds: number[] }
  | { kind: 'board'; deviceId: number; schoolId: number }
  /** A city administrator: staff of the organisation (`cityId`), of no school. */
  | { kind: 'city'; staffId: number; cityId: number; name: string; sessionHash: string }

export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>
export type GuardianPrincipal = Extract<Principal, { kind: 'guardian' }>
export type CityPrincipal = Extract<Principal, { kind: 'city' }>

/** A logged-in staff member; what they may do is the policy's to say (see guards.ts). */
export function requireStaff(p: Principal | null): StaffPrincipal {
  if (!p) throw new AppError('UNAUTHENTICATED')
  if (p.kind !== 'staff') throw new AppError('FORBIDDEN')
  return p
}

export function requireGuardian(p: Principal | null): GuardianPrincipal {
  if (!p) throw new AppError('UNAUTHENTICATED')
  if (p.kind !== 'guardian') throw new AppError('FORBIDDEN')
  return p
}

export function requireCityAdmin(p: Principal | null): CityPrincipal {
  if (!p) throw new AppError('UNAUTHENTICATED')
  if (p.kind !== 'city') throw new AppError('FORBIDDEN')
  return p
}
