import type { Response } from 'express'
import type { Q } from '../db/types.js'
import { KNOWN_DEVICE_COOKIE, LONGEST_COOKIE_MS, setAuthCookie } from '../http/cookies.js'
import { hashToken, newToken } from './tokens.js'

/**
 * A browser that logged in to an account before carries a random token; the account is
 * remembered against its hash. Guessing by others locks the account for strangers, but a
 * correct password from such a browser still gets through (on its own, smaller allowance).
 */
export async function isKnownDevice(q: Q, token: string | undefined, loginKey: string): Promise<boolean> {
  if (!token) return false
  const [row] = await q`select 1 from known_device where token_hash = ${hashToken(token)} and login_key = ${loginKey}`
  return !!row
}

/** After a successful login: remembers this browser for the account, reusing its token if it has one. */
export async function rememberDevice(q: Q, res: Response, token: string | undefined, loginKey: string, nowMs: number, secure: boolean): Promise<void> {
  const kept = token ?? newToken()
  const now = new Date(nowMs).toISOString()
  await q`insert into known_device (token_hash, login_key, created_at, last_used_at) values (${hashToken(kept)}, ${loginKey}, ${now}, ${now})
    on conflict (token_hash, login_key) do update set last_used_at = excluded.last_used_at`
  setAuthCookie(res, KNOWN_DEVICE_COOKIE, kept, LONGEST_COOKIE_MS, secure)
}

/** The throttle key of a known browser for one account. */
export function knownDeviceKey(token: string, loginKey: string): string {
  return `login:device:${hashToken(token)}:${loginKey}`
}
