import type { Clock } from '../clock.js'
import { pruneJobRuns } from '../data/jobs.js'
import type { Sql } from '../db/types.js'
import type { Log } from '../log.js'
import { pruneThrottle } from '../auth/rateLimit.js'
import { pruneAuditLog } from '../audit/prune.js'
import { startPeriodic, type Periodic } from './periodic.js'

const HOUR_MS = 3_600_000

/** The hourly housekeeping: old throttle windows, audit rows past their five years, old job claims. */
async function prune(sql: Sql, nowMs: number): Promise<void> {
  await pruneThrottle(sql, nowMs)
  await pruneAuditLog(sql, nowMs)
  await pruneJobRuns(sql, nowMs)
}

/** Checks every few minutes whether this hour's housekeeping was done; one process does it. */
export function startHourlyPruning(sql: Sql, clock: Clock, log: Log, everyMs = 5 * 60_000): Periodic {
  return startPeriodic({ name: 'prune', everyMs, claimOnce: { sql, clock, perMs: HOUR_MS }, log, work: () => prune(sql, clock.now()) })
}
