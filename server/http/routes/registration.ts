import { Router, type Request } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { requireGuardian } from '../../auth/principal.js'
import { FailureLimiter } from '../../auth/rateLimit.js'
import { startSession } from '../../auth/startSession.js'
import type { Deps } from '../../deps.js'
import { addChild, checkCode, registerGuardian } from '../../registration/register.js'
import { principalOf } from '../context.js'
import { AppError } from '../../errors.js'
import type { MountOn } from '../mount.js'

const CODE_ERRORS = new Set(['CODE_INVALID', 'CODE_EXPIRED', 'CODE_USED', 'CODE_REVOKED'])

/**
 * Guardian self-registration with the code on the school's letter. Wrong codes are counted per
 * address: 20 in 15 minutes and that address is refused, before any lookup.
 */
export function registrationRoutes(deps: Deps, opts: { secureCookies: boolean }, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/registration')
  const api = routes.registration
  const limiter = new FailureLimiter(20, 15 * 60_000, () => deps.clock.now())

  async function guarded<T>(req: Request, run: () => Promise<T>): Promise<T> {
    const key = req.ip ?? 'unknown'
    if (limiter.isBlocked(key)) throw new AppError('RATE_LIMITED')
    try {
      return await run()
    } catch (e) {
      if (e instanceof AppError && CODE_ERRORS.has(e.code)) limiter.fail(key)
      throw e
    }
  }

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
