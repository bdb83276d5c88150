import { Router } from 'express'
import { PairBoardRequest } from '../../../shared/protocol/index.js'
import { throttledCode } from '../../auth/codeThrottle.js'
import { hashToken, newToken, normaliseHumanCode } from '../../auth/tokens.js'
import { redeemPairingCode, touchBoardDevice } from '../../data/boardDevices.js'
import type { Deps } from '../../deps.js'
import { clearAuthCookie, DEVICE_COOKIE, readCookies, setAuthCookie } from '../cookies.js'
import { principalOf } from '../context.js'
import { AppError, parseInput } from '../errors.js'

// Browsers cap cookie lifetime at 400 days; the board refreshes it every time it loads.
const DEVICE_COOKIE_MS = 400 * 86_400_000

/** Pairing and identity for staff-room displays. */
export function boardRoutes(deps: Deps, opts: { secureCookies: boolean }): Router {
  const r = Router()

  r.post('/pair', async (req, res) => {
    const { code } = parseInput(PairBoardRequest, req.body)
    const token = newToken()
    const nowIso = new Date(deps.clock.now()).toISOString()
    const deviceId = await throttledCode(deps, 'pairing', req.ip, async () => {
      const id = await redeemPairingCode(deps.sql, hashToken(normaliseHumanCode(code)), hashToken(token), nowIso)
      if (!id) throw new AppError('PAIRING_INVALID')
      return id
    })
    setAuthCookie(res, DEVICE_COOKIE, token, DEVICE_COOKIE_MS, opts.secureCookies)
    res.json({ ok: true, deviceId })
  })

  r.get('/me', async (req, res) => {
    const p = principalOf(res)
    if (!p || p.kind !== 'board') {
      clearAuthCookie(res, DEVICE_COOKIE, opts.secureCookies)
      throw new AppError('DEVICE_REVOKED')
    }
    await touchBoardDevice(deps.sql, p.deviceId, new Date(deps.clock.now()).toISOString())
    const token = readCookies(req.headers.cookie)[DEVICE_COOKIE]
    if (token) setAuthCookie(res, DEVICE_COOKIE, token, DEVICE_COOKIE_MS, opts.secureCookies)
    res.json({ ok: true, deviceId: p.deviceId, schoolId: p.schoolId })
  })
  return r
}
