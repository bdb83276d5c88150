import { Router, type Request } from 'express'
import { AddChildRequest, CheckCodeRequest, RegisterGuardianRequest } from '../../../shared/protocol/index.js'
import { requireGuardian } from '../../auth/principal.js'
import { throttledCode } from '../../auth/codeThrottle.js'
import { startSession } from '../../auth/startSession.js'
import type { Deps } from '../../deps.js'
import { addChild, checkCode, registerGuardian } from '../../registration/register.js'
import { principalOf } from '../context.js'
import { AppError, parseInput } from '../errors.js'

/**
 * Guardian self-registration with the code on the school's letter. Every attempt is counted per
 * address and across the server before any lookup (see codeThrottle.ts).
 */
export function registrationRoutes(deps: Deps, opts: { secureCookies: boolean }): Router {
  const r = Router()
  const guarded = <T>(req: Request, run: () => Promise<T>) => throttledCode(deps, 'registration', req.ip, run)

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
