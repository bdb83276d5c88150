import { Router } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { throttledCode } from '../../auth/codeThrottle.js'
import { pairBoardDevice } from '../../admin/boardDevices.js'
import { hashToken, newToken } from '../../auth/tokens.js'
import { touchBoardDevice } from '../../data/boardDevices.js'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import { clearAuthCookie, DEVICE_COOKIE, readCookies, setAuthCookie } from '../cookies.js'
import { principalOf } from '../context.js'
import type { MountOn } from '../mount.js'

// Browsers cap cookie lifetime at 400 days; the board refreshes it every time it loads.
const DEVICE_COOKIE_MS = 400 * 86_400_000

/** Pairing and identity for staff-room displays. */
export function boardRoutes(deps: Deps, opts: { secureCookies: boolean }, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/board')
  const api = routes.board

  on(api.pair).handle(async ({ req, res, body }) => {
    const token = newToken()
    const deviceId = await throttledCode(deps, 'pairing', req.ip, async () => {
      const id = await pairBoardDevice(deps, body.code, hashToken(token))
      if (!id) throw new AppError('PAIRING_INVALID')
      return id
    })
    setAuthCookie(res, DEVICE_COOKIE, token, DEVICE_COOKIE_MS, opts.secureCookies)
    return { ok: true, deviceId }
  })

  on(api.me).handle(async ({ req, res }) => {
    const p = principalOf(res)
    if (!p || p.kind !== 'board') {
      clearAuthCookie(res, DEVICE_COOKIE, opts.secureCookies)
      throw new AppError('DEVICE_REVOKED')
    }
    await touchBoardDevice(deps.sql, p.deviceId, new Date(deps.clock.now()).toISOString())
    const token = readCookies(req.headers.cookie)[DEVICE_COOKIE]
    if (token) setAuthCookie(res, DEVICE_COOKIE, token, DEVICE_COOKIE_MS, opts.secureCookies)
    return { ok: true, deviceId: p.deviceId, schoolId: p.schoolId }
  })
  return r
}
