import { describe, expect, it } from 'vitest'
import { awayPercent, reachesThreshold } from './absenceRate.js'

describe('the share away', () => {
  it('counts 欠席 and 出席停止・忌引等 over the enrolled', () => {
    expect(awayPercent({ enrolled: 30, absent: 4, excused: 2 })).toBe(20)
    expect(awayPercent({ enrolled: 0, absent: 0, excused: 0 })).toBe(0)
  })

  it('alerts at the threshold exactly, not a pupil below it, and never for an empty class', () => {
    expect(reachesThreshold({ enrolled: 30, absent: 4, excused: 2 }, 20)).toBe(true)
    expect(reachesThreshold({ enrolled: 30, absent: 5, excused: 0 }, 20)).toBe(false)
    // 7 of 35 is exactly 20 %, which floating point division would put a hair off.
    expect(reachesThreshold({ enrolled: 35, absent: 7, excused: 0 }, 20)).toBe(true)
    expect(reachesThreshold({ enrolled: 0, absent: 0, excused: 0 }, 1)).toBe(false)
  })
})
