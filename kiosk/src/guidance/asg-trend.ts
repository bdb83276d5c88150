import { LitElement, css, html, svg } from 'lit'
import { t } from './text.js'

/** A tiny bar chart of 欠席 per week (oldest first), with the numbers as its accessible name. */
export class AsgTrend extends LitElement {
  static override properties = { weeks: { attribute: false } }
  declare weeks: number[]

  constructor() {
    super()
    this.weeks = []
  }

  static override styles = css`
    :host { display: inline-block; vertical-align: middle; }
    svg { display: block; }
    rect { fill: #b42318; }
    rect.zero { fill: #d8d4c8; }
  `

  override render() {
    const w = 8
    const h = 24
    const label = t('trend', { weeks: this.weeks.length, list: this.weeks.join(t('listSeparator')) })
    return html`<svg width=${this.weeks.length * (w + 2)} height=${h} role="img" aria-label=${label}>
      <title>${label}</title>
      ${this.weeks.map((n, i) => {
        // A school week has at most 5 or 6 days: scale to 5, clamp above.
        const bh = n === 0 ? 2 : Math.max(4, Math.min(h, (n / 5) * h))
        return svg`<rect class=${n === 0 ? 'zero' : ''} x=${i * (w + 2)} y=${h - bh} width=${w} height=${bh}></rect>`
      })}
    </svg>`
  }
}

customElements.define('asg-trend', AsgTrend)
declare global {
  interface HTMLElementTagNameMap {
    'asg-trend': AsgTrend
  }
}
