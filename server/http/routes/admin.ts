import { Router } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { createBoardDevice, revokeDevice } from '../../admin/boardDevices.js'
import { listBoardDevices } from '../../data/boardDevices.js'
import type { Deps } from '../../deps.js'
import type { SocketControl } from '../../realtime/hub.js'
import type { MountOn } from '../mount.js'
import { adminOf, requireAdmin } from './adminAuth.js'
import { adminRegistrationRoutes } from './adminRegistration.js'
import { adminRosterRoutes } from './adminRoster.js'
import { adminSchoolRoutes } from './adminSchool.js'
import { adminStaffRoutes } from './adminStaff.js'

/** School administration. Every route is limited to the administrator roles of the caller's own school. */
export function adminRoutes(deps: Deps, sockets: SocketControl, mountOn: MountOn): Router {
  const r = Router()
  r.use(requireAdmin)
  const admin = adminOf
  const on = mountOn(r, '/api/admin')
  const api = routes.admin
  r.use('/roster', adminRosterRoutes(deps, mountOn))
  r.use('/registration', adminRegistrationRoutes(deps, sockets, mountOn))
  r.use(adminStaffRoutes(deps, sockets, mountOn))
  r.use(adminSchoolRoutes(deps, sockets, mountOn))

  on(api.boardDevices).handle(async ({ res }) => {
    const who = admin(res)
    return { ok: true, devices: await listBoardDevices(deps.sql, who.schoolId) }
  })

  on(api.createBoardDevice).handle(async ({ res, body }) => {
    const who = admin(res)
    return createBoardDevice(deps, who.schoolId, who.staffId, body.name)
  })

  on(api.revokeBoardDevice).handle(async ({ res, params }) => {
    const who = admin(res)
    await revokeDevice(deps, who.schoolId, params.id)
    sockets.endDevice(params.id)
    return { ok: true }
  })
  return r
}
