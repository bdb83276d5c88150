import type { Q } from '../db/types.js'

/**
 * Claims one run of a scheduled job for the whole deployment: of all the processes that try
 * the same job and slot (its hour, its night), exactly one gets true. A process that dies
 * after claiming leaves that slot undone; the next slot does the work.
 */
export async function claimJobSlot(q: Q, job: string, slot: string, nowMs: number): Promise<boolean> {
  const rows = await q`
    insert into job_run (job, slot, started_at) values (${job}, ${slot}, ${new Date(nowMs).toISOString()})
    on conflict do nothing returning job`
  return rows.length === 1
}

/** Claims older than this are history: forgotten by the hourly pruning. */
export async function pruneJobRuns(q: Q, nowMs: number): Promise<void> {
  await q`delete from job_run where started_at < ${new Date(nowMs - 30 * 24 * 3_600_000).toISOString()}`
}
