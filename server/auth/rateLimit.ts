import { formatInstantTimeJa } from '../../shared/time/format.js'
import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import type { Q } from '../db/types.js'
import { AppError } from '../errors.js'

/** At most `max` attempts per `windowMs` for one key. */
export interface Limit {
  max: number
  windowMs: number
}

const MINUTE = 60_000

/**
 * Every limit on guessing, in one table. Per account stops guessing one password; per source
 * stops one address trying many accounts; global caps what a botnet with many addresses can
 * make the server do. Known devices have their own allowance (see knownDevices.ts).
 */
export const THROTTLES = {
  loginAccount: { max: 10, windowMs: 15 * MINUTE },
  loginKnownDevice: { max: 10, windowMs: 15 * MINUTE },
  loginSource: { max: 30, windowMs: 15 * MINUTE },
  loginGlobal: { max: 300, windowMs: 5 * MINUTE },
  /** Password checks spent on login ids that do not exist; past it they are refused without one. */
  unknownLoginBudget: { max: 30, windowMs: MINUTE },
  passwordChange: { max: 10, windowMs: 15 * MINUTE },
  resetAccount: { max: 10, windowMs: 15 * MINUTE },
  resetSource: { max: 20, windowMs: 15 * MINUTE },
  resetGlobal: { max: 200, windowMs: 15 * MINUTE },
  registrationSource: { max: 20, windowMs: 15 * MINUTE },
  registrationGlobal: { max: 500, windowMs: 15 * MINUTE },
  pairingSource: { max: 10, windowMs: 15 * MINUTE },
  pairingGlobal: { max: 100, windowMs: 15 * MINUTE },
  setupSource: { max: 10, windowMs: 15 * MINUTE },
  setupGlobal: { max: 100, windowMs: 15 * MINUTE },
} as const satisfies Record<string, Limit>

export type Counter = readonly [key: string, limit: Limit]

/**
 * Refused for now: says when to try again, in the Retry-After header and in Japanese, with
 * the clock time for a wait of minutes (「15分後(8:20)に」), so a person who comes back
 * later still knows.
 */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number, nowMs?: number) {
    super('RATE_LIMITED', `試行回数が多すぎます。${waitText(retryAfterSeconds, nowMs)}にもう一度お試しください。`)
  }
}

function waitText(seconds: number, nowMs: number | undefined): string {
  if (seconds < 60) return `${seconds}秒後`
  const minutes = `${Math.ceil(seconds / 60)}分後`
  return nowMs === undefined ? minutes : `${minutes}(${formatInstantTimeJa(new Date(nowMs + seconds * 1000).toISOString(), SCHOOL_ZONE)})`
}

/**
 * Counts one attempt on every key and refuses when any is over its limit, in one statement:
 * parallel attempts each see the count the others left, so sixty guesses sent at once are
 * sixty attempts, not sixty first tries. Call before any password or code work.
 */
export async function takeAttempt(q: Q, counters: readonly Counter[], nowMs: number): Promise<void> {
  if (counters.length === 0) return
  const keys = counters.map(([key]) => key)
  const windows = counters.map(([, limit]) => limit.windowMs)
  // A window that has ended starts again with this attempt; every SET term sees the old row.
  const counted = await q<{ key: string; windowStart: string; attempts: number }[]>`
    insert into throttle as t (key, window_start, window_ms, attempts)
    select k, ${new Date(nowMs).toISOString()}::timestamptz, w, 1 from unnest(${keys}::text[], ${windows}::int[]) as x(k, w)
    on conflict (key) do update set
      window_ms = excluded.window_ms,
      window_start = case when t.window_start + excluded.window_ms * interval '1 millisecond' <= excluded.window_start
        then excluded.window_start else t.window_start end,
      attempts = case when t.window_start + excluded.window_ms * interval '1 millisecond' <= excluded.window_start
        then 1 else t.attempts + 1 end
    returning key, window_start, attempts`
  let wait = 0
  for (const row of counted) {
    const limit = counters.find(([key]) => key === row.key)![1]
    if (row.attempts > limit.max) wait = Math.max(wait, Math.ceil((Date.parse(row.windowStart) + limit.windowMs - nowMs) / 1000))
  }
  if (wait > 0) throw new RateLimitedError(Math.max(1, wait), nowMs)
}

/** Gives an attempt back: a correct password is not a guess. */
export async function refundAttempt(q: Q, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return
  await q`update throttle set attempts = greatest(attempts - 1, 0) where key = any(${keys}::text[])`
}

/** Clears keys outright, e.g. an account's failures after its password was reset. */
export async function clearAttempts(q: Q, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return
  await q`delete from throttle where key = any(${keys}::text[])`
}

/** Forgets windows that ended long ago, so the table stays the size of recent traffic. */
export async function pruneThrottle(q: Q, nowMs: number): Promise<void> {
  await q`delete from throttle where window_start < ${new Date(nowMs - 24 * 60 * MINUTE).toISOString()}`
}
