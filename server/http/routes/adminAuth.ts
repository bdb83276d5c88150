import type { RequestHandler, Response } from 'express'
import type { StaffRole } from '../../../shared/protocol/index.js'
import { requireStaff, type StaffPrincipal } from '../../auth/principal.js'
import { principalOf } from '../context.js'

/** The roles that run a school: they manage settings, staff, roster and devices. */
export const ADMIN_ROLES: readonly StaffRole[] = ['admin', 'principal', 'vice_principal']

/** The calling administrator; every query they make is scoped by their schoolId. */
export function adminOf(res: Response): StaffPrincipal {
  return requireStaff(principalOf(res), ...ADMIN_ROLES)
}

/** Put first on every admin router, so no route can forget the check. */
export const requireAdmin: RequestHandler = (_req, res, next) => {
  adminOf(res)
  next()
}
