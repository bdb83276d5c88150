import { LitElement, css, html } from 'lit'
import type { SafetyBoard, SafetyClassTally } from '../../../shared/protocol/safety.js'
import { buttons, tokens } from '../lib/styles.js'
import { tallyLabel as L } from './labels.js'
import { t } from './text.js'

/**
 * The live tally of a confirmation on the staff page: the school's totals and one row per
 * class (回答済 / 無事 / 要支援 / 未回答), a class with 要支援 marked. A class label opens its list.
 * @fires asg-select-class - detail: { classId }
 */
export class AsgSafetyTally extends LitElement {
  static override properties = {
    safety: { attribute: false },
    selected: { type: Number },
  }
  declare safety: SafetyBoard
  /** The class whose list is open, or 0 for none. */
  declare selected: number

  constructor() {
    super()
    this.selected = 0
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; }
      .totals { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 8px; margin: 0 0 10px; }
      .total { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); text-align: center; padding: 6px; }
      .total b { display: block; font-size: 1.8rem; line-height: 1.1; font-variant-numeric: tabular-nums; }
      .total.safe b { color: var(--asg-ok); }
      .total.support.some { border: 2px solid var(--asg-absent); background: var(--asg-absent-bg); }
      .total.support b { color: var(--asg-absent); }
      .total.unanswered b { color: var(--asg-late); }
      .bar { height: 10px; border-radius: 5px; background: #eee; overflow: hidden; display: flex; margin: 0 0 12px; }
      .bar span { display: block; height: 100%; }
      .bar .safe { background: var(--asg-ok); }
      .bar .support { background: var(--asg-absent); }
      .bar .other { background: #8c959f; }
      table { width: 100%; border-collapse: collapse; background: var(--asg-surface); font-variant-numeric: tabular-nums; }
      th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--asg-line); text-align: right; }
      th:first-child, td:first-child { text-align: left; }
      thead th { background: #eef0f5; font-size: 0.9rem; }
      tr.support td.support { color: var(--asg-absent); font-weight: 700; }
      tr.support td:first-child { box-shadow: inset 4px 0 0 var(--asg-absent); }
      tr.done td:first-child { box-shadow: inset 4px 0 0 var(--asg-ok); }
      td button { min-height: 40px; padding: 0.2em 0.7em; font-weight: 700; white-space: nowrap; }
      tr[aria-current='true'] td { background: #e6edf8; }
    `,
  ]

  override render() {
    const s = this.safety
    const totals = s.totals
    const pct = (n: number) => (totals.targets ? (100 * n) / totals.targets : 0)
    const total = (cls: Parameters<typeof L>[0], n: number) => html`<div class="total ${cls} ${n > 0 ? 'some' : ''}"><b>${n}</b>${cls === 'answered' ? t('answeredOf', { targets: totals.targets }) : L(cls)}</div>`
    return html`<div class="totals" aria-label=${t('whole')}>${total('answered', totals.answered)}${total('safe', totals.safe)}${total('support', totals.support)}${total('unanswered', totals.unanswered)}</div>
      <div class="bar" role="img" aria-label=${t('answerRate', { percent: Math.round(pct(totals.answered)) })}>
        <span class="safe" style="width:${pct(totals.safe)}%"></span><span class="support" style="width:${pct(totals.support)}%"></span>
        <span class="other" style="width:${pct(totals.answered - totals.safe - totals.support)}%"></span>
      </div>
      <table>
        <thead><tr><th scope="col">${t('classColumn')}</th><th scope="col">${t('targetsColumn')}</th><th scope="col">${L('answered')}</th><th scope="col">${L('safe')}</th><th scope="col">${L('support')}</th><th scope="col">${L('unanswered')}</th></tr></thead>
        <tbody>${s.classes.map((c) => this.row(c))}</tbody>
      </table>`
  }

  private row(c: SafetyClassTally) {
    const state = c.support > 0 ? 'support' : c.targets > 0 && c.unanswered === 0 ? 'done' : ''
    return html`<tr class=${state} data-class=${c.classId} aria-current=${this.selected === c.classId ? 'true' : 'false'}>
      <td><button type="button" @click=${() => this.select(c.classId)}>${c.label}</button></td>
      <td>${c.targets}</td><td>${c.answered}</td><td>${c.safe}</td><td class="support">${c.support}</td><td class="unanswered">${c.unanswered}</td>
    </tr>`
  }

  private select(classId: number) {
    this.dispatchEvent(new CustomEvent<{ classId: number }>('asg-select-class', { detail: { classId }, bubbles: true, composed: true }))
  }
}

customElements.define('asg-safety-tally', AsgSafetyTally)
declare global {
  interface HTMLElementTagNameMap {
    'asg-safety-tally': AsgSafetyTally
  }
}
