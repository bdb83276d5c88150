import { Router } from 'express'
import { DateTime } from 'luxon'
import { LoginRequest, type Me, type MeResponse } from '../../../shared/protocol/index.js'
import { checkLogin, rememberLogin } from '../../auth/login.js'
import type { Principal } from '../../auth/principal.js'
import { hashToken, newToken } from '../../auth/tokens.js'
import { deleteSession, insertSession, principalForSession } from '../../data/sessions.js'
import type { Deps } from '../../deps.js'
import type { SocketControl } from '../../realtime/hub.js'
import { clearAuthCookie, KNOWN_DEVICE_COOKIE, readCookies, SESSION_COOKIE, setAuthCookie } from '../cookies.js'
import { principalOf } from '../context.js'
import { AppError, parseInput } from '../errors.js'

const SESSION_DAYS = { staff: 14, guardian: 60 } as const

export function sessionRoutes(deps: Deps, sockets: SocketControl, opts: { secureCookies: boolean }): Router {
  const r = Router()
  r.post('/session', async (req, res) => {
    const { loginId, password } = parseInput(LoginRequest, req.body)
    const attempt = { loginId, password, ip: req.ip, deviceToken: readCookies(req.headers.cookie)[KNOWN_DEVICE_COOKIE] }
    const account = await checkLogin(deps, attempt)
    await rememberLogin(deps, res, attempt, opts.secureCookies)
    const token = newToken()
    const days = SESSION_DAYS[account.kind]
    const expiresAt = DateTime.fromMillis(deps.clock.now()).plus({ days }).toISO()!
    await insertSession(deps.sql, { tokenHash: hashToken(token), kind: account.kind, id: account.id, expiresAt, userAgent: req.get('user-agent') ?? '' })
    setAuthCookie(res, SESSION_COOKIE, token, days * 86_400_000, opts.secureCookies)
    const principal = await principalForSession(deps.sql, hashToken(token), new Date(deps.clock.now()).toISOString())
    res.json({ ok: true, me: await meOf(deps, principal!) } satisfies MeResponse)
  })

  r.get('/session', async (_req, res) => {
    const p = principalOf(res)
    if (!p || p.kind === 'board') throw new AppError('UNAUTHENTICATED')
    res.json({ ok: true, me: await meOf(deps, p) } satisfies MeResponse)
  })

  r.delete('/session', async (req, res) => {
    const token = readCookies(req.headers.cookie)[SESSION_COOKIE]
    if (token) {
      await deleteSession(deps.sql, hashToken(token))
      sockets.endSession(hashToken(token))
    }
    clearAuthCookie(res, SESSION_COOKIE, opts.secureCookies)
    res.json({ ok: true })
  })
  return r
}

async function meOf(deps: Deps, p: Exclude<Principal, { kind: 'board' }>): Promise<Me> {
  if (p.kind === 'guardian') return { kind: 'guardian', id: p.guardianId, name: p.name }
  const [school] = await deps.sql<{ name: string }[]>`select name from school where id = ${p.schoolId}`
  return { kind: 'staff', id: p.staffId, name: p.name, schoolId: p.schoolId, schoolName: school!.name, roles: p.roles, homeroomClassIds: p.homeroomClassIds }
}
