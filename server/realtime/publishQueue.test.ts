import { describe, expect, it } from 'vitest'
import type { Change } from './changes.js'
import { PublishQueue } from './publishQueue.js'

const change = (schoolId: number, seq: number): Change => ({ kind: 'school', event: { schoolId, seq, parts: ['calendar'] }, familyPupilIds: [] })

describe('PublishQueue', () => {
  it('holds a change committed first behind an earlier number still running, per school', () => {
    const published: string[] = []
    const queue = new PublishQueue((c) => published.push(`${c.event.schoolId}:${c.event.seq}`))
    const first = queue.take(1)
    const second = queue.take(1)
    const otherSchool = queue.take(2)
    second(change(1, 8))
    otherSchool(change(2, 3))
    expect(published).toEqual(['2:3'])
    first(change(1, 7))
    expect(published).toEqual(['2:3', '1:7', '1:8'])
  })

  it('a rolled-back change releases the ones behind it and publishes nothing itself', () => {
    const published: number[] = []
    const queue = new PublishQueue((c) => published.push(c.event.seq))
    const rolledBack = queue.take(1)
    const next = queue.take(1)
    next(change(1, 7))
    expect(published).toEqual([])
    rolledBack(null)
    expect(published).toEqual([7])
    // The line is empty again: a new change goes straight out.
    queue.take(1)(change(1, 8))
    expect(published).toEqual([7, 8])
  })
})
