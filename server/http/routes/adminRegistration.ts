import { Router } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import type { Deps } from '../../deps.js'
import { issueLetters, reissueCode, revokeCode } from '../../registration/codes.js'
import { registrationDashboard } from '../../registration/dashboard.js'
import { pupilGuardians } from '../../registration/guardians.js'
import { unlinkGuardian } from '../../registration/register.js'
import type { SocketControl } from '../../realtime/hub.js'
import type { MountOn } from '../mount.js'
import { adminOf, requireAdmin } from './adminAuth.js'

/** Registration letters, codes, links and the dashboard; everything scoped to the admin's school. */
export function adminRegistrationRoutes(deps: Deps, sockets: SocketControl, mountOn: MountOn): Router {
  const r = Router()
  r.use(requireAdmin)
  const on = mountOn(r, '/api/admin/registration')
  const api = routes.admin

  on(api.registrationDashboard).handle(async ({ res }) => {
    const who = adminOf(res)
    return registrationDashboard(deps.sql, who.schoolId, deps.clock.now())
  })

  on(api.issueLetters).handle(async ({ res, body }) => {
    const who = adminOf(res)
    return issueLetters(deps, who.schoolId, who.staffId, body, deps.clock.now())
  })

  on(api.reissueCode).handle(async ({ res, params }) => {
    const who = adminOf(res)
    return reissueCode(deps, who.schoolId, who.staffId, params.id, deps.clock.now())
  })

  on(api.revokeCode).handle(async ({ res, params }) => {
    const who = adminOf(res)
    await revokeCode(deps, who.schoolId, params.id, deps.clock.now())
    return { ok: true }
  })

  on(api.pupilGuardians).handle(async ({ res, params }) => {
    const who = adminOf(res)
    return pupilGuardians(deps.sql, who.schoolId, params.id)
  })

  on(api.unlinkGuardian).handle(async ({ res, params }) => {
    const who = adminOf(res)
    await unlinkGuardian(deps, who.schoolId, params.id, params.guardianId)
    await sockets.refreshGuardian(params.guardianId)
    return { ok: true }
  })
  return r
}
