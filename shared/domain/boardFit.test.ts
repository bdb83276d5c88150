import { describe, expect, it } from 'vitest'
import { BOARD_METRICS, blockEm, columnEm, fitBoard, pageAt, type BoardFit, type ClassLoad } from './boardFit.js'

const school = (entries: number[]): ClassLoad[] => entries.map((n, i) => ({ classId: i + 1, entries: n }))
/** Every entry of every class appears exactly once, in class order, across all pages. */
function placedEntries(fit: BoardFit): string[] {
  return fit.pages.flat(2).flatMap((b) => Array.from({ length: b.to - b.from }, (_, k) => `${b.classId}:${b.from + k}`))
}
const expected = (loads: ClassLoad[]) => loads.flatMap((c) => Array.from({ length: c.entries }, (_, k) => `${c.classId}:${k}`))
const classesPlaced = (fit: BoardFit) => [...new Set(fit.pages.flat(2).map((b) => b.classId))]

describe('fitBoard', () => {
  const twelveQuiet = school(Array(12).fill(0))

  it('a quiet morning uses the largest font and spreads classes evenly over the columns', () => {
    const fit = fitBoard({ widthPx: 1900, heightPx: 950, classes: twelveQuiet, minFontPx: 22, maxFontPx: 34 })
    expect(fit.fontPx).toBe(34)
    expect(fit.pages).toHaveLength(1)
    // 1900 px at 34 px is 55.9 em; a column takes at least 13 em plus a 0.4 em gap: 4 columns (5 would need 66.6 em).
    expect(fit.columns).toBe(4)
    const sizes = fit.pages[0]!.map((c) => c.length)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
    expect(classesPlaced(fit)).toEqual(twelveQuiet.map((c) => c.classId))
  })

  it('never uses more columns than classes', () => {
    const fit = fitBoard({ widthPx: 3800, heightPx: 2000, classes: school([1, 2]), minFontPx: 20, maxFontPx: 30 })
    expect(fit.columns).toBe(2)
  })

  it('shrinks the font to fit more entries on one page, but not below the readable size', () => {
    const flu = school([8, 6, 7, 5, 6, 4, 7, 6, 5, 6, 5, 5]) // 70 entries
    const fit = fitBoard({ widthPx: 1900, heightPx: 950, classes: flu, minFontPx: 18, maxFontPx: 34 })
    expect(fit.fontPx).toBeLessThan(34)
    expect(fit.fontPx).toBeGreaterThanOrEqual(18)
    for (const page of fit.pages) for (const col of page) expect(columnEm(col)).toBeLessThanOrEqual(950 / fit.fontPx + 1e-6)
    expect(placedEntries(fit)).toEqual(expected(flu))
  })

  it('pages the columns at the readable size when everything cannot fit, and each column fits its height', () => {
    const heavy = school(Array(12).fill(15)) // 180 entries
    const fit = fitBoard({ widthPx: 1366, heightPx: 650, classes: heavy, minFontPx: 16, maxFontPx: 26 })
    expect(fit.fontPx).toBe(16)
    expect(fit.pages.length).toBeGreaterThan(1)
    for (const page of fit.pages) {
      expect(page.length).toBeLessThanOrEqual(fit.columns)
      for (const col of page) expect(columnEm(col)).toBeLessThanOrEqual(650 / 16 + 1e-6)
    }
    expect(placedEntries(fit)).toEqual(expected(heavy))
  })

  it('lets a heavy class continue in the next column (続き) rather than open a second page', () => {
    const flu = school([12, 4, 8, 4, 4, 8, 4, 4, 4, 8, 4, 6]) // 70 entries, unevenly
    const fit = fitBoard({ widthPx: 1900, heightPx: 940, classes: flu, minFontPx: 23, maxFontPx: 36 })
    expect(fit.pages).toHaveLength(1)
    expect(fit.pages[0]!.flat().some((b) => b.continued)).toBe(true)
    for (const col of fit.pages[0]!) expect(columnEm(col)).toBeLessThanOrEqual(940 / fit.fontPx + 1e-6)
    // A split never leaves a lone entry under a header at the foot of a column.
    for (const col of fit.pages[0]!) {
      const last = col.at(-1)!
      if (col.length > 1 && last.to < flu[last.classId - 1]!.entries) expect(last.to - last.from).toBeGreaterThanOrEqual(2)
    }
    expect(placedEntries(fit)).toEqual(expected(flu))
  })

  it('splits a class longer than a whole column and heads the rest (続き)', () => {
    const loads = school([1, 40, 2])
    const fit = fitBoard({ widthPx: 1000, heightPx: 500, classes: loads, minFontPx: 20, maxFontPx: 20 })
    const blocks = fit.pages.flat(2).filter((b) => b.classId === 2)
    expect(blocks.length).toBeGreaterThan(1)
    expect(blocks[0]!.continued).toBe(false)
    expect(blocks.slice(1).every((b) => b.continued)).toBe(true)
    for (const col of fit.pages.flat()) expect(columnEm(col)).toBeLessThanOrEqual(500 / 20 + 1e-6)
    expect(placedEntries(fit)).toEqual(expected(loads))
  })

  it('keeps a class whole when it fits a column, moving it to the next column instead of splitting', () => {
    const fit = fitBoard({ widthPx: 600, heightPx: 400, classes: school([5, 5, 5, 5]), minFontPx: 20, maxFontPx: 20 })
    expect(fit.pages.flat(2).every((b) => !b.continued && b.from === 0)).toBe(true)
  })

  it('handles a school without classes and a tiny container', () => {
    expect(fitBoard({ widthPx: 1920, heightPx: 900, classes: [], minFontPx: 20, maxFontPx: 30 }).pages).toEqual([[]])
    const tiny = fitBoard({ widthPx: 100, heightPx: 60, classes: school([3]), minFontPx: 20, maxFontPx: 30 })
    expect(tiny.columns).toBe(1)
    expect(placedEntries(tiny)).toEqual(expected(school([3])))
  })

  it('a block is as tall as its header, padding and entries (or the 連絡なし line)', () => {
    const m = BOARD_METRICS
    expect(blockEm(0)).toBeCloseTo(m.headerEm + m.blockPadEm + m.noneEm)
    expect(blockEm(3)).toBeCloseTo(m.headerEm + m.blockPadEm + 3 * m.entryEm)
  })
})

