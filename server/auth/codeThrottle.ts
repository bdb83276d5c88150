import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { refundAttempt, takeAttempt, THROTTLES } from './rateLimit.js'
import { sourceKey } from './source.js'

/** Codes that mean "that code is not a valid one": each costs the guesser an attempt. */
const WRONG_CODE = new Set(['CODE_INVALID', 'CODE_EXPIRED', 'CODE_USED', 'CODE_REVOKED', 'PAIRING_INVALID', 'SETUP_LINK_INVALID', 'SETUP_LINK_USED', 'SETUP_LINK_EXPIRED'])

const LIMITS = {
  registration: [THROTTLES.registrationSource, THROTTLES.registrationGlobal],
  pairing: [THROTTLES.pairingSource, THROTTLES.pairingGlobal],
  setup: [THROTTLES.setupSource, THROTTLES.setupGlobal],
} as const

/**
 * Runs a one-time-code redemption (registration letters, board pairing, the setup link) with its attempt
 * counted per source address and across the server before the code is looked up. An attempt
 * that did not fail on the code itself (it worked, or a form field was wrong) is given back.
 */
export async function throttledCode<T>(deps: Deps, kind: keyof typeof LIMITS, ip: string | undefined, run: () => Promise<T>): Promise<T> {
  const [perSource, global] = LIMITS[kind]
  const keys = [`${kind}:source:${sourceKey(ip)}`, `${kind}:global`]
  await takeAttempt(deps.sql, [[keys[0]!, perSource], [keys[1]!, global]], deps.clock.now())
  try {
    const result = await run()
    await refundAttempt(deps.sql, keys)
    return result
  } catch (err) {
    if (!(err instanceof AppError && WRONG_CODE.has(err.code))) await refundAttempt(deps.sql, keys)
    throw err
  }
}
