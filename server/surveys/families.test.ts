import { describe, expect, it } from 'vitest'
import { familyKeys } from './families.js'

describe('families for per-family surveys', () => {
  it('joins children who share a guardian, also through a sibling, keyed by the lowest pupil id', () => {
    // Guardian 1 (father) is linked to 30; guardian 2 (mother) to 30 and 20; guardian 3 to 40 alone; 50 has no guardian account.
    const keys = familyKeys([20, 30, 40, 50], [
      { guardianId: 1, pupilId: 30 },
      { guardianId: 2, pupilId: 30 },
      { guardianId: 2, pupilId: 20 },
      { guardianId: 3, pupilId: 40 },
      // A child outside the survey does not join families through itself.
      { guardianId: 3, pupilId: 99 },
      { guardianId: 4, pupilId: 99 },
      { guardianId: 4, pupilId: 50 },
    ])
    expect(Object.fromEntries(keys)).toEqual({ 20: 20, 30: 20, 40: 40, 50: 50 })
  })

  it('keeps long chains in one family whatever the order of the links', () => {
    const ids = [5, 4, 3, 2, 1]
    const links = [4, 3, 2, 1].flatMap((n) => [{ guardianId: n, pupilId: n + 1 }, { guardianId: n, pupilId: n }])
    expect([...familyKeys(ids, links.reverse()).values()]).toEqual([1, 1, 1, 1, 1])
  })
})
