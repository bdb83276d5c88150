import { describe, expect, it } from 'vitest'
import { SharedReads } from './sharedReads.js'

/** A read the test answers by hand, counting how many were started. */
function reader() {
  const pending: { resolve(v: number): void; reject(e: Error): void }[] = []
  return {
    pending,
    load: () => new Promise<number>((resolve, reject) => void pending.push({ resolve, reject })),
  }
}

const tick = () => new Promise((r) => setImmediate(r))

describe('shared reads', () => {
  it('never answers an ask with a read that began before it: asks during a read share the next one', async () => {
    const reads = new SharedReads<number>()
    const r = reader()
    const first = reads.read('a', r.load)
    // These come after the first read began (say, after a logout committed): they must not get its answer.
    const later = [reads.read('a', r.load), reads.read('a', r.load), reads.read('a', r.load)]
    const other = reads.read('b', () => Promise.resolve(7))
    expect(r.pending).toHaveLength(1)
    r.pending[0]!.resolve(1)
    expect(await first).toBe(1)
    await tick()
    expect(r.pending).toHaveLength(2) // one more read for all three
    r.pending[1]!.resolve(2)
    expect(await Promise.all(later)).toEqual([2, 2, 2])
    expect(await other).toBe(7)
    expect(reads.reads).toBe(3)
  })

  it('a failed read fails the asks it served, and the next ask reads again', async () => {
    const reads = new SharedReads<number>()
    const r = reader()
    const first = reads.read('a', r.load)
    const second = reads.read('a', r.load)
    r.pending[0]!.reject(new Error('connection lost'))
    await expect(first).rejects.toThrow('connection lost')
    await tick()
    r.pending[1]!.reject(new Error('still lost'))
    await expect(second).rejects.toThrow('still lost')
    expect(await reads.read('a', () => Promise.resolve(3))).toBe(3)
  })
})
