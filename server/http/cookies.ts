import { parse } from 'cookie'
import type { Response } from 'express'

export const SESSION_COOKIE = 'asg_session'
export const DEVICE_COOKIE = 'asg_device'

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
