import { LitElement, css, html, nothing } from 'lit'
import { badgesFor, isFresh, isUnexplained } from '../../../shared/domain/boardView.js'
import type { ClassInfo, DayEntry, DaySnapshot } from '../../../shared/protocol/index.js'
import './asg-board-entry.js'
import { t } from './text.js'

type Thresholds = Pick<DaySnapshot, 'consecutiveAbsenceBadge' | 'cumulativeAbsenceBadges'>

/**
 * One class block in a board column: label, teacher, a 未点呼 mark when the roll is overdue,
 * and the entries given (a long class may be split over columns; the rest says (続き)).
 * Heights follow BOARD_METRICS: header 2em, padding 0.4em, "連絡なし" 1.6em.
 */
export class AsgBoardClass extends LitElement {
  static override properties = {
    info: { attribute: false },
    entries: { attribute: false },
    changedAt: { attribute: false },
    thresholds: { attribute: false },
    now: { type: Number },
    continued: { type: Boolean },
    missingRoll: { type: Boolean, reflect: true, attribute: 'missing-roll' },
    showMessages: { type: Boolean },
  }
  declare info: ClassInfo
  declare entries: DayEntry[]
  declare changedAt: ReadonlyMap<number, number>
  declare thresholds: Thresholds
  declare now: number
  declare continued: boolean
  declare missingRoll: boolean
  declare showMessages: boolean

  constructor() {
    super()
    this.entries = []
    this.changedAt = new Map()
    this.thresholds = { consecutiveAbsenceBadge: 3, cumulativeAbsenceBadges: [] }
    this.now = Date.now()
    this.continued = false
    this.missingRoll = false
    this.showMessages = false
  }

  static override styles = css`
    :host { display: flex; flex-direction: column; flex: 1 0 auto; min-width: 0; background: var(--asg-surface);
      box-shadow: 0 0 0 1px var(--asg-line); border-radius: 0.4em; overflow: hidden; }
    :host([missing-roll]) { box-shadow: 0 0 0 2px #c4320a; }
    header { display: flex; align-items: center; gap: 0.4em; height: 2em; box-sizing: border-box; padding: 0 0.5em; background: #e8ecf5; flex: none; }
    h2 { margin: 0; font-size: 1.15em; white-space: nowrap; }
    .cont { font-size: 0.75em; color: var(--asg-ink-soft); white-space: nowrap; }
    .roll { font-size: 0.8em; font-weight: 700; color: #fff; background: #c4320a; border-radius: 0.25em; padding: 0 0.3em; white-space: nowrap; }
    .teacher { margin-left: auto; font-size: 0.75em; color: var(--asg-ink-soft); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 0; }
    .list { padding: 0.2em 0.2em; }
    .none { display: block; height: 1.6em; line-height: 1.6em; color: var(--asg-ink-soft); padding: 0 0.4em; }
    .none span { font-size: 0.85em; }
  `

  override render() {
    return html`
      <header>
        <h2>${this.info.label}</h2>
        ${this.continued ? html`<span class="cont">${t('continued')}</span>` : nothing}
        ${this.missingRoll ? html`<span class="roll">${t('missingRoll')}</span>` : nothing}
        <span class="teacher">${this.info.homeroomTeacher ?? ''}</span>
      </header>
      <div class="list">
        ${this.entries.length === 0
          ? html`<span class="none"><span>${t('noReports')}</span></span>`
          : this.entries.map(
              (e) => html`<asg-board-entry
                .entry=${e}
                .badges=${badgesFor(e, this.thresholds)}
                ?showMessage=${this.showMessages}
                ?fresh=${isFresh(this.changedAt.get(e.pupilId), this.now)}
                ?unexplained=${isUnexplained(e)}
              ></asg-board-entry>`,
            )}
      </div>
    `
  }
}

customElements.define('asg-board-class', AsgBoardClass)
declare global {
  interface HTMLElementTagNameMap {
    'asg-board-class': AsgBoardClass
  }
}
