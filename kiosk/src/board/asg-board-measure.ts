import { AsgBoardClass } from './asg-board-class.js'

/**
 * The hidden twin of a class block, in which the board measures its entries' real heights.
 * Its shadow root is closed, so that nothing looking for the board's entries (a browser test,
 * an assistive technology) finds these copies; the fit controller reads them through
 * `entryElements`.
 */
export class AsgBoardMeasure extends AsgBoardClass {
  static override shadowRootOptions: ShadowRootInit = { ...AsgBoardClass.shadowRootOptions, mode: 'closed' }

  /** The rendered entries, in order. */
  entryElements(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('asg-board-entry')]
  }
}

customElements.define('asg-board-measure', AsgBoardMeasure)
declare global {
  interface HTMLElementTagNameMap {
    'asg-board-measure': AsgBoardMeasure
  }
}