describe('pageAt', () => {
  it('rotates through the pages every period and stays on page 0 with one page', () => {
    expect(pageAt(0, 1, 10_000)).toBe(0)
    expect(pageAt(123_456, 1, 10_000)).toBe(0)
    expect([0, 9_999, 10_000, 19_999, 20_000].map((t) => pageAt(t, 2, 10_000))).toEqual([0, 0, 1, 1, 0])
    expect([0, 10_000, 20_000, 30_000].map((t) => pageAt(t, 3, 10_000))).toEqual([0, 1, 2, 0])
  })
})

describe('fitBoard with measured entry heights', () => {
  it('packs the real heights: entries whose second line wraps in narrow columns never overflow a column', () => {
    const loads = school([3, 1, 2, 1, 1, 2, 1, 1, 1, 2, 1, 1]) // 17 entries over 12 classes
    const asked: number[] = []
    // A wrapped detail line adds one small line (0.85em × 1.2) to every entry in columns narrower than 20em.
    const entryHeights = (_font: number, widthEm: number) => {
      asked.push(widthEm)
      return new Map(loads.map((c) => [c.classId, Array<number>(c.entries).fill(widthEm < 20 ? 3.62 : 2.6)]))
    }
    const fit = fitBoard({ widthPx: 1900, heightPx: 880, classes: loads, minFontPx: 23, maxFontPx: 36, entryHeights })
    const widthEm = (1900 / fit.fontPx + 0.4) / fit.columns - 0.4
    const heightsOf = (id: number) => Array<number>(loads[id - 1]!.entries).fill(widthEm < 20 ? 3.62 : 2.6)
    for (const page of fit.pages) for (const col of page) expect(columnEm(col, BOARD_METRICS, heightsOf)).toBeLessThanOrEqual(880 / fit.fontPx + 1e-6)
    expect(asked.length).toBeGreaterThan(0)
    expect(placedEntries(fit)).toEqual(expected(loads))
    // The same load with fixed heights packs tighter: the measured heights made a difference.
    const fixed = fitBoard({ widthPx: 1900, heightPx: 880, classes: loads, minFontPx: 23, maxFontPx: 36 })
    expect([fixed.fontPx, fixed.columns]).not.toEqual([fit.fontPx, fit.columns])
  })
})
