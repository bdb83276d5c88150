import type { RequestHandler, Response } from 'express'
import { staffMay } from '../../auth/guards.js'
import type { StaffPrincipal } from '../../auth/principal.js'
import { principalOf } from '../context.js'

/** The calling administrator; every query they make is scoped by their schoolId. */
export function adminOf(res: Response): StaffPrincipal {
  return staffMay(principalOf(res), 'school.admin')
}

/** Put first on every admin router, so no route can forget the check. */
export const requireAdmin: RequestHandler = (_req, res, next) => {
  adminOf(res)
  next()
}
