/**
 * How the staff-room board fits the school's classes on a screen. Pure, so it is unit-tested
 * and the board only measures its container and renders the result.
 *
 * The board lays classes out like a newspaper: columns filled top to bottom, in class order.
 * Every size is in em of the board's base font. Headers and gaps have the fixed heights of
 * BOARD_METRICS; an entry's second line wraps when its column is narrow (badges, 確認済), so
 * the board measures every entry's real height at each column width it tries
 * (`FitInput.entryHeights`) and the model packs those heights.
 *
 * It picks the largest font (up to maxFontPx) at which everything fits on one page: whole
 * classes spread evenly if possible, otherwise flowing on with long classes continued in the
 * next column. When even the smallest readable font (minFontPx) does not fit, it keeps that
 * font and pages the columns instead of shrinking further.
 */

export const BOARD_METRICS = {
  /** Class header (label and teacher). */
  headerEm: 2,
  /** One pupil entry at its shortest: a line for number, name and status, a smaller line for the details. */
  entryEm: 2.6,
  /** The "連絡なし" line of a class with no entries. */
  noneEm: 1.6,
  /** Padding inside a class block, top and bottom together. */
  blockPadEm: 0.4,
  /** Space between blocks in a column, and between columns. */
  gapEm: 0.4,
  /** A column narrower than this cuts names too short to read. */
  minColumnEm: 13,
} as const

export type BoardMetrics = typeof BOARD_METRICS

/** Entries that must stay with a class's header when it is split at the end of a column. */
const MIN_SPLIT = 2

export interface ClassLoad {
  classId: number
  /** Entries to show for this class. */
  entries: number
}

/** A class (or a part of a long class) placed in a column: entries [from, to). */
export interface BoardBlock {
  classId: number
  from: number
  to: number
  /** The class started in an earlier column; its header says (続き). */
  continued: boolean
}

export type BoardColumn = BoardBlock[]

export interface BoardFit {
  fontPx: number
  columns: number
  /** Each page is up to `columns` columns; at least one page. */
  pages: BoardColumn[][]
}

export interface FitInput {
  widthPx: number
  heightPx: number
  classes: readonly ClassLoad[]
  minFontPx: number
  maxFontPx: number
  metrics?: BoardMetrics
  /**
   * Each entry's real height in em when its column is `columnWidthEm` wide at `fontPx`, by
   * class id (in entry order); a class left out, or no function, uses BOARD_METRICS.entryEm.
   */
  entryHeights?: (fontPx: number, columnWidthEm: number) => ReadonlyMap<number, readonly number[]>
}

/** A class with the height of each of its entries, as one fit attempt sees it. */
interface Sized {
  classId: number
  heights: readonly number[]
}

/** Height in em of a block showing `n` entries (n = 0 shows the "連絡なし" line), or entries of these heights. */
export function blockEm(n: number | readonly number[], m: BoardMetrics = BOARD_METRICS): number {
  const heights = typeof n === 'number' ? Array<number>(n).fill(m.entryEm) : n
  return m.headerEm + m.blockPadEm + (heights.length === 0 ? m.noneEm : heights.reduce((a, b) => a + b, 0))
}

/** The width in em of each of `columns` columns across `widthEm` (gaps between them). */
export function columnWidthEm(widthEm: number, columns: number, m: BoardMetrics = BOARD_METRICS): number {
  return (widthEm + m.gapEm) / columns - m.gapEm
}

/** How many columns of at least minColumnEm fit across `widthEm`. */
export function columnsFor(widthEm: number, classCount: number, m: BoardMetrics = BOARD_METRICS): number {
  const byWidth = Math.floor((widthEm + m.gapEm) / (m.minColumnEm + m.gapEm))
  return Math.max(1, Math.min(byWidth, Math.max(1, classCount)))
}

/** Chooses font, columns and pages for the given container. */
export function fitBoard(input: FitInput): BoardFit {
  const m = input.metrics ?? BOARD_METRICS
  const min = Math.max(1, Math.floor(input.minFontPx))
  const max = Math.max(min, Math.floor(input.maxFontPx))
  const sized = (font: number, columns: number): Sized[] => {
    const measured = input.entryHeights?.(font, columnWidthEm(input.widthPx / font, columns, m))
    return input.classes.map((c) => {
      const heights = measured?.get(c.classId)
      return { classId: c.classId, heights: heights && heights.length === c.entries ? heights : Array<number>(c.entries).fill(m.entryEm) }
    })
  }
  for (let font = max; font >= min; font--) {
    const columns = columnsFor(input.widthPx / font, input.classes.length, m)
    const classes = sized(font, columns)
    const single = balanced(classes, columns, input.heightPx / font, m)
    if (single) return { fontPx: font, columns, pages: [single] }
    const flowed = flow(classes, columns, input.heightPx / font, m)
    if (flowed.length === 1) return { fontPx: font, columns, pages: flowed }
  }
  const columns = columnsFor(input.widthPx / min, input.classes.length, m)
  return { fontPx: min, columns, pages: flow(sized(min, columns), columns, input.heightPx / min, m) }
}

