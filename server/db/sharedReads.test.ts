import { describe, expect, it } from 'vitest'
import { SharedReads } from './sharedReads.js'

describe('shared reads', () => {
  it('asks made while a read runs share it; the next ask after it settles reads again', async () => {
    const reads = new SharedReads<number>()
    let loads = 0
    let release!: (n: number) => void
    const load = () => { loads++; return new Promise<number>((r) => { release = r }) }
    const together = [reads.read('a', load), reads.read('a', load), reads.read('a', load)]
    const other = reads.read('b', () => Promise.resolve(7))
    expect(loads).toBe(1)
    release(1)
    expect(await Promise.all(together)).toEqual([1, 1, 1])
    expect(await other).toBe(7)
    const later = reads.read('a', load)
    expect(loads).toBe(2)
    release(2)
    expect(await later).toBe(2)
  })

  it('a failed read fails every ask that shared it, and is not kept', async () => {
    const reads = new SharedReads<number>()
    let fail!: (e: Error) => void
    const first = reads.read('a', () => new Promise<number>((_, reject) => { fail = reject }))
    const second = reads.read('a', () => Promise.resolve(0))
    fail(new Error('connection lost'))
    await expect(first).rejects.toThrow('connection lost')
    await expect(second).rejects.toThrow('connection lost')
    expect(await reads.read('a', () => Promise.resolve(3))).toBe(3)
  })
})
