import { Router } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { throttledCode } from '../../auth/codeThrottle.js'
import { cityAdminMay } from '../../auth/guards.js'
import type { Deps } from '../../deps.js'
import { createCitySchool, citySchools } from '../../setup/citySchools.js'
import { checkSetup, completeSetup } from '../../setup/firstRun.js'
import { principalOf } from '../context.js'
import type { MountOn } from '../mount.js'

/** The first start through the one-time link: no account exists yet, the link is the credential. */
export function setupRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/setup')
  const api = routes.setup

  on(api.check).handle(({ req, body }) => throttledCode(deps, 'setup', req.ip, () => checkSetup(deps, body.token)))
  on(api.complete).handle(async ({ req, body }) => {
    const { schoolId } = await throttledCode(deps, 'setup', req.ip, () => completeSetup(deps, body))
    deps.log.info('setup complete: first school and administrator created', { schoolId })
    return { ok: true, schoolId, loginId: body.admin.loginId }
  })
  return r
}

/** A city administrator's view of the organisation's schools, and new schools. */
export function cityRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/city')
  const api = routes.city

  on(api.schools).handle(({ res }) => citySchools(deps.sql, cityAdminMay(principalOf(res), 'city.schools.read')))
  on(api.createSchool).handle(async ({ res, body }) => {
    const who = cityAdminMay(principalOf(res), 'city.schools.create')
    const id = await createCitySchool(deps.sql, who, body)
    deps.log.info('school created by a city administrator', { schoolId: id, staffId: who.staffId })
    return { ok: true, id }
  })
  return r
}
