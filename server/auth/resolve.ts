import type { Sql } from '../db/types.js'
import { deviceForToken } from '../data/boardDevices.js'
import { liveSession } from '../data/sessions.js'
import { DEVICE_COOKIE, readCookies, SESSION_COOKIE } from '../http/cookies.js'
import type { Principal } from './principal.js'
import { hashToken } from './tokens.js'

/** Who a cookie belongs to, and until when (epoch ms) that holds without being asked again: a session expires, a device does not. */
export interface Resolved {
  principal: Principal
  validUntil: number
}

/** Resolves the cookie a page presents to who it is. Boards use their device cookie; people, their session. */
export async function principalFromCookies(sql: Sql, cookieHeader: string | undefined, client: 'board' | 'person', nowMs: number): Promise<Principal | null> {
  return (await resolveCookies(sql, cookieHeader, client, nowMs))?.principal ?? null
}

/** As principalFromCookies, with the time the answer stays true unless something revokes it (the hub then pushes the end). */
export async function resolveCookies(sql: Sql, cookieHeader: string | undefined, client: 'board' | 'person', nowMs: number): Promise<Resolved | null> {
  const cookies = readCookies(cookieHeader)
  if (client === 'board') {
    const token = cookies[DEVICE_COOKIE]
    if (!token) return null
    const device = await deviceForToken(sql, hashToken(token))
    return device ? { principal: { kind: 'board', deviceId: device.id, schoolId: device.schoolId }, validUntil: Infinity } : null
  }
  const token = cookies[SESSION_COOKIE]
  if (!token) return null
  const session = await liveSession(sql, hashToken(token), new Date(nowMs).toISOString())
  return session ? { principal: session.principal, validUntil: Date.parse(session.expiresAt) } : null
}
