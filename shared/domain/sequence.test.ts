import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SequenceBuffer } from './sequence.js'

const ev = (seq: number) => ({ seq })
const seqs = (list: { seq: number }[]) => list.map((e) => e.seq)

describe('SequenceBuffer', () => {
  it('holds events that arrive before the snapshot and releases only the newer ones', () => {
    const b = new SequenceBuffer<{ seq: number }>()
    expect(b.push(ev(5))).toEqual([])
    expect(b.push(ev(6))).toEqual([])
    expect(b.push(ev(7))).toEqual([])
    expect(seqs(b.snapshotApplied(6))).toEqual([7])
    expect(b.lastSeq).toBe(7)
    expect(b.hasGap).toBe(false)
  })

  it('applies in order, ignores duplicates and old events', () => {
    const b = new SequenceBuffer<{ seq: number }>()
    b.snapshotApplied(10)
    expect(seqs(b.push(ev(11)))).toEqual([11])
    expect(b.push(ev(11))).toEqual([])
    expect(b.push(ev(3))).toEqual([])
    expect(seqs(b.push(ev(12)))).toEqual([12])
  })

  it('reorders a swapped pair without a resnapshot', () => {
    const b = new SequenceBuffer<{ seq: number }>()
    b.snapshotApplied(1)
    expect(b.push(ev(3))).toEqual([])
    expect(b.hasGap).toBe(true)
    expect(seqs(b.push(ev(2)))).toEqual([2, 3])
    expect(b.hasGap).toBe(false)
  })

  it('reports a gap that does not fill, and starts clean after reset', () => {
    const b = new SequenceBuffer<{ seq: number }>()
    b.snapshotApplied(1)
    b.push(ev(4))
    b.push(ev(5))
    expect(b.hasGap).toBe(true)
    expect(b.lastSeq).toBe(1)
    b.reset()
    expect(b.lastSeq).toBeNull()
    expect(b.hasGap).toBe(false)
    expect(seqs(b.snapshotApplied(5))).toEqual([])
  })

  it('a snapshot newer than the buffered events drops them all', () => {
    const b = new SequenceBuffer<{ seq: number }>()
    b.push(ev(2))
    b.push(ev(3))
    expect(b.snapshotApplied(9)).toEqual([])
    expect(b.hasGap).toBe(false)
  })

  it('applies every event after the snapshot exactly once and in order, whatever the delivery order and repeats', () => {
    // Deliveries: each of the events 1..n at least once, shuffled; the snapshot is taken at `at`, somewhere in the stream.
    const stream = fc.integer({ min: 1, max: 40 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        snapshotSeq: fc.integer({ min: 0, max: n }),
        deliveries: fc.shuffledSubarray([...Array(n).keys()].map((i) => i + 1), { minLength: n }).chain((all) =>
          fc.array(fc.integer({ min: 1, max: n }), { maxLength: 10 }).chain((repeats) => fc.shuffledSubarray([...all, ...repeats], { minLength: all.length + repeats.length })),
        ),
        at: fc.nat(),
      }),
    )
    fc.assert(
      fc.property(stream, ({ n, snapshotSeq, deliveries, at }) => {
        const b = new SequenceBuffer<{ seq: number }>()
        const applied: number[] = []
        const cut = at % (deliveries.length + 1)
        for (const s of deliveries.slice(0, cut)) applied.push(...seqs(b.push(ev(s))))
        applied.push(...seqs(b.snapshotApplied(snapshotSeq)))
        for (const s of deliveries.slice(cut)) applied.push(...seqs(b.push(ev(s))))
        const expected = [...Array(n - snapshotSeq).keys()].map((i) => snapshotSeq + i + 1)
        expect(applied).toEqual(expected)
        expect(b.hasGap).toBe(false)
      }),
    )
  })
})
