import type { Request, Response } from 'express'
import { DateTime } from 'luxon'
import { insertSession } from '../data/sessions.js'
import type { Deps } from '../deps.js'
import { SESSION_COOKIE, setAuthCookie } from '../http/cookies.js'
import { hashToken, newToken } from './tokens.js'

export const SESSION_DAYS = { staff: 14, guardian: 60 } as const

/** Logs the caller in as that account: a new server-side session and its cookie. */
export async function startSession(deps: Deps, req: Request, res: Response, kind: 'staff' | 'guardian', id: number, secure: boolean): Promise<string> {
  const token = newToken()
  const days = SESSION_DAYS[kind]
  const expiresAt = DateTime.fromMillis(deps.clock.now()).plus({ days }).toISO()!
  await insertSession(deps.sql, { tokenHash: hashToken(token), kind, id, expiresAt, userAgent: req.get('user-agent') ?? '' })
  setAuthCookie(res, SESSION_COOKIE, token, days * 86_400_000, secure)
  return hashToken(token)
}
