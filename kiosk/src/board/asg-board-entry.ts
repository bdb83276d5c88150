import { LitElement, css, html, nothing } from 'lit'
import type { Badge } from '../../../shared/domain/boardView.js'
import { changedAfterAcknowledgement, liveReports, unacknowledgedReports } from '../../../shared/domain/dayReports.js'
import type { DayEntry } from '../../../shared/protocol/index.js'
import { timeText } from '../lib/staffLanguage.js'
import { badgeText, statusText } from '../components/day-words.js'
import { reasonCategoryLabel } from './board-words.js'
import { t } from './text.js'

/**
 * One pupil on the board: number, name and status on the first line; reason, times, badges,
 * 確認済 or 確認後に変更 (a report came after staff acknowledged the day), and the newest
 * guardian message when the school allows it, on the second. The second line wraps in a
 * narrow column rather than cut a badge or 確認済; the board measures each entry's real
 * height for its fit (BOARD_METRICS.entryEm is the shortest).
 */
export class AsgBoardEntry extends LitElement {
  static override properties = {
    entry: { attribute: false },
    badges: { attribute: false },
    showMessage: { type: Boolean },
    fresh: { type: Boolean, reflect: true },
    unexplained: { type: Boolean, reflect: true },
  }
  declare entry: DayEntry
  declare badges: Badge[]
  declare showMessage: boolean
  declare fresh: boolean
  declare unexplained: boolean

  constructor() {
    super()
    this.badges = []
    this.showMessage = false
    this.fresh = false
    this.unexplained = false
  }

  static override styles = css`
    :host { display: block; min-height: 2.6em; box-sizing: border-box; padding: 0.1em 0.35em; border-radius: 0.3em; overflow: hidden;
      transition: background-color 1.5s ease-out; }
    :host([fresh]) { background: #ffe58a; transition: none; }
    :host([unexplained]) { background: #fff0e8; box-shadow: inset 0.3em 0 0 var(--asg-not-arrived-bg); }
    .top { display: grid; grid-template-columns: 1.5em minmax(0, 1fr) auto; align-items: start; column-gap: 0.35em; min-height: 1.35em; line-height: 1.35em; }
    .no { color: var(--asg-ink-soft); text-align: right; font-variant-numeric: tabular-nums; font-size: 0.9em; }
    /* A name too long for a narrow column wraps (the fit measures it) rather than lose its given name. */
    .name { font-weight: 700; overflow-wrap: anywhere; word-break: auto-phrase; }
    .status { font-weight: 700; padding: 0 0.35em; border-radius: 0.25em; white-space: nowrap; line-height: 1.3em; }
    .detail { margin-left: 1.85em; display: flex; flex-wrap: wrap; column-gap: 0.45em; font-size: 0.85em; min-height: 1.2em; line-height: 1.2em;
      color: #3b424a; }
    .detail > span { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 100%; }
    .absent { color: var(--asg-absent); background: var(--asg-absent-bg); }
    .late { color: var(--asg-late); background: var(--asg-late-bg); }
    .early_leave { color: var(--asg-early); background: var(--asg-early-bg); }
    .not_arrived { color: var(--asg-not-arrived); background: var(--asg-not-arrived-bg); }
    .excused { color: var(--asg-excused); background: var(--asg-excused-bg); }
    .badge { border: 1px solid currentColor; border-radius: 0.25em; padding: 0 0.25em; line-height: 1.15em; align-self: center; }
    .badge.streak { color: var(--asg-absent); font-weight: 700; }
    .badge.cumulative.level2, .badge.cumulative.level3, .badge.cumulative.level4, .badge.cumulative.level5 { color: #fff; background: var(--asg-absent); border-color: var(--asg-absent); font-weight: 700; }
    .ack { color: var(--asg-ok); font-weight: 700; }
    .warn { color: var(--asg-not-arrived-bg); font-weight: 700; }
    .changed { color: #fff; background: var(--asg-absent); font-weight: 700; border-radius: 0.25em; padding: 0 0.25em; }
  `

  override render() {
    const e = this.entry
    const live = liveReports(e.reports)
    const r = live[0] ?? null
    const reason = r ? (r.reasonLabel || reasonCategoryLabel(r.reasonCategory)) : null
    const changed = changedAfterAcknowledgement(e.reports)
    const acknowledged = live.length > 0 && unacknowledgedReports(live).length === 0
    return html`
      <div class="top">
        <span class="no">${e.attendanceNumber}</span>
        <span class="name" title=${e.name}>${e.name}</span>
        <span class="status ${e.status}">${statusText(e)}</span>
      </div>
      <div class="detail">
        ${this.unexplained ? html`<span class="warn">${t('unexplained')}</span>` : nothing}
        ${reason ? html`<span>${reason}</span>` : nothing}
        ${timesOf(e).map((time) => html`<span>${time}</span>`)}
        ${this.badges.map((b) => html`<span class="badge ${b.kind} level${b.level}">${badgeText(b)}</span>`)}
        ${changed ? html`<span class="changed">${t('changedAfterAck')}</span>` : acknowledged ? html`<span class="ack">${t('acknowledged')}</span>` : nothing}
        ${this.showMessage && r?.message ? html`<span class="msg">${t('message', { message: r.message })}</span>` : nothing}
      </div>
    `
  }
}

/**
 * The times that matter today: each live 遅刻 or 早退 report's own (a morning 遅刻 and an
 * afternoon 早退 both show), or the mark's time when staff recorded it without a report.
 */
function timesOf(e: DayEntry): string[] {
  const at = (time: string, kind: string) =>
    kind === 'late' ? t('timeArriving', { time: timeText(time) }) : kind === 'early_leave' ? t('timeLeaving', { time: timeText(time) }) : timeText(time)
  const fromReports = liveReports(e.reports)
    .filter((r) => r.time && r.kind !== 'absent')
    .reverse()
    .map((r) => at(r.time!, r.kind))
  if (fromReports.length > 0 && e.source === 'guardian') return fromReports
  return e.time ? [at(e.time, e.status)] : []
}

customElements.define('asg-board-entry', AsgBoardEntry)
declare global {
  interface HTMLElementTagNameMap {
    'asg-board-entry': AsgBoardEntry
  }
}
