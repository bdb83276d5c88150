import { Router } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { guardianMay } from '../../auth/guards.js'
import { setGuardianLanguage } from '../../data/guardians.js'
import type { Deps } from '../../deps.js'
import { principalOf } from '../context.js'
import type { MountOn } from '../mount.js'

/** The logged-in guardian's own settings. */
export function guardianSettingsRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/guardian/settings')
  on(routes.guardianSettings.setLanguage).handle(async ({ res, body }) => {
    const who = guardianMay(principalOf(res), 'guardian.settings')
    await setGuardianLanguage(deps.sql, who.guardianId, body.language)
    return { ok: true }
  })
  return r
}
