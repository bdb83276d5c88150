import { Router } from 'express'
import { DateTime } from 'luxon'
import { LoginRequest, type Me, type MeResponse } from '../../../shared/protocol/index.js'
import { DUMMY_HASH_PROMISE, verifyPassword } from '../../auth/password.js'
import type { Principal } from '../../auth/principal.js'
import { FailureLimiter } from '../../auth/rateLimit.js'
import { hashToken, newToken } from '../../auth/tokens.js'
import { deleteSession, findLogin, insertSession, principalForSession } from '../../data/sessions.js'
import type { Deps } from '../../deps.js'
import type { SocketControl } from '../../realtime/hub.js'
import { clearAuthCookie, readCookies, SESSION_COOKIE, setAuthCookie } from '../cookies.js'
import { principalOf } from '../context.js'
import { AppError, parseInput } from '../../errors.js'

const SESSION_DAYS = { staff: 14, guardian: 60 } as const

export function sessionRoutes(deps: Deps, sockets: SocketControl, opts: { secureCookies: boolean }): Router {
  const r = Router()
  const limiter = new FailureLimiter(10, 15 * 60_000, () => deps.clock.now())

  r.post('/session', async (req, res) => {
    const { loginId, password } = parseInput(LoginRequest, req.body)
    const key = `${loginId.toLowerCase()}|${req.ip}`
    if (limiter.isBlocked(key)) throw new AppError('RATE_LIMITED')
    const account = await findLogin(deps.sql, loginId)
    const ok = await verifyPassword(password, account?.passwordHash ?? (await DUMMY_HASH_PROMISE))
    if (!account || !ok) {
      limiter.fail(key)
      throw new AppError('LOGIN_FAILED')
    }
    limiter.succeed(key)
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
