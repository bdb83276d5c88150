import { randomBytes } from 'node:crypto'
import { statfs, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Deps } from '../deps.js'

/** Each probe gets this long; a probe that has not answered counts as failed. */
export const PROBE_MS = 80
/** Below this much free space the data folder is reported as full. */
export const MIN_FREE_BYTES = 32 * 1024 * 1024
/** An e-mail row due longer ago than this means the delivery worker is not moving. */
export const OUTBOX_STUCK_MS = 15 * 60_000

export interface Check {
  ok: boolean
  detail?: string
}

async function timeBoxed(probe: () => Promise<Check>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<Check>((resolve) => (timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${PROBE_MS} ms` }), PROBE_MS)))
  try {
    return await Promise.race([probe().catch((err: unknown) => ({ ok: false, detail: String((err as Error)?.message ?? err) })), late])
  } finally {
    clearTimeout(timer)
  }
}

async function database(deps: Deps): Promise<Check> {
  await deps.sql`select 1`
  return { ok: true }
}

async function disk(dataDir: string): Promise<Check> {
  const s = await statfs(dataDir)
  const free = s.bavail * s.bsize
  if (free < MIN_FREE_BYTES) return { ok: false, detail: `${Math.floor(free / 1024 / 1024)} MiB free` }
  const probe = join(dataDir, `.ready-${randomBytes(4).toString('hex')}`)
  await writeFile(probe, 'ok')
  await unlink(probe)
  return { ok: true }
}

async function outbox(deps: Deps): Promise<Check> {
  if (deps.mail?.mode !== 'smtp') return { ok: true, detail: 'no e-mail delivery' }
  const before = new Date(deps.clock.now() - OUTBOX_STUCK_MS).toISOString()
  const [row] = await deps.sql<{ n: number }[]>`
    select count(*)::int as n from outbox where channel = 'email' and status in ('pending', 'sending') and next_attempt_at < ${before}`
  return row!.n === 0 ? { ok: true } : { ok: false, detail: `${row!.n} e-mails overdue` }
}

/** Database, disk and outbox, probed in parallel, each time-boxed. */
export async function readiness(deps: Deps): Promise<Record<'database' | 'disk' | 'outbox', Check>> {
  const [db, dk, ob] = await Promise.all([
    timeBoxed(() => database(deps)),
    deps.dataDir ? timeBoxed(() => disk(deps.dataDir!)) : Promise.resolve({ ok: true, detail: 'no data folder' }),
    timeBoxed(() => outbox(deps)),
  ])
  return { database: db, disk: dk, outbox: ob }
}
