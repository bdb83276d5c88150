import { Router } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { createAttendanceCode } from '../../admin/codes.js'
import { loadSettings, saveSettings } from '../../admin/settings.js'
import { addSchoolYear, listYears } from '../../admin/years.js'
import type { Deps } from '../../deps.js'
import type { SocketControl } from '../../realtime/hub.js'
import type { MountOn } from '../mount.js'
import { adminOf, requireAdmin } from './adminAuth.js'

/** School settings, the reason list, school years and their classes. */
export function adminSchoolRoutes(deps: Deps, sockets: SocketControl, mountOn: MountOn): Router {
  const r = Router()
  r.use(requireAdmin)
  const on = mountOn(r, '/api/admin')
  const api = routes.admin

  on(api.settings).handle(async ({ res }) => loadSettings(deps.sql, adminOf(res).schoolId))

  on(api.saveSettings).handle(async ({ res, body }) => {
    const who = adminOf(res)
    await saveSettings(deps, who.schoolId, body)
    await sockets.refreshSchool(who.schoolId)
    return loadSettings(deps.sql, who.schoolId)
  })

  on(api.createCode).handle(async ({ res, body }) => {
    const who = adminOf(res)
    await createAttendanceCode(deps, who.schoolId, body)
    return loadSettings(deps.sql, who.schoolId)
  })

  on(api.years).handle(async ({ res }) => ({ ok: true, years: await listYears(deps.sql, adminOf(res).schoolId) }))

  on(api.createYear).handle(async ({ res, body }) => {
    const who = adminOf(res)
    return { ok: true, id: await addSchoolYear(deps, who.schoolId, body.fiscalYear, body.calendarTemplate) }
  })
  return r
}
