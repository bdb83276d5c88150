import { parse } from 'cookie'
import type { Response } from 'express'

export const SESSION_COOKIE = 'asg_session'
export const DEVICE_COOKIE = 'asg_device'
/** Marks a browser that logged in before (see auth/knownDevices.ts); not a credential by itself. */
export const KNOWN_DEVICE_COOKIE = 'asg_known'
/** Browsers cap cookie lifetime at 400 days. */
export const LONGEST_COOKIE_MS = 400 * 86_400_000

/** The request's cookies; `cookie` keeps a value that is not valid percent-encoding as sent instead of throwing. */
export function readCookies(header: string | undefined): Record<string, string | undefined> {
  return header ? parse(header) : {}
}

/** httpOnly and SameSite=Lax: scripts cannot read it and other sites cannot send it with a POST. */
export function setAuthCookie(res: Response, name: string, token: string, maxAgeMs: number, secure: boolean): void {
  res.cookie(name, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: maxAgeMs })
}

export function clearAuthCookie(res: Response, name: string, secure: boolean): void {
  res.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure, path: '/' })
}
