import { describe, expect, it } from 'vitest'
import type { ClassInfo } from '../protocol/day.js'
import { badgesFor, burnInShift, classesMissingRoll, isDimmed, isFresh, isUnexplained } from './boardView.js'

const thresholds = { consecutiveAbsenceBadge: 3, cumulativeAbsenceBadges: [20, 10, 30] }
const tokyo = (iso: string) => Date.parse(`${iso}+09:00`)

describe('badgesFor', () => {
  it('shows 連続 from the school threshold and 累計 only once the first threshold is reached', () => {
    expect(badgesFor({ consecutiveAbsences: 2, cumulativeAbsences: 9 }, thresholds)).toEqual([])
    expect(badgesFor({ consecutiveAbsences: 3, cumulativeAbsences: 10 }, thresholds)).toEqual([
      { kind: 'streak', days: 3, level: 1 },
      { kind: 'cumulative', days: 10, level: 1 },
    ])
    expect(badgesFor({ consecutiveAbsences: null, cumulativeAbsences: 31 }, thresholds)).toEqual([{ kind: 'cumulative', days: 31, level: 3 }])
    expect(badgesFor({ consecutiveAbsences: 5, cumulativeAbsences: null }, { consecutiveAbsenceBadge: 6, cumulativeAbsenceBadges: [] })).toEqual([])
  })
})

describe('isUnexplained', () => {
  it('is 未登校 without a report only', () => {
    expect(isUnexplained({ status: 'not_arrived', reports: [] })).toBe(true)
    expect(isUnexplained({ status: 'absent', reports: [] })).toBe(false)
  })
})

describe('classesMissingRoll', () => {
  const cls = (id: number, taken: boolean): ClassInfo => ({
    id, grade: 1, name: `${id}組`, label: `1年${id}組`, pupilCount: 30, homeroomTeacher: null,
    rollTaken: taken ? { at: '2026-11-30T08:20:00+09:00', by: '山本 先生' } : null,
  })
  const snap = { date: '2026-11-30', timeZone: 'Asia/Tokyo', isSchoolDay: true, rollCallTime: '8:30', classes: [cls(1, true), cls(2, false), cls(3, false)] }

  it('marks classes without a roll once the roll-call time has passed', () => {
    expect([...classesMissingRoll(snap, tokyo('2026-11-30T08:29:59'))]).toEqual([])
    expect([...classesMissingRoll(snap, tokyo('2026-11-30T08:30:00'))]).toEqual([2, 3])
  })

  it('marks nothing on a day off or when the clock is on another date than the data', () => {
    expect(classesMissingRoll({ ...snap, isSchoolDay: false }, tokyo('2026-11-30T10:00:00')).size).toBe(0)
    expect(classesMissingRoll(snap, tokyo('2026-12-01T10:00:00')).size).toBe(0)
  })
})

describe('isDimmed', () => {
  it('dims before and after school hours in the school zone, whatever the machine zone', () => {
    const dim = (iso: string) => isDimmed(tokyo(iso), 'Asia/Tokyo', '6:30', '19:00')
    expect(dim('2026-11-30T06:29:00')).toBe(true)
    expect(dim('2026-11-30T06:30:00')).toBe(false)
    expect(dim('2026-11-30T18:59:00')).toBe(false)
    expect(dim('2026-11-30T19:00:00')).toBe(true)
    expect(dim('2026-12-01T00:10:00')).toBe(true)
  })
})

describe('isFresh', () => {
  it('is true for a few seconds after a live change', () => {
    expect(isFresh(undefined, 1000)).toBe(false)
    expect(isFresh(1000, 1000)).toBe(true)
    expect(isFresh(1000, 8999)).toBe(true)
    expect(isFresh(1000, 9000)).toBe(false)
    expect(isFresh(1500, 1000)).toBe(true) // arrived after the last tick
    expect(isFresh(60_000, 1000)).toBe(false) // a clock that jumped back does not highlight forever
  })
})

describe('burnInShift', () => {
  it('moves a few pixels every period and stays within ±2 px', () => {
    const period = 60_000
    const shifts = Array.from({ length: 20 }, (_, i) => burnInShift(i * period, period))
    expect(new Set(shifts.map((s) => `${s.x},${s.y}`)).size).toBeGreaterThan(5)
    for (const s of shifts) expect(Math.max(Math.abs(s.x), Math.abs(s.y))).toBeLessThanOrEqual(2)
    expect(burnInShift(10, period)).toEqual(burnInShift(period - 1, period))
  })
})
