import { createHash } from 'node:crypto'
import type { SessionView } from '../../shared/protocol/index.js'
import { deleteSession, deleteSessionsExcept, liveSessionsOf, passwordHashOf, setPasswordHash, type SessionOwner } from '../data/sessions.js'
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { hashPassword, verifyPassword } from './password.js'
import type { Principal } from './principal.js'
import { refundAttempt, takeAttempt, THROTTLES } from './rateLimit.js'

/** A person with an account: staff (a city administrator is staff of no school) or guardian (a board device has none). */
export type Person = Exclude<Principal, { kind: 'board' }>

const ownerOf = (p: Person): SessionOwner => (p.kind === 'guardian' ? { staffId: null, guardianId: p.guardianId } : { staffId: p.staffId, guardianId: null })
const accountOf = (p: Person) => (p.kind === 'guardian' ? { kind: 'guardian' as const, id: p.guardianId } : { kind: 'staff' as const, id: p.staffId })

/** Sessions are shown by a hash of their stored hash: enough to name one, useless as a credential. */
const publicId = (tokenHash: string) => createHash('sha256').update(tokenHash).digest('base64url').slice(0, 16)

const nowIso = (deps: Deps) => new Date(deps.clock.now()).toISOString()

/**
 * Changes the caller's password after checking the current one; wrong guesses are counted
 * (a right one gives its attempt back). A new password ends every other session (whoever knew
 * the old one is out); returns the hashes of the ended sessions.
 */
export async function changePassword(deps: Deps, p: Person, current: string, next: string): Promise<string[]> {
  const { kind, id } = accountOf(p)
  const key = `password:${kind}:${id}`
  await takeAttempt(deps.sql, [[key, THROTTLES.passwordChange]], deps.clock.now())
  const stored = await passwordHashOf(deps.sql, kind, id)
  if (!stored || !(await verifyPassword(current, stored))) throw new AppError('PASSWORD_WRONG', undefined, { current: '現在のパスワードが違います' })
  await refundAttempt(deps.sql, [key])
  const hash = await hashPassword(next)
  return deps.sql.begin(async (tx) => {
    await setPasswordHash(tx, kind, id, hash)
    return deleteSessionsExcept(tx, ownerOf(p), p.sessionHash)
  })
}

/** The caller's live sessions, the current one marked. */
export async function sessionsOf(deps: Deps, p: Person): Promise<SessionView[]> {
  return (await liveSessionsOf(deps.sql, ownerOf(p), nowIso(deps))).map((s) => ({
    id: publicId(s.tokenHash),
    createdAt: new Date(s.createdAt).toISOString(),
    lastSeenAt: new Date(s.lastSeenAt).toISOString(),
    userAgent: s.userAgent,
    current: s.tokenHash === p.sessionHash,
  }))
}

/** Ends one of the caller's sessions by its public id; returns its token hash. */
export async function endSessionById(deps: Deps, p: Person, id: string): Promise<string> {
  const target = (await liveSessionsOf(deps.sql, ownerOf(p), nowIso(deps))).find((s) => publicId(s.tokenHash) === id)
  if (!target) throw new AppError('NOT_FOUND')
  await deleteSession(deps.sql, target.tokenHash)
  return target.tokenHash
}

/** Ends every session of the caller but the current one; returns their token hashes. */
export function endOtherSessions(deps: Deps, p: Person): Promise<string[]> {
  return deleteSessionsExcept(deps.sql, ownerOf(p), p.sessionHash)
}
