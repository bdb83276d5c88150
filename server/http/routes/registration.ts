import { Router, type Request } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { requireGuardian } from '../../auth/principal.js'
import { throttledCode } from '../../auth/codeThrottle.js'
import { startSession } from '../../auth/startSession.js'
import type { Deps } from '../../deps.js'
import { addChild, checkCode, registerGuardian } from '../../registration/register.js'
import { principalOf } from '../context.js'
import { AppError } from '../../errors.js'
import type { MountOn } from '../mount.js'

/**
 * Guardian self-registration with the code on the school's letter. Every attempt is counted per
 * address and across the server before any lookup (see codeThrottle.ts).
 */
export function registrationRoutes(deps: Deps, opts: { secureCookies: boolean }, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/registration')
  const api = routes.registration
  const guarded = <T>(req: Request, run: () => Promise<T>) => throttledCode(deps, 'registration', req.ip, run)

  on(api.check).handle(async ({ req, body }) => guarded(req, () => checkCode(deps.sql, body.code, deps.clock.now())))

  on(api.register).handle(async ({ req, res, body }) => {
    const { guardianId } = await guarded(req, () => registerGuardian(deps, body, deps.clock.now()))
    await startSession(deps, req, res, 'guardian', guardianId, opts.secureCookies)
    return { ok: true }
  })

  on(api.addChild).handle(async ({ req, res, body }) => {
    const who = requireGuardian(principalOf(res))
    return guarded(req, () => addChild(deps, who.guardianId, body.code, deps.clock.now()))
  })
  return r
}
