import { LitElement, css, html, nothing } from 'lit'
import { DAY_STATUS_LABEL, REASON_CATEGORY_LABEL, type DayEntry } from '../../../shared/protocol/index.js'
import { formatTimeJa } from '../../../shared/time/format.js'

/** One pupil on the board: number, name, status, reason, time, badges and 確認済. */
export class AsgBoardEntry extends LitElement {
  static override properties = {
    entry: { attribute: false },
    fresh: { type: Boolean, reflect: true },
    consecutiveBadge: { type: Number },
  }
  declare entry: DayEntry
  declare fresh: boolean
  declare consecutiveBadge: number

  constructor() {
    super()
    this.fresh = false
    this.consecutiveBadge = 3
  }

  static override styles = css`
    :host { display: grid; grid-template-columns: 1.6em minmax(0, 1fr) auto; align-items: center; column-gap: 0.4em;
      padding: 0.25em 0.4em; border-radius: 6px; line-height: 1.25; }
    :host([fresh]) { animation: flash 6s ease-out; }
    @keyframes flash { from { background: #ffe58a; } to { background: transparent; } }
    .no { color: var(--asg-ink-soft); text-align: right; font-variant-numeric: tabular-nums; }
    .name { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-weight: 600; }
    .status { font-weight: 700; padding: 0.05em 0.45em; border-radius: 4px; white-space: nowrap; }
    .detail { grid-column: 2 / 4; display: flex; flex-wrap: wrap; gap: 0.3em; font-size: 0.78em; color: var(--asg-ink-soft);
      white-space: nowrap; overflow: hidden; max-height: 1.4em; }
    .absent { color: var(--asg-absent); background: var(--asg-absent-bg); }
    .late { color: var(--asg-late); background: var(--asg-late-bg); }
    .early_leave { color: var(--asg-early); background: var(--asg-early-bg); }
    .not_arrived { color: var(--asg-not-arrived); background: var(--asg-not-arrived-bg); }
    .excused { color: var(--asg-excused); background: var(--asg-excused-bg); }
    .badge { border: 1px solid currentColor; border-radius: 4px; padding: 0 0.3em; }
    .badge.streak { color: var(--asg-absent); font-weight: 700; }
    .ack { color: var(--asg-ok); font-weight: 700; }
    .unexplained { outline: 3px solid var(--asg-not-arrived-bg); }
  `

  override render() {
    const e = this.entry
    const r = e.report
    const time = e.time ? `${formatTimeJa(e.time)}${e.status === 'late' ? '予定' : e.status === 'early_leave' ? '下校' : ''}` : null
    return html`
      <span class="no">${e.attendanceNumber}</span>
      <span class="name" title=${e.name}>${e.name}</span>
      <span class="status ${e.status} ${e.status === 'not_arrived' && !r ? 'unexplained' : ''}">${DAY_STATUS_LABEL[e.status]}</span>
      <span class="detail">
        ${r ? html`<span>${r.reasonLabel !== REASON_CATEGORY_LABEL[r.reasonCategory] ? r.reasonLabel : REASON_CATEGORY_LABEL[r.reasonCategory]}</span>` : nothing}
        ${time ? html`<span>${time}</span>` : nothing}
        ${e.consecutiveAbsences && e.consecutiveAbsences >= this.consecutiveBadge ? html`<span class="badge streak">連続${e.consecutiveAbsences}日</span>` : nothing}
        ${e.cumulativeAbsences ? html`<span class="badge">累計${e.cumulativeAbsences}日</span>` : nothing}
        ${r?.acknowledgedAt ? html`<span class="ack">✓確認済</span>` : nothing}
        ${r?.message ? html`<span title=${r.message}>「${r.message}」</span>` : nothing}
      </span>
    `
  }
}

customElements.define('asg-board-entry', AsgBoardEntry)
declare global {
  interface HTMLElementTagNameMap {
    'asg-board-entry': AsgBoardEntry
  }
}
