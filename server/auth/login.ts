import type { Response } from 'express'
import { findLogin, type LoginCandidate } from '../data/sessions.js'
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { isKnownDevice, knownDeviceKey, rememberDevice } from './knownDevices.js'
import { DUMMY_HASH_PROMISE, verifyPassword } from './password.js'
import { RateLimitedError, refundAttempt, takeAttempt, THROTTLES, type Counter } from './rateLimit.js'
import { sourceKey } from './source.js'

export interface LoginAttempt {
  loginId: string
  password: string
  /** The client address as Express resolved it (proxies trusted only when configured). */
  ip: string | undefined
  /** The known-device cookie, if the browser sent one. */
  deviceToken: string | undefined
}

/**
 * Checks a login. Before any password is checked, the attempt is counted per source address
 * and per account (or, for a browser that logged in to this account before, per that browser);
 * then, for an existing account, across the server. Unknown login ids spend a password check
 * only within a small budget, and never count towards the server-wide limit, so a flood of
 * made-up ids can neither take the CPU from real logins nor lock everyone out; past the budget
 * they are refused at once (their timing then tells that the id is unknown: the price of
 * staying available under a flood). A correct password gives its attempts back.
 */
export async function checkLogin(deps: Deps, attempt: LoginAttempt): Promise<LoginCandidate> {
  const now = deps.clock.now()
  const loginKey = attempt.loginId.toLowerCase()
  const known = await isKnownDevice(deps.sql, attempt.deviceToken, loginKey)
  const counters: Counter[] = [
    [`login:source:${sourceKey(attempt.ip)}`, THROTTLES.loginSource],
    known ? [knownDeviceKey(attempt.deviceToken!, loginKey), THROTTLES.loginKnownDevice] : [`login:account:${loginKey}`, THROTTLES.loginAccount],
  ]
  await takeAttempt(deps.sql, counters, now)

  const account = await findLogin(deps.sql, attempt.loginId)
  if (!account) {
    if (await withinBudget(takeAttempt(deps.sql, [['login:unknown', THROTTLES.unknownLoginBudget]], now))) {
      await verifyPassword(attempt.password, await DUMMY_HASH_PROMISE)
    }
    throw new AppError('LOGIN_FAILED')
  }
  if (!known) {
    const global: Counter = ['login:global', THROTTLES.loginGlobal]
    await takeAttempt(deps.sql, [global], now)
    counters.push(global)
  }
  if (!(await verifyPassword(attempt.password, account.passwordHash))) throw new AppError('LOGIN_FAILED')
  await refundAttempt(deps.sql, counters.map(([key]) => key))
  return account
}

/** Whether a counted attempt stayed within its limit; other errors pass through. */
function withinBudget(taken: Promise<void>): Promise<boolean> {
  return taken.then(
    () => true,
    (err: unknown) => {
      if (err instanceof RateLimitedError) return false
      throw err
    },
  )
}

/** After a successful login: this browser is now known for the account. */
export function rememberLogin(deps: Deps, res: Response, attempt: LoginAttempt, secure: boolean): Promise<void> {
  return rememberDevice(deps.sql, res, attempt.deviceToken, attempt.loginId.toLowerCase(), deps.clock.now(), secure)
}
