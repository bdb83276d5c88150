import { LitElement, css, html } from 'lit'
import type { SafetyClassTally } from '../../../shared/protocol/safety.js'
import { t as text } from './text.js'

/**
 * One class on the board in safety mode: its label and four counts, 回答済 / 無事 / 要支援
 * (けが・不明) / 未回答. A class with pupils needing help is outlined red; a class where every
 * family has answered and all are safe turns green, so the room sees at a glance where to go.
 */
export class AsgBoardSafetyClass extends LitElement {
  static override properties = {
    tally: { attribute: false },
    state: { type: String, reflect: true },
  }
  declare tally: SafetyClassTally
  /** `help`, `done` or `open`: the colour of the tile (set from the tally, reflected for CSS). */
  declare state: 'help' | 'done' | 'open'

  constructor() {
    super()
    this.state = 'open'
  }

  static override styles = css`
    :host { display: flex; flex-direction: column; min-width: 0; min-height: 0; background: var(--asg-surface, #fff); border-radius: 0.35em;
      box-shadow: 0 0 0 0.08em var(--asg-line, #d8d4c8); overflow: hidden; }
    :host([state='help']) { box-shadow: 0 0 0 0.22em #b42318; }
    :host([state='done']) { box-shadow: 0 0 0 0.14em #1a7f37; }
    header { display: flex; align-items: baseline; gap: 0.4em; padding: 0.1em 0.4em; background: #e8ecf5; }
    :host([state='help']) header { background: #b42318; color: #fff; }
    :host([state='done']) header { background: #1a7f37; color: #fff; }
    h2 { margin: 0; font-size: 1.3em; white-space: nowrap; }
    .of { margin-left: auto; font-size: 0.9em; white-space: nowrap; font-variant-numeric: tabular-nums; }
    dl { flex: 1; display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); margin: 0; }
    .n { display: flex; flex-direction: column; align-items: center; justify-content: center; padding: 0.1em 0; min-width: 0; }
    dt { order: 2; font-size: 0.8em; white-space: nowrap; color: var(--asg-ink-soft, #57606a); }
    /* English words are about twice as wide as the Japanese ones: a little smaller, and a long one takes two lines (the tiles have height to spare); every label keeps two lines so the numbers stay level. */
    :host(:lang(en)) dt { font-size: 0.7em; white-space: normal; text-align: center; line-height: 1.1; min-height: 2.2em; }
    dd { order: 1; margin: 0; font-size: 2.2em; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
    .safe dd { color: #1a7f37; }
    .help dd { color: #b42318; }
    .help.some { background: #fde8e6; }
    .help.some dt { color: #b42318; font-weight: 700; }
    .none dd { color: #8a5a00; }
    .zero dd { color: #9aa0a6; }
  `

  protected override willUpdate(): void {
    const t = this.tally
    this.state = t.support > 0 ? 'help' : t.targets > 0 && t.unanswered === 0 ? 'done' : 'open'
  }

  override render() {
    const t = this.tally
    const cell = (cls: string, label: string, n: number) => html`<div class="n ${cls} ${n === 0 ? 'zero' : 'some'}"><dt>${label}</dt><dd>${n}</dd></div>`
    return html`<header><h2>${t.label}</h2><span class="of">${text('safetyTargets', { n: t.targets })}</span></header>
      <dl aria-label=${text('safetyClassSummary', { label: t.label, answered: t.answered, safe: t.safe, support: t.support, unanswered: t.unanswered })}>
        ${cell('answered', text('tallyAnswered'), t.answered)}${cell('safe', text('tallySafe'), t.safe)}${cell('help', text('tallySupport'), t.support)}${cell('none', text('tallyUnanswered'), t.unanswered)}
      </dl>`
  }
}

customElements.define('asg-board-safety-class', AsgBoardSafetyClass)
declare global {
  interface HTMLElementTagNameMap {
    'asg-board-safety-class': AsgBoardSafetyClass
  }
}
