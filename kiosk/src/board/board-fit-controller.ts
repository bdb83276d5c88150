import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { fitBoard, type BoardFit, type ClassLoad } from '../../../shared/domain/boardFit.js'

/**
 * Measures the board's grid with a ResizeObserver and fits the classes into it (see
 * shared/domain/boardFit.ts). The fit is recomputed only when the size or the number of
 * entries per class changes, not on every clock tick.
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

  hostDisconnected(): void {
    this.observer.disconnect()
    this.observed = null
  }

  /**
   * The readable range follows the screen: from 1/46 of the window height (about 23 px on a
   * 1080-line screen, 47 px on 4K) up to 1/30, so text stays readable from across the room.
   */
  fit(classes: readonly ClassLoad[], viewportHeight: number): BoardFit | null {
    if (this.width === 0 || this.height === 0) return null
    const minFontPx = Math.max(14, viewportHeight / 46)
    const maxFontPx = Math.max(minFontPx, viewportHeight / 30)
    const key = `${this.width}x${this.height}@${viewportHeight}:${classes.map((c) => `${c.classId}=${c.entries}`).join(',')}`
    if (key !== this.key || !this.last) {
      this.key = key
      this.last = fitBoard({ widthPx: this.width, heightPx: this.height, classes, minFontPx, maxFontPx })
    }
    return this.last
  }
}
