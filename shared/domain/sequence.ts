/**
 * Orders a school's sequenced events for a page. The page takes a snapshot at sequence `s`,
 * then applies events s+1, s+2, … exactly once and in order. Events that arrive before the
 * snapshot or out of order wait here; a hole that does not fill means a missed event, and
 * the page must take a new snapshot (the caller decides how long to wait).
 */
export class SequenceBuffer<E extends { seq: number }> {
  private last: number | null = null
  private pending = new Map<number, E>()

  /** The sequence the page's data reflects, or null before the first snapshot. */
  get lastSeq(): number | null {
    return this.last
  }

  /** True when events are waiting behind a missing one. */
  get hasGap(): boolean {
    return this.last !== null && this.pending.size > 0
  }

  /** Forget everything: the page is about to ask for a snapshot. */
  reset(): void {
    this.last = null
    this.pending.clear()
  }

  /** The snapshot at `seq` has been applied; returns buffered events that now follow it. */
  snapshotApplied(seq: number): E[] {
    this.last = seq
    for (const s of [...this.pending.keys()]) if (s <= seq) this.pending.delete(s)
    return this.drain()
  }

  /** An event arrived; returns the events that can be applied now, in order. */
  push(event: E): E[] {
    if (this.last !== null && event.seq <= this.last) return []
    this.pending.set(event.seq, event)
    if (this.last === null) return []
    return this.drain()
  }

  private drain(): E[] {
    const ready: E[] = []
    for (let next = (this.last ?? 0) + 1; this.pending.has(next); next++) {
      ready.push(this.pending.get(next)!)
      this.pending.delete(next)
      this.last = next
    }
    return ready
  }
}
