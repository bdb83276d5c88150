import { createHash } from 'node:crypto'
import { Router, type Response } from 'express'
import { ChangePasswordRequest, ResetPasswordRequest, type SessionView } from '../../../shared/protocol/index.js'
import { hashPassword, verifyPassword } from '../../auth/password.js'
import type { Principal } from '../../auth/principal.js'
import { refundAttempt, takeAttempt, THROTTLES } from '../../auth/rateLimit.js'
import { resetWithThrottle } from '../../auth/resetCodes.js'
import type { Deps } from '../../deps.js'
import type { SocketControl } from '../../realtime/hub.js'
import { principalOf } from '../context.js'
import { AppError, parseInput } from '../errors.js'

type Person = Exclude<Principal, { kind: 'board' }>

function person(res: Response): Person {
  const p = principalOf(res)
  if (!p) throw new AppError('UNAUTHENTICATED')
  if (p.kind === 'board') throw new AppError('FORBIDDEN')
  return p
}

/** Sessions are shown by a hash of their stored hash: enough to name one, useless as a credential. */
const publicId = (tokenHash: string) => createHash('sha256').update(tokenHash).digest('base64url').slice(0, 16)

/** A person's own account: password change, their sessions, and the reset code they were given. */
export function accountRoutes(deps: Deps, sockets: SocketControl): Router {
  const r = Router()
  const owner = (p: Person) => (p.kind === 'staff' ? { staffId: p.staffId, guardianId: null } : { staffId: null, guardianId: p.guardianId })

  async function sessionsOf(p: Person) {
    const o = owner(p)
    return deps.sql<{ tokenHash: string; createdAt: Date; lastSeenAt: Date; userAgent: string }[]>`
      select token_hash, created_at, last_seen_at, user_agent from user_session
      where (staff_id = ${o.staffId} or guardian_id = ${o.guardianId}) and expires_at > ${new Date(deps.clock.now()).toISOString()}
      order by created_at desc`
  }

  r.post('/password', async (req, res) => {
    const p = person(res)
    const { current, next } = parseInput(ChangePasswordRequest, req.body)
    const table = p.kind === 'staff' ? 'staff' : 'guardian'
    const id = p.kind === 'staff' ? p.staffId : p.guardianId
    const key = `password:${table}:${id}`
    await takeAttempt(deps.sql, [[key, THROTTLES.passwordChange]], deps.clock.now())
    const [row] = await deps.sql<{ passwordHash: string }[]>`select password_hash from ${deps.sql(table)} where id = ${id}`
    if (!row || !(await verifyPassword(current, row.passwordHash))) throw new AppError('PASSWORD_WRONG', undefined, { current: '現在のパスワードが違います' })
    await refundAttempt(deps.sql, [key])
    const hash = await hashPassword(next)
    const o = owner(p)
    // A new password ends every other session: whoever knew the old one is out.
    const ended = await deps.sql.begin(async (tx) => {
      await tx`update ${tx(table)} set password_hash = ${hash} where id = ${id}`
      return tx<{ tokenHash: string }[]>`delete from user_session
        where (staff_id = ${o.staffId} or guardian_id = ${o.guardianId}) and token_hash <> ${p.sessionHash} returning token_hash`
    })
    for (const s of ended) sockets.endSession(s.tokenHash)
    res.json({ ok: true, endedSessions: ended.length })
  })

  r.get('/sessions', async (_req, res) => {
    const p = person(res)
    const sessions: SessionView[] = (await sessionsOf(p)).map((s) => ({
      id: publicId(s.tokenHash), createdAt: new Date(s.createdAt).toISOString(), lastSeenAt: new Date(s.lastSeenAt).toISOString(),
      userAgent: s.userAgent, current: s.tokenHash === p.sessionHash,
    }))
    res.json({ ok: true, sessions })
  })

  r.post('/sessions/:id/end', async (req, res) => {
    const p = person(res)
    const target = (await sessionsOf(p)).find((s) => publicId(s.tokenHash) === req.params.id)
    if (!target) throw new AppError('NOT_FOUND')
    await deps.sql`delete from user_session where token_hash = ${target.tokenHash}`
    sockets.endSession(target.tokenHash)
    res.json({ ok: true })
  })

  r.post('/sessions/end-others', async (_req, res) => {
    const p = person(res)
    const o = owner(p)
    const ended = await deps.sql<{ tokenHash: string }[]>`delete from user_session
      where (staff_id = ${o.staffId} or guardian_id = ${o.guardianId}) and token_hash <> ${p.sessionHash} returning token_hash`
    for (const s of ended) sockets.endSession(s.tokenHash)
    res.json({ ok: true, endedSessions: ended.length })
  })

  // Public: the reset code from the school stands in for the forgotten password.
  r.post('/reset', async (req, res) => {
    const { loginId, code, password } = parseInput(ResetPasswordRequest, req.body)
    const ended = await resetWithThrottle(deps, { loginId, code, password, ip: req.ip })
    for (const h of ended) sockets.endSession(h)
    res.json({ ok: true })
  })
  return r
}
