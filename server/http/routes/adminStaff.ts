import { Router } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { createStaffAccount, listStaff, setStaffDisabled, updateStaffAccount } from '../../admin/staff.js'
import { issueResetCodeFor } from '../../auth/resetCodes.js'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import type { SocketControl } from '../../realtime/hub.js'
import type { MountOn } from '../mount.js'
import { adminOf, requireAdmin } from './adminAuth.js'

/** Staff accounts of the admin's school, and reset codes for its staff and guardians. */
export function adminStaffRoutes(deps: Deps, sockets: SocketControl, mountOn: MountOn): Router {
  const r = Router()
  r.use(requireAdmin)
  const on = mountOn(r, '/api/admin')
  const api = routes.admin

  on(api.staff).handle(async ({ res }) => ({ ok: true, staff: await listStaff(deps.sql, adminOf(res).schoolId) }))

  on(api.createStaff).handle(async ({ res, body }) => {
    const who = adminOf(res)
    return { ok: true, id: await createStaffAccount(deps, who.schoolId, body) }
  })

  on(api.updateStaff).handle(async ({ res, params, body }) => {
    const who = adminOf(res)
    await updateStaffAccount(deps, who.schoolId, params.id, body)
    await sockets.refreshStaff(params.id)
    return { ok: true }
  })

  on(api.disableStaff).handle(async ({ res, params }) => {
    const who = adminOf(res)
    if (params.id === who.staffId) throw new AppError('CANNOT_DISABLE_SELF')
    await setStaffDisabled(deps, who.schoolId, params.id, true, deps.clock.now())
    sockets.endStaff(params.id)
    return { ok: true }
  })

  on(api.enableStaff).handle(async ({ res, params }) => {
    await setStaffDisabled(deps, adminOf(res).schoolId, params.id, false, deps.clock.now())
    return { ok: true }
  })

  on(api.staffResetCode).handle(async ({ res, params }) => {
    const who = adminOf(res)
    return issueResetCodeFor(deps.sql, { kind: 'staff', id: params.id }, who.schoolId, who.staffId, deps.clock.now())
  })

  on(api.guardianResetCode).handle(async ({ res, params }) => {
    const who = adminOf(res)
    return issueResetCodeFor(deps.sql, { kind: 'guardian', id: params.id }, who.schoolId, who.staffId, deps.clock.now())
  })
  return r
}