/**
 * Height in em a column of these blocks needs (gaps between blocks included); `heightsOf`
 * gives a class's entry heights (BOARD_METRICS.entryEm each without it).
 */
export function columnEm(column: readonly BoardBlock[], m: BoardMetrics = BOARD_METRICS, heightsOf?: (classId: number) => readonly number[]): number {
  if (column.length === 0) return 0
  const block = (b: BoardBlock) => blockEm(heightsOf ? heightsOf(b.classId).slice(b.from, b.to) : b.to - b.from, m)
  return column.reduce((sum, b) => sum + block(b), 0) + (column.length - 1) * m.gapEm
}

/**
 * Everything on one page with whole classes, spread so the tallest column is as short as
 * possible (so a quiet morning fills the screen evenly); null when it cannot fit `heightEm`.
 */
function balanced(classes: readonly Sized[], columns: number, heightEm: number, m: BoardMetrics): BoardColumn[] | null {
  if (classes.length === 0) return []
  const heights = classes.map((c) => blockEm(c.heights, m))
  const fits = (cap: number) => greedyColumns(heights, cap, m) !== null && greedyColumns(heights, cap, m)!.length <= columns
  if (!fits(heightEm)) return null
  // Binary search the smallest column height that still fits in `columns` columns.
  let lo = Math.max(...heights)
  let hi = heightEm
  for (let i = 0; i < 30 && hi - lo > 1e-3; i++) {
    const mid = (lo + hi) / 2
    if (fits(mid)) hi = mid
    else lo = mid
  }
  const groups = greedyColumns(heights, hi, m)!
  return groups.map((idx) => idx.map((i) => ({ classId: classes[i]!.classId, from: 0, to: classes[i]!.heights.length, continued: false })))
}

/** Packs block heights into columns of height `cap` in order; null if one block is taller than cap. */
function greedyColumns(heights: readonly number[], cap: number, m: BoardMetrics): number[][] | null {
  const out: number[][] = []
  let used = Infinity
  for (let i = 0; i < heights.length; i++) {
    const h = heights[i]!
    if (h > cap + 1e-9) return null
    if (used + m.gapEm + h > cap + 1e-9) {
      out.push([i])
      used = h
    } else {
      out[out.length - 1]!.push(i)
      used += m.gapEm + h
    }
  }
  return out
}

/**
 * Newspaper flow: fill columns in order, page after page. A class that does not fit in what is
 * left of a column continues in the next one, its continuation headed (続き), unless not even
 * MIN_SPLIT entries would stay behind (then the whole class moves on).
 */
function flow(classes: readonly Sized[], columns: number, heightEm: number, m: BoardMetrics): BoardColumn[][] {
  /** How many of the class's entries from `from` fit in the room left (header and padding included). */
  const room = (c: Sized, from: number, usedEm: number, first: boolean) => {
    let left = heightEm - usedEm - (first ? 0 : m.gapEm) - m.headerEm - m.blockPadEm + 1e-9
    let n = 0
    while (from + n < c.heights.length && left >= c.heights[from + n]!) left -= c.heights[from + n++]!
    return n
  }
  const cols: BoardColumn[] = [[]]
  let used = 0
  const push = (c: Sized, block: BoardBlock) => {
    const col = cols[cols.length - 1]!
    used += (col.length > 0 ? m.gapEm : 0) + blockEm(c.heights.slice(block.from, block.to), m)
    col.push(block)
  }
  const nextColumn = () => {
    cols.push([])
    used = 0
  }
  for (const c of classes) {
    let from = 0
    const entries = c.heights.length
    for (;;) {
      const col = cols[cols.length - 1]!
      const left = entries - from
      const fitsWhole = used + (col.length > 0 ? m.gapEm : 0) + blockEm(c.heights.slice(from), m) <= heightEm + 1e-9
      if (fitsWhole) {
        push(c, { classId: c.classId, from, to: entries, continued: from > 0 })
        break
      }
      // An empty column always takes something (at least one entry), so even a screen too
      // small for one entry makes progress; the column's overflow is cut by the page.
      const n = col.length === 0 ? Math.max(1, Math.min(left, room(c, from, used, true))) : Math.min(left, room(c, from, used, false))
      if (col.length === 0 && left <= n) {
        push(c, { classId: c.classId, from, to: entries, continued: from > 0 })
        break
      }
      if (n >= MIN_SPLIT || col.length === 0) {
        push(c, { classId: c.classId, from, to: from + n, continued: from > 0 })
        from += n
      }
      nextColumn()
    }
  }
  if (cols[cols.length - 1]!.length === 0) cols.pop()
  const pages: BoardColumn[][] = []
  for (let i = 0; i < cols.length; i += columns) pages.push(cols.slice(i, i + columns))
  return pages.length > 0 ? pages : [[]]
}

/** Which page to show now: pages rotate every `rotateMs`, derived from the clock so it never sticks. */
export function pageAt(nowMs: number, pageCount: number, rotateMs: number): number {
  if (pageCount <= 1) return 0
  return Math.floor(nowMs / rotateMs) % pageCount
}
