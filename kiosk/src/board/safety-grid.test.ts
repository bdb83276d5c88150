import { describe, expect, it } from 'vitest'
import { safetyGrid } from './safety-grid.js'

describe('the board in safety mode', () => {
  it('puts every class on one screen with wide tiles', () => {
    expect(safetyGrid(12, 1920, 900)).toEqual({ columns: 4, rows: 3 })
    expect(safetyGrid(2, 1920, 900)).toEqual({ columns: 2, rows: 1 })
    expect(safetyGrid(1, 1920, 900)).toEqual({ columns: 1, rows: 1 })
    const many = safetyGrid(30, 1920, 900)
    expect(many.columns * many.rows).toBeGreaterThanOrEqual(30)
    expect(many.rows).toBeLessThan(many.columns)
  })
})
