import type { Clock } from '../clock.js'
import { claimJobSlot } from '../data/jobs.js'
import type { Sql } from '../db/types.js'
import type { Log } from '../log.js'

/** The window a moment falls in (its hour, its minute): every process agrees on it whatever its start time. */
export const slotOf = (nowMs: number, perMs: number): string => new Date(nowMs - (nowMs % perMs)).toISOString()

/**
 * Runs `work` if this process is the one that claims the job's slot; returns whether it ran.
 * With several processes on one database each slot's work is done once.
 */
export async function runOnce(sql: Sql, job: string, slot: string, nowMs: number, work: () => Promise<unknown>): Promise<boolean> {
  if (!(await claimJobSlot(sql, job, slot, nowMs))) return false
  await work()
  return true
}

export interface PeriodicOptions {
  /** Names the job in the log and, when claimed, in job_run. */
  name: string
  everyMs: number
  /**
   * Each run is claimed in job_run, so that of several processes on one database only one does
   * it: once per `perMs` window (default `everyMs`), however often the processes check.
   */
  claimOnce?: { sql: Sql; clock: Clock; perMs?: number }
  /** Runs once at start as well, not only after the first interval. */
  atStart?: boolean
  log: Log
  /** One run. `stopping()` turns true when the loop is stopped: long work ends early and gives back what it holds. */
  work: (stopping: () => boolean) => Promise<unknown>
}

export interface Periodic {
  /** Runs now unless a run is under way (then waits for that one); resolves whether this call's work ran. */
  tick(): Promise<boolean>
  /** No more runs; resolves once the run under way (if any) has finished, so the database can close after it. */
  stop(): Promise<void>
}

/**
 * The server's one periodic loop: runs `work` every `everyMs`, never two runs at once (a run
 * longer than the interval skips the ticks it overlaps), a failed run is logged and the next
 * one comes as usual. The timer does not keep the process alive.
 */
export function startPeriodic(opts: PeriodicOptions): Periodic {
  let running: Promise<boolean> | null = null
  let stopped = false
  const stopping = () => stopped
  const run = async (): Promise<boolean> => {
    const claim = opts.claimOnce
    if (!claim) {
      await opts.work(stopping)
      return true
    }
    const nowMs = claim.clock.now()
    return runOnce(claim.sql, opts.name, slotOf(nowMs, claim.perMs ?? opts.everyMs), nowMs, () => opts.work(stopping))
  }
  const tick = (): Promise<boolean> => {
    if (stopped) return Promise.resolve(false)
    if (running) return running.then(() => false)
    const current = run()
      .catch((err: unknown) => {
        opts.log.error(`${opts.name} failed`, { err: String(err) })
        return false
      })
      .finally(() => {
        running = null
      })
    running = current
    return current
  }
  const timer = setInterval(() => void tick(), opts.everyMs)
  timer.unref()
  if (opts.atStart) void tick()
  return {
    tick,
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
