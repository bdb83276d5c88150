import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { fitBoard, type BoardFit, type ClassLoad } from '../../../shared/domain/boardFit.js'

/**
 * Measures the board's grid with a ResizeObserver and fits the classes into it (see
 * shared/domain/boardFit.ts). An entry's second line wraps in a narrow column, so the fit
 * uses every entry's real height: the page renders all entries once more in a hidden
 * measuring box (`measureIn`), and for each font and column count the fit tries, the box
 * takes that column's width and the entries' heights are read. The fit is recomputed only
 * when the size or the entries change, not on every clock tick.
 */
export class BoardFitController implements ReactiveController {
  width = 0
  height = 0
  private observed: Element | null = null
  private readonly observer = new ResizeObserver(([e]) => {
    if (!e) return
    const { width, height } = e.contentRect
    if (Math.round(width) === this.width && Math.round(height) === this.height) return
    this.width = Math.round(width)
    this.height = Math.round(height)
    this.host.requestUpdate()
  })
  private key = ''
  private last: BoardFit | null = null
  private box: HTMLElement | null = null
  /** The entries the measuring box holds (a key of the page's data), once they have rendered. */
  private measuredKey = ''
  private readonly heights = new Map<string, ReadonlyMap<number, readonly number[]>>()

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this)
  }

  /** Starts measuring `el` (the grid), replacing any element measured before. */
  observe(el: Element | null): void {
    if (el === this.observed) return
    if (this.observed) this.observer.unobserve(this.observed)
    this.observed = el
    if (el) this.observer.observe(el)
  }

  /**
   * The hidden box holds every entry as of `contentKey` (call after each render): once its
   * elements have rendered, the next fit reads their heights.
   */
  async measureIn(box: HTMLElement | null, contentKey: string): Promise<void> {
    if (!box || (box === this.box && contentKey === this.measuredKey)) return
    await settled(box)
    this.box = box
    this.measuredKey = contentKey
    this.heights.clear()
    this.host.requestUpdate()
  }

  hostDisconnected(): void {
    this.observer.disconnect()
    this.observed = null
    this.box = null
    this.measuredKey = ''
    this.heights.clear()
  }

  /**
   * The readable range follows the screen: from 1/46 of the window height (about 23 px on a
   * 1080-line screen, 47 px on 4K) up to 1/30, so text stays readable from across the room.
   */
  fit(classes: readonly ClassLoad[], viewportHeight: number): BoardFit | null {
    if (this.width === 0 || this.height === 0) return null
    const minFontPx = Math.max(14, viewportHeight / 46)
    const maxFontPx = Math.max(minFontPx, viewportHeight / 30)
    const key = `${this.width}x${this.height}@${viewportHeight}:${this.measuredKey}:${classes.map((c) => `${c.classId}=${c.entries}`).join(',')}`
    if (key !== this.key || !this.last) {
      this.key = key
      this.last = fitBoard({ widthPx: this.width, heightPx: this.height, classes, minFontPx, maxFontPx, entryHeights: (font, widthEm) => this.heightsAt(font, widthEm) })
    }
    return this.last
  }

  /** Every measured entry's height in em, by class, in a column `widthEm` wide at `fontPx`. */
  private heightsAt(fontPx: number, widthEm: number): ReadonlyMap<number, readonly number[]> {
    const box = this.box
    if (!box) return new Map()
    const widthPx = Math.floor(widthEm * fontPx)
    const cacheKey = `${fontPx}:${widthPx}`
    const cached = this.heights.get(cacheKey)
    if (cached) return cached
    box.style.fontSize = `${fontPx}px`
    box.style.width = `${widthPx}px`
    const out = new Map<number, number[]>()
    for (const block of box.querySelectorAll('asg-board-measure')) {
      out.set(Number(block.dataset.class), block.entryElements().map((e) => e.getBoundingClientRect().height / fontPx))
    }
    this.heights.set(cacheKey, out)
    return out
  }
}

/** Resolves when the box's class blocks and their entries have rendered. */
async function settled(box: HTMLElement): Promise<void> {
  const blocks = [...box.querySelectorAll('asg-board-measure')]
  await Promise.all(blocks.map((b) => b.updateComplete))
  await Promise.all(blocks.flatMap((b) => b.entryElements().map((e) => (e as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete)))
}
