import { describe, expect, it } from 'vitest'
import { forEachConcurrently } from './concurrently.js'

/** A piece of work the test settles by hand. */
function gate() {
  let resolve!: () => void
  let reject!: (err: Error) => void
  const promise = new Promise<void>((res, rej) => { resolve = res; reject = rej })
  return { promise, resolve, reject }
}

const tick = () => new Promise((r) => setImmediate(r))

describe('forEachConcurrently', () => {
  it('keeps at most the limit under way, in order, and says how many it started', async () => {
    const gates = Array.from({ length: 5 }, gate)
    const begun: number[] = []
    const run = forEachConcurrently([0, 1, 2, 3, 4], 2, (i) => { begun.push(i); return gates[i]!.promise })
    await tick()
    expect(begun).toEqual([0, 1])
    gates[1]!.resolve()
    await tick()
    expect(begun).toEqual([0, 1, 2])
    for (const g of gates) g.resolve()
    expect(await run).toEqual({ started: 5, failure: null })
  })

  it('after a failure starts nothing more, and settles only when the others under way have settled', async () => {
    const gates = Array.from({ length: 6 }, gate)
    const begun: number[] = []
    let settled = false
    const run = forEachConcurrently([0, 1, 2, 3, 4, 5], 3, (i) => { begun.push(i); return gates[i]!.promise }).then((r) => { settled = true; return r })
    await tick()
    gates[0]!.reject(new Error('connection lost'))
    await tick()
    expect(begun).toEqual([0, 1, 2])
    expect(settled).toBe(false) // 1 and 2 are still being sent
    gates[1]!.resolve()
    gates[2]!.resolve()
    const result = await run
    expect(begun).toEqual([0, 1, 2])
    expect(result.started).toBe(3)
    expect((result.failure?.err as Error).message).toBe('connection lost')
  })

  it('starts nothing more once stopping says so', async () => {
    let stop = false
    const begun: number[] = []
    const result = await forEachConcurrently([0, 1, 2, 3], 1, async (i) => { begun.push(i); if (i === 1) stop = true }, () => stop)
    expect(begun).toEqual([0, 1])
    expect(result).toEqual({ started: 2, failure: null })
  })
})
