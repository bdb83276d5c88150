import { Router, type Response } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { changePassword, endOtherSessions, endSessionById, sessionsOf, type Person } from '../../auth/account.js'
import { resetWithThrottle } from '../../auth/resetCodes.js'
import { setStaffLanguage } from '../../data/staffLanguage.js'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import type { SocketControl } from '../../realtime/hub.js'
import { principalOf } from '../context.js'
import type { MountOn } from '../mount.js'

function person(res: Response): Person {
  const p = principalOf(res)
  if (!p) throw new AppError('UNAUTHENTICATED')
  if (p.kind === 'board') throw new AppError('FORBIDDEN')
  return p
}

/** A person's own account: password change, their sessions, and the reset code they were given. */
export function accountRoutes(deps: Deps, sockets: SocketControl, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/account')
  const api = routes.account

  on(api.changePassword).handle(async ({ res, body }) => {
    const ended = await changePassword(deps, person(res), body.current, body.next)
    for (const h of ended) sockets.endSession(h)
    return { ok: true, endedSessions: ended.length }
  })

  on(api.setLanguage).handle(async ({ res, body }) => {
    const p = person(res)
    // A guardian's language has more choices and its own route (it also picks their e-mails' language).
    if (p.kind === 'guardian') throw new AppError('FORBIDDEN')
    await setStaffLanguage(deps.sql, p.staffId, body.language)
    return { ok: true }
  })

  on(api.sessions).handle(async ({ res }) => ({ ok: true, sessions: await sessionsOf(deps, person(res)) }))

  on(api.endSession).handle(async ({ res, params }) => {
    sockets.endSession(await endSessionById(deps, person(res), params.id))
    return { ok: true }
  })

  on(api.endOtherSessions).handle(async ({ res }) => {
    const ended = await endOtherSessions(deps, person(res))
    for (const h of ended) sockets.endSession(h)
    return { ok: true, endedSessions: ended.length }
  })

  // Public: the reset code from the school stands in for the forgotten password.
  on(api.resetPassword).handle(async ({ req, body }) => {
    const ended = await resetWithThrottle(deps, { ...body, ip: req.ip })
    for (const h of ended) sockets.endSession(h)
    return { ok: true }
  })
  return r
}
