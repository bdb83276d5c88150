import type { Sql } from '../db/types.js'
import { deviceForToken } from '../data/boardDevices.js'
import { principalForSession } from '../data/sessions.js'
import { DEVICE_COOKIE, readCookies, SESSION_COOKIE } from '../http/cookies.js'
import type { Principal } from './principal.js'
import { hashToken } from './tokens.js'

/** Resolves the cookie a page presents to who it is. Boards use their device cookie; people, their session. */
export async function principalFromCookies(sql: Sql, cookieHeader: string | undefined, client: 'board' | 'person', nowMs: number): Promise<Principal | null> {
  const cookies = readCookies(cookieHeader)
  if (client === 'board') {
    const token = cookies[DEVICE_COOKIE]
    if (!token) return null
    const device = await deviceForToken(sql, hashToken(token))
    return device ? { kind: 'board', deviceId: device.id, schoolId: device.schoolId } : null
  }
  const token = cookies[SESSION_COOKIE]
  if (!token) return null
  return principalForSession(sql, hashToken(token), new Date(nowMs).toISOString())
}
