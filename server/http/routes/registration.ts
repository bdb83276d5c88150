import { Router, type Request } from 'express'
import { AddChildRequest, CheckCodeRequest, RegisterGuardianRequest } from '../../../shared/protocol/index.js'
import { requireGuardian } from '../../auth/principal.js'
import { FailureLimiter } from '../../auth/rateLimit.js'
import { startSession } from '../../auth/startSession.js'
import type { Deps } from '../../deps.js'
import { addChild, checkCode, registerGuardian } from '../../registration/register.js'
import { principalOf } from '../context.js'
import { AppError, parseInput } from '../errors.js'

const CODE_ERRORS = new Set(['CODE_INVALID', 'CODE_EXPIRED', 'CODE_USED', 'CODE_REVOKED'])

/**
 * Guardian self-registration with the code on the school's letter. Wrong codes are counted per
 * address: 20 in 15 minutes and that address is refused, before any lookup.
 */
export function registrationRoutes(deps: Deps, opts: { secureCookies: boolean }): Router {
  const r = Router()
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

  r.post('/check', async (req, res) => {
    const { code } = parseInput(CheckCodeRequest, req.body)
    res.json(await guarded(req, () => checkCode(deps.sql, code, deps.clock.now())))
  })

  r.post('/', async (req, res) => {
    const body = parseInput(RegisterGuardianRequest, req.body)
    const { guardianId } = await guarded(req, () => registerGuardian(deps, body, deps.clock.now()))
    await startSession(deps, req, res, 'guardian', guardianId, opts.secureCookies)
    res.status(201).json({ ok: true })
  })

  r.post('/add-child', async (req, res) => {
    const who = requireGuardian(principalOf(res))
    const { code } = parseInput(AddChildRequest, req.body)
    res.json(await guarded(req, () => addChild(deps, who.guardianId, code, deps.clock.now())))
  })
  return r
}
