import type { Clock } from '../clock.js'
import { claimJobSlot, pruneJobRuns } from '../data/jobs.js'
import type { Sql } from '../db/types.js'
import type { Log } from '../log.js'
import { pruneThrottle } from '../auth/rateLimit.js'
import { pruneAuditLog } from '../audit/prune.js'

/** The hour a job runs in, as its slot: every process agrees on it whatever its start time. */
export const hourSlot = (nowMs: number): string => new Date(nowMs - (nowMs % 3_600_000)).toISOString()

/**
 * Runs `work` if this process is the one that claims the job's slot; returns whether it ran.
 * With several processes on one database each slot's work is done once.
 */
export async function runOnce(sql: Sql, job: string, slot: string, nowMs: number, work: () => Promise<unknown>): Promise<boolean> {
  if (!(await claimJobSlot(sql, job, slot, nowMs))) return false
  await work()
  return true
}

/** The hourly housekeeping: old throttle windows, audit rows past their five years, old job claims. */
export async function hourlyPruning(sql: Sql, nowMs: number): Promise<boolean> {
  return runOnce(sql, 'prune', hourSlot(nowMs), nowMs, async () => {
    await pruneThrottle(sql, nowMs)
    await pruneAuditLog(sql, nowMs)
    await pruneJobRuns(sql, nowMs)
  })
}

/** Checks every few minutes whether this hour's housekeeping was done; one process does it. */
export function startHourlyPruning(sql: Sql, clock: Clock, log: Log, everyMs = 5 * 60_000): { stop(): void } {
  const timer = setInterval(() => {
    void hourlyPruning(sql, clock.now()).catch((err: unknown) => log.warn('hourly pruning', { err: String(err) }))
  }, everyMs)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
