import { LitElement, css, html, nothing } from 'lit'
import { instantTimeText } from '../lib/staffLanguage.js'
import type { SafetyBoard } from '../../../shared/protocol/safety.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import './asg-board-safety-class.js'
import { safetyGrid } from './safety-grid.js'
import { t as text } from './text.js'

/**
 * The board while a safety confirmation (安否確認) is open: what happened, since when, the
 * school's counts and one tile per class, every class on one screen, sized from the screen so
 * the numbers read from across the room. A drill says 訓練 in the header, in words, not colour.
 */
export class AsgBoardSafety extends LitElement {
  static override properties = {
    safety: { attribute: false },
    timeZone: { type: String },
    drill: { type: Boolean, reflect: true },
    width: { state: true },
    height: { state: true },
  }
  declare safety: SafetyBoard
  declare timeZone: string
  /** Reflected from the confirmation, for the header's colour. */
  declare drill: boolean
  declare width: number
  declare height: number

  private readonly observer = new ResizeObserver(([e]) => {
    if (!e) return
    this.width = Math.round(e.contentRect.width)
    this.height = Math.round(e.contentRect.height)
  })

  constructor() {
    super()
    this.timeZone = SCHOOL_ZONE
    this.drill = false
    this.width = 0
    this.height = 0
  }

  static override styles = css`
    :host { display: flex; flex-direction: column; flex: 1; min-height: 0; }
    .band { display: flex; align-items: center; gap: 0.6em; padding: 0.25em 0.8em; background: #b42318; color: #fff; }
    :host([drill]) .band { background: #5b4a9c; }
    h1 { margin: 0; font-size: 1.9em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 0; }
    .drill { font-size: 1.6em; font-weight: 800; background: #fff; color: #5b4a9c; border-radius: 0.3em; padding: 0 0.4em; white-space: nowrap; }
    .since { font-size: 1.1em; white-space: nowrap; }
    .totals { display: flex; gap: 0.4em; margin-left: auto; }
    .total { background: rgb(255 255 255 / 0.15); border-radius: 0.35em; padding: 0.05em 0.6em; text-align: center; min-width: 3.5em; }
    .total b { display: block; font-size: 2em; line-height: 1.1; font-variant-numeric: tabular-nums; }
    .total span { font-size: 0.85em; white-space: nowrap; }
    .total.help.some { background: #fff; color: #b42318; }
    .grid { flex: 1; min-height: 0; display: grid; gap: 0.5em; padding: 0.5em; }
    .empty { flex: 1; display: grid; place-items: center; font-size: 2em; }
  `

  override connectedCallback(): void {
    super.connectedCallback()
    this.observer.observe(this)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.observer.disconnect()
  }

  protected override willUpdate(): void {
    this.drill = this.safety.drill
  }

  override render() {
    const s = this.safety
    const t = s.totals
    const total = (cls: string, label: string, n: number) => html`<div class="total ${cls} ${n > 0 ? 'some' : ''}"><b>${n}</b><span>${label}</span></div>`
    return html`<div class="band" role="heading" aria-level="1">
        ${this.drill ? html`<span class="drill">${text('drill')}</span>` : nothing}
        <h1>${s.title}</h1>
        <span class="since">${text('sentAt', { time: instantTimeText(s.startedAt, this.timeZone) })}</span>
        <div class="totals">
          ${total('answered', text('tallyAnsweredOf', { n: t.targets }), t.answered)}${total('safe', text('tallySafe'), t.safe)}${total('help', text('tallySupport'), t.support)}${total('none', text('tallyUnanswered'), t.unanswered)}
        </div>
      </div>
      ${s.classes.length === 0 ? html`<div class="empty">${text('noSafetyClasses')}</div>` : this.renderGrid()}`
  }

  private renderGrid() {
    // The band takes about 4.5em of the host's font; the rest is the grid's.
    const fontPx = parseFloat(getComputedStyle(this).fontSize) || 16
    const gridHeight = Math.max(1, this.height - 4.6 * fontPx)
    const { columns, rows } = safetyGrid(this.safety.classes.length, this.width || 1, gridHeight)
    // A tile is about 4.2em tall and 13em wide at its font size; take the largest that fits both ways.
    const tileFont = this.width ? Math.min(gridHeight / rows / 4.4, this.width / columns / 13.5) : fontPx
    const style = `grid-template-columns: repeat(${columns}, minmax(0, 1fr)); grid-template-rows: repeat(${rows}, minmax(0, 1fr)); font-size: ${Math.round(tileFont)}px`
    return html`<div class="grid" style=${style}>
      ${this.safety.classes.map((c) => html`<asg-board-safety-class .tally=${c} data-class=${c.classId}></asg-board-safety-class>`)}
    </div>`
  }
}

customElements.define('asg-board-safety', AsgBoardSafety)
declare global {
  interface HTMLElementTagNameMap {
    'asg-board-safety': AsgBoardSafety
  }
}
