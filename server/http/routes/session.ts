import { Router } from 'express'
import { DateTime } from 'luxon'
import type { Me } from '../../../shared/protocol/index.js'
import { routes } from '../../../shared/protocol/routes.js'
import { checkLogin, rememberLogin } from '../../auth/login.js'
import { RateLimitedError } from '../../auth/rateLimit.js'
import { requestLogOf } from '../requestLog.js'
import type { Principal } from '../../auth/principal.js'
import { hashToken, newToken } from '../../auth/tokens.js'
import { deleteSession, insertSession, principalForSession } from '../../data/sessions.js'
import type { Deps } from '../../deps.js'
import type { SocketControl } from '../../realtime/hub.js'
import { clearAuthCookie, KNOWN_DEVICE_COOKIE, readCookies, SESSION_COOKIE, setAuthCookie } from '../cookies.js'
import { principalOf } from '../context.js'
import { AppError } from '../../errors.js'
import { guardianLanguage } from '../../data/guardians.js'
import { staffLanguage } from '../../data/staffLanguage.js'
import { getSchool } from '../../data/schools.js'
import { getOrganisation } from '../../data/organisations.js'
import type { MountOn } from '../mount.js'

const SESSION_DAYS = { staff: 14, guardian: 60 } as const

export function sessionRoutes(deps: Deps, sockets: SocketControl, opts: { secureCookies: boolean }, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api')
  const api = routes.session

  on(api.login).handle(async ({ req, res, body: { loginId, password } }) => {
    const attempt = { loginId, password, ip: req.ip, deviceToken: readCookies(req.headers.cookie)[KNOWN_DEVICE_COOKIE] }
    const log = requestLogOf(res, deps.log)
    const account = await checkLogin(deps, attempt).catch((err: unknown) => {
      const reason = err instanceof RateLimitedError ? 'throttled' : err instanceof AppError && err.code === 'LOGIN_FAILED' ? 'wrong_credentials' : null
      if (reason) {
        deps.metrics?.loginFailures.inc({ reason })
        log.warn('login failed', { reason })
      }
      throw err
    })
    log.info('login', { kind: account.kind, accountId: account.id })
    await rememberLogin(deps, res, attempt, opts.secureCookies)
    const token = newToken()
    const days = SESSION_DAYS[account.kind]
    const expiresAt = DateTime.fromMillis(deps.clock.now()).plus({ days }).toISO()!
    await insertSession(deps.sql, { tokenHash: hashToken(token), kind: account.kind, id: account.id, expiresAt, userAgent: req.get('user-agent') ?? '' })
    setAuthCookie(res, SESSION_COOKIE, token, days * 86_400_000, opts.secureCookies)
    const principal = await principalForSession(deps.sql, hashToken(token), new Date(deps.clock.now()).toISOString())
    return { ok: true, me: await meOf(deps, principal!) }
  })

  on(api.me).handle(async ({ res }) => {
    const p = principalOf(res)
    if (!p || p.kind === 'board') throw new AppError('UNAUTHENTICATED')
    return { ok: true, me: await meOf(deps, p) }
  })

  on(api.logout).handle(async ({ req, res }) => {
    const token = readCookies(req.headers.cookie)[SESSION_COOKIE]
    if (token) {
      await deleteSession(deps.sql, hashToken(token))
      sockets.endSession(hashToken(token))
    }
    clearAuthCookie(res, SESSION_COOKIE, opts.secureCookies)
    return { ok: true }
  })
  return r
}

async function meOf(deps: Deps, p: Exclude<Principal, { kind: 'board' }>): Promise<Me> {
  if (p.kind === 'guardian') return { kind: 'guardian', id: p.guardianId, name: p.name, language: await guardianLanguage(deps.sql, p.guardianId) }
  if (p.kind === 'city') {
    const [org, language] = await Promise.all([getOrganisation(deps.sql, p.cityId), staffLanguage(deps.sql, p.staffId)])
    return { kind: 'city', id: p.staffId, name: p.name, cityId: p.cityId, organisationName: org!.name, language }
  }
  const [school, language] = await Promise.all([getSchool(deps.sql, p.schoolId), staffLanguage(deps.sql, p.staffId)])
  return {
    kind: 'staff', id: p.staffId, name: p.name, schoolId: p.schoolId, schoolName: school!.name, roles: p.roles, homeroomClassIds: p.homeroomClassIds,
    language,
  }
}
