import { LitElement, css, html, nothing } from 'lit'
import { repeat } from 'lit/directives/repeat.js'
import type { ClassInfo, DayEntry, RosterPupil } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import { instantTimeText, timeText } from '../lib/staffLanguage.js'
import { STATUS_LABEL, statusColours } from './day-view.js'
import { tapToggles } from './roll-view.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import { t } from './text.js'

/**
 * The roll call of one class, phone-first. Everyone is present by default; one tap
 * on a pupil marks 未登校 (another tap takes it back); 「…」 opens the pupil for 遅刻・早退,
 * a phone report, a note or the history; one button confirms the roll.
 * @fires asg-mark - detail: { pupilId, mark }, a tap that toggles 出席 ↔ 未登校
 * @fires asg-open-pupil - detail: { pupilId }
 * @fires asg-confirm-roll - detail: { classId }
 */
export class AsgRollCall extends LitElement {
  static override properties = {
    classInfo: { attribute: false },
    roster: { attribute: false },
    entries: { attribute: false },
    pending: { attribute: false },
    timeZone: { type: String },
    editable: { type: Boolean },
    offline: { type: Boolean },
    overdue: { type: Boolean },
  }
  declare classInfo: ClassInfo | null
  declare roster: readonly RosterPupil[]
  declare entries: readonly DayEntry[]
  /** Pupil ids whose mark is on its way to the server. */
  declare pending: ReadonlySet<number>
  declare timeZone: string
  declare editable: boolean
  declare offline: boolean
  /** The roll-call time has passed and the roll is not taken: the reminder shows. */
  declare overdue: boolean

  constructor() {
    super()
    this.classInfo = null
    this.roster = []
    this.entries = []
    this.pending = new Set()
    this.timeZone = SCHOOL_ZONE
    this.editable = false
    this.offline = false
    this.overdue = false
  }

  static override styles = [
    tokens,
    buttons,
    statusColours,
    css`
      :host { display: block; margin: 0 0 1.2rem; }
      .head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.3rem 0.8rem; margin: 0 0 0.5rem; }
      h3 { margin: 0; font-size: 1.1rem; }
      .hint { font-size: 0.85rem; color: var(--asg-ink-soft); }
      .taken { color: var(--asg-ok); font-weight: 700; font-size: 0.95rem; }
      .reminder { background: var(--asg-not-arrived-bg); color: var(--asg-not-arrived); border-radius: var(--asg-radius); padding: 0.6rem 0.8rem; margin: 0 0 0.6rem; font-weight: 700; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: 6px; }
      li { display: flex; align-items: stretch; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); background: var(--asg-surface); overflow: hidden; }
      li.marked { border-color: currentColor; }
      button.tap { flex: 1; min-width: 0; border: 0; border-radius: 0; background: transparent; text-align: left; display: grid; grid-template-columns: 1.8rem 1fr; align-items: center;
        gap: 0 0.3rem; padding: 0.45rem 0.4rem 0.45rem 0.55rem; min-height: 56px; color: inherit; }
      .no { font-weight: 700; font-variant-numeric: tabular-nums; color: var(--asg-ink-soft); }
      li.marked .no { color: inherit; }
      /* The full name, wrapped between family and given name when the tile is narrow: two 村上 must be told apart. */
      .name { font-weight: 700; line-height: 1.25; word-break: auto-phrase; overflow-wrap: anywhere; }
      .st { grid-column: 2; font-size: 0.78rem; font-weight: 700; }
      li.marked button.tap { background: inherit; }
      button.more { border: 0; border-left: 1px solid var(--asg-line); border-radius: 0; min-width: 44px; padding: 0; font-weight: 700; background: var(--asg-bg); color: var(--asg-ink); }
      .confirm { position: sticky; bottom: 8px; margin-top: 0.8rem; display: flex; }
      .confirm button { flex: 1; min-height: 56px; font-size: 1.1rem; box-shadow: 0 4px 14px rgb(0 0 0 / 0.18); }
    `,
  ]

  override render() {
    const info = this.classInfo
    if (!info) return nothing
    const byPupil = new Map(this.entries.map((e) => [e.pupilId, e]))
    const missing = this.roster.filter((p) => byPupil.get(p.pupilId)?.status === 'not_arrived').length
    return html`
      <div class="head">
        <h3>${t('rollCall')}</h3>
        ${info.rollTaken
          ? html`<span class="taken">${t('rollTaken', { time: instantTimeText(info.rollTaken.at, this.timeZone), by: info.rollTaken.by })}</span>`
          : this.editable
            ? html`<span class="hint">${t('rollHint')}</span>`
            : html`<span class="hint">${t('rollNotTaken')}</span>`}
      </div>
      ${this.overdue && !info.rollTaken ? html`<p class="reminder" role="status">${t('rollReminder')}</p>` : nothing}
      <ul aria-label=${t('rollCall')}>
        ${repeat(this.roster, (p) => p.pupilId, (p) => this.renderPupil(p, byPupil.get(p.pupilId)))}
      </ul>
      ${this.editable && !info.rollTaken
        ? html`<div class="confirm">
            <button class="primary" ?disabled=${this.offline} @click=${() => this.fire('asg-confirm-roll', { classId: info.id })}>
              ${t('confirmRoll', { n: missing })}
            </button>
          </div>`
        : nothing}
    `
  }

  private renderPupil(p: RosterPupil, e: DayEntry | undefined) {
    const status = e?.status ?? 'present'
    const marked = status !== 'present'
    const label = marked ? `${STATUS_LABEL[status]}${e?.time ? ` ${timeText(e.time)}` : ''}` : STATUS_LABEL.present
    const busy = this.pending.has(p.pupilId)
    return html`<li class=${marked ? `marked st-${status}` : ''} data-pupil=${p.pupilId}>
      <button class="tap" ?disabled=${!this.editable || this.offline || busy} aria-label=${t('pupilTile', { no: p.attendanceNumber, name: p.name, status: label })} @click=${() => this.tap(p, e)}>
        <span class="no">${p.attendanceNumber}</span><span class="name">${p.name}</span><span class="st">${busy ? t('sending') : label}</span>
      </button>
      <button class="more" aria-label=${t('pupilDetails', { name: p.name })} @click=${() => this.fire('asg-open-pupil', { pupilId: p.pupilId })}>…</button>
    </li>`
  }

  private tap(p: RosterPupil, e: DayEntry | undefined) {
    const mark = tapToggles(e)
    if (mark) this.fire('asg-mark', { pupilId: p.pupilId, mark })
    else this.fire('asg-open-pupil', { pupilId: p.pupilId })
  }

  private fire<T>(name: string, detail: T) {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }))
  }
}

customElements.define('asg-roll-call', AsgRollCall)
declare global {
  interface HTMLElementTagNameMap {
    'asg-roll-call': AsgRollCall
  }
  interface HTMLElementEventMap {
    'asg-mark': CustomEvent<{ pupilId: number; mark: 'not_arrived' | 'present' }>
    'asg-open-pupil': CustomEvent<{ pupilId: number }>
    'asg-confirm-roll': CustomEvent<{ classId: number }>
  }
}
