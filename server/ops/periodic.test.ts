import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { ManualClock } from '../clock.js'
import { connectPostgres } from '../db/connect.js'
import type { Database } from '../db/types.js'
import type { Log } from '../log.js'
import { testDatabase } from '../test/db.js'
import { startPeriodic, type Periodic } from './periodic.js'

const EVERY = 1000
const silent: Log = { info() {}, warn() {}, error() {} }

/** A promise the test settles by hand: a run that lasts as long as the test wants. */
function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open }
}

describe('startPeriodic', () => {
  let loop: Periodic | undefined
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
  })
  afterEach(async () => {
    await loop?.stop()
    loop = undefined
    vi.useRealTimers()
  })

  it('runs every interval', async () => {
    const work = vi.fn(async () => {})
    loop = startPeriodic({ name: 'test', everyMs: EVERY, log: silent, work })
    expect(work).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(3 * EVERY)
    expect(work).toHaveBeenCalledTimes(3)
  })

  it('never starts a run while the last one is under way', async () => {
    const slow = gate()
    let underWay = 0
    let most = 0
    const work = vi.fn(async () => {
      most = Math.max(most, ++underWay)
      await slow.opened
      underWay--
    })
    loop = startPeriodic({ name: 'test', everyMs: EVERY, log: silent, work })
    await vi.advanceTimersByTimeAsync(5 * EVERY)
    expect(work).toHaveBeenCalledTimes(1)
    expect(await Promise.race([loop.tick(), Promise.resolve('waiting')])).toBe('waiting')
    slow.open()
    await vi.advanceTimersByTimeAsync(EVERY)
    expect(work).toHaveBeenCalledTimes(2)
    expect(most).toBe(1)
  })

  it('logs a failed run and keeps going', async () => {
    const errors: string[] = []
    const log: Log = { ...silent, error: (msg) => errors.push(msg) }
    let calls = 0
    loop = startPeriodic({
      name: 'flaky',
      everyMs: EVERY,
      log,
      work: async () => {
        if (++calls === 1) throw new Error('database gone')
      },
    })
    await vi.advanceTimersByTimeAsync(EVERY)
    expect(errors).toEqual(['flaky failed'])
    await vi.advanceTimersByTimeAsync(2 * EVERY)
    expect(calls).toBe(3)
    expect(errors).toHaveLength(1)
  })

  it('runs at start when asked', async () => {
    const work = vi.fn(async () => {})
    loop = startPeriodic({ name: 'test', everyMs: EVERY, atStart: true, log: silent, work })
    await vi.advanceTimersByTimeAsync(0)
    expect(work).toHaveBeenCalledTimes(1)
  })

  it('stop waits for the run under way, tells it to wind up, and no run follows', async () => {
    const slow = gate()
    const seen: boolean[] = []
    const work = vi.fn(async (stopping: () => boolean) => {
      await slow.opened
      seen.push(stopping())
    })
    loop = startPeriodic({ name: 'test', everyMs: EVERY, log: silent, work })
    await vi.advanceTimersByTimeAsync(EVERY)
    let stopped = false
    const stopping = loop.stop().then(() => (stopped = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(stopped).toBe(false)
    slow.open()
    await stopping
    expect(seen).toEqual([true])
    await vi.advanceTimersByTimeAsync(5 * EVERY)
    expect(await loop.tick()).toBe(false)
    expect(work).toHaveBeenCalledTimes(1)
  })
})

describe('startPeriodic claimed once', () => {
  let db: Database
  let other: Database
  beforeAll(async () => {
    db = await testDatabase()
    // A second process: its own connections to the same PostgreSQL database (embedded has one process).
    const url = (db as Database & { url?: string }).url
    other = url ? await connectPostgres(url, 2) : db
  })
  afterAll(async () => {
    if (other !== db) await other.close()
    await db.close()
  })

  it('of two processes checking the same window, one does the work; the next window is done once again', async () => {
    const clock = new ManualClock(Date.parse('2026-12-01T03:20:00Z'))
    const done: string[] = []
    // The interval never fires in this test: each process's check is asked for by hand.
    const loops = [db, other].map((d, i) => startPeriodic({
      name: 'test-claimed',
      everyMs: 3_600_000,
      claimOnce: { sql: d.sql, clock, perMs: 60 * 60_000 },
      log: silent,
      work: async () => void done.push(`process ${i}`),
    }))
    const ran = async () => (await Promise.all(loops.map((l) => l.tick()))).filter(Boolean).length
    expect(await ran()).toBe(1)
    clock.advance(30 * 60_000)
    expect(await ran()).toBe(0)
    clock.advance(30 * 60_000)
    expect(await ran()).toBe(1)
    expect(done).toHaveLength(2)
    const [claims] = await db.sql<{ n: number }[]>`select count(*)::int as n from job_run where job = 'test-claimed'`
    expect(claims!.n).toBe(2)
    await Promise.all(loops.map((l) => l.stop()))
  })
})
