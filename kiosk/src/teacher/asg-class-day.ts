import { LitElement, css, html, nothing } from 'lit'
import { repeat } from 'lit/directives/repeat.js'
import { DAY_STATUS_LABEL, type ClassInfo, type DayEntry, type MarkSource } from '../../../shared/protocol/index.js'
import { badgesFor, type Thresholds } from '../../../shared/domain/boardView.js'
import { badgeText, statusText } from '../components/day-words.js'
import { changedAfterAcknowledgement, liveReports, unacknowledgedReports } from '../../../shared/domain/dayReports.js'
import { buttons, tokens } from '../lib/styles.js'
import { timeText } from '../lib/staffLanguage.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import './asg-report-thread.js'
import { t } from './text.js'
import {
  byAttendanceNumber,
  COUNTED_STATUSES,
  COUNT_LABEL,
  countByStatus,
  HIGHLIGHT_MS,
  statusColours,
  unacknowledged,
} from './day-view.js'

const SOURCE_LABEL: Record<MarkSource, string> = {
  guardian: t('sourceGuardianReport'),
  phone: t('sourcePhoneReport'),
  teacher: t('sourceTeacherEntry'),
  office: t('sourceOfficeEntry'),
  system: t('sourceAutomatic'),
}

/**
 * One class on one school day: the counts, then every pupil who is not simply present, by
 * attendance number, with the day's guardian reports as a thread, each with its 確認 state.
 * @fires asg-acknowledge - detail: { reportId }, from the thread, when the teacher taps 確認 (only when editable)
 */
export class AsgClassDay extends LitElement {
  static override properties = {
    classInfo: { attribute: false },
    entries: { attribute: false },
    changedAt: { attribute: false },
    pending: { attribute: false },
    timeZone: { type: String },
    date: { type: String },
    editable: { type: Boolean },
    offline: { type: Boolean },
    thresholds: { attribute: false },
  }
  declare classInfo: ClassInfo | null
  /** This class's entries (any order). */
  declare entries: readonly DayEntry[]
  /** pupilId → epoch ms of its last live change (DayController.changedAt). */
  declare changedAt: ReadonlyMap<number, number>
  /** Report ids whose 確認 is on its way to the server. */
  declare pending: ReadonlySet<number>
  declare timeZone: string
  /** The school day shown, `YYYY-MM-DD`. */
  declare date: string
  /** Whether this user may acknowledge reports of this class. */
  declare editable: boolean
  /** The data may be stale and commands cannot be sent: 確認 buttons are disabled. */
  declare offline: boolean
  /** The school's badge thresholds (from the snapshot). */
  declare thresholds: Thresholds

  private highlightTimer: ReturnType<typeof setTimeout> | undefined

  constructor() {
    super()
    this.classInfo = null
    this.entries = []
    this.changedAt = new Map()
    this.pending = new Set()
    this.timeZone = SCHOOL_ZONE
    this.date = ''
    this.editable = false
    this.offline = false
    this.thresholds = { consecutiveAbsenceBadge: 3, cumulativeAbsenceBadges: [10, 20, 30] }
  }

  static override styles = [
    tokens,
    buttons,
    statusColours,
    css`
      :host { display: block; }
      header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2rem 0.8rem; margin: 0 0 0.6rem; }
      h2 { font-size: 1.35rem; margin: 0; }
      .meta { color: var(--asg-ink-soft); font-size: 0.9rem; }
      .readonly { font-size: 0.8rem; color: var(--asg-ink-soft); border: 1px solid var(--asg-line); border-radius: 999px; padding: 0.05em 0.6em; }
      .todo { font-size: 0.85rem; font-weight: 700; color: var(--asg-accent); }

      .counts { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 6px; margin: 0 0 0.9rem; padding: 0; list-style: none; }
      .counts li { border-radius: var(--asg-radius); padding: 0.35rem 0.2rem; text-align: center; line-height: 1.2; }
      .counts li.zero { color: var(--asg-ink-soft); background: var(--asg-surface); border: 1px solid var(--asg-line); }
      .counts .n { display: block; font-size: 1.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
      .counts .l { display: block; font-size: 0.72rem; font-weight: 600; }

      ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
      @media (min-width: 960px) { ol { grid-template-columns: repeat(2, minmax(0, 1fr)); align-items: start; } }
      li.entry {
        background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius);
        padding: 0.7rem 0.8rem; display: flex; align-items: flex-start; gap: 0.6rem;
        transition: background-color 1.5s ease-out, box-shadow 1.5s ease-out;
      }
      li.entry.open { box-shadow: inset 4px 0 0 var(--asg-accent); }
      li.entry.changed { background: #fff6d1; box-shadow: inset 4px 0 0 #e0a800; transition: none; }
      .body { flex: 1; min-width: 0; display: grid; gap: 0.15rem; }
      .no { flex: none; width: 2.2rem; height: 2.2rem; border-radius: 50%; background: var(--asg-bg); border: 1px solid var(--asg-line);
        display: flex; align-items: center; justify-content: center; font-weight: 700; font-variant-numeric: tabular-nums; }
      .who { display: flex; flex-wrap: wrap; align-items: center; gap: 0.1rem 0.6rem; min-width: 0; }
      .name { font-size: 1.1rem; font-weight: 700; }
      .kana { font-size: 0.75rem; color: var(--asg-ink-soft); }
      .status { margin-left: auto; font-weight: 700; border-radius: 6px; padding: 0.15em 0.6em; white-space: nowrap; }
      .line { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.5rem; font-size: 0.92rem; }
      .time { font-weight: 700; font-variant-numeric: tabular-nums; }
      .badge { font-size: 0.78rem; font-weight: 700; border-radius: 999px; padding: 0.05em 0.6em; border: 1px solid currentColor; }
      .badge.streak { color: var(--asg-absent); }
      .badge.total { color: var(--asg-late); }
      .source { font-size: 0.8rem; color: var(--asg-ink-soft); }
      .changed-mark { font-size: 0.78rem; font-weight: 700; color: #fff; background: var(--asg-absent); border-radius: 999px; padding: 0.05em 0.6em; }
      asg-report-thread { margin-top: 0.3rem; }
      .empty { background: var(--asg-surface); border: 1px dashed var(--asg-line); border-radius: var(--asg-radius); padding: 1.5rem 1rem; text-align: center; color: var(--asg-ink-soft); }
      @media (prefers-reduced-motion: reduce) { li.entry { transition: none; } }
    `,
  ]

  override render() {
    const info = this.classInfo
    const entries = [...this.entries].sort(byAttendanceNumber)
    const counts = countByStatus(entries)
    const todo = unacknowledged(entries)
    const now = Date.now()
    return html`
      <header>
        <h2>${info?.label ?? t('classFallback')}</h2>
        ${info
          ? html`<span class="meta">${t('classMeta', {
              teacher: info.homeroomTeacher ? t('homeroomTeacherIs', { name: info.homeroomTeacher }) : t('homeroomTeacherUnset'),
              n: info.pupilCount,
            })}</span>`
          : nothing}
        ${this.editable
          ? todo > 0
            ? html`<span class="todo">${t('unacknowledgedCount', { n: todo })}</span>`
            : nothing
          : html`<span class="readonly">${t('viewOnly')}</span>`}
      </header>
      <ul class="counts" aria-label=${t('countsLabel')}>
        ${COUNTED_STATUSES.map(
          (s) => html`<li class=${counts[s] ? `st-${s}` : 'zero'}><span class="n">${counts[s]}</span><span class="l">${COUNT_LABEL[s]}</span></li>`,
        )}
      </ul>
      ${entries.length === 0
        ? html`<p class="empty">${t('noReports')}</p>`
        : html`<ol aria-label=${t('entriesLabel')}>
            ${repeat(
              entries,
              (e) => e.pupilId,
              (e) => this.renderEntry(e, now),
            )}
          </ol>`}
    `
  }

  private renderEntry(e: DayEntry, now: number) {
    const live = liveReports(e.reports)
    const changed = now - (this.changedAt.get(e.pupilId) ?? 0) < HIGHLIGHT_MS
    const open = unacknowledgedReports(e.reports).length > 0
    const classes = ['entry', changed ? 'changed' : '', open ? 'open' : ''].filter(Boolean).join(' ')
    // With reports, the thread says the reasons and times; without, the mark says them.
    const reason = live.length === 0 && e.codeLabel && e.codeLabel !== DAY_STATUS_LABEL[e.status] ? e.codeLabel : null
    return html`<li class=${classes} data-pupil=${e.pupilId}>
      <span class="no" title=${t('attendanceNumber')}>${e.attendanceNumber}</span>
      <div class="body">
      <div class="who">
        <span class="name">${e.name}</span>
        <span class="kana">${e.kana}</span>
        ${changedAfterAcknowledgement(e.reports) ? html`<span class="changed-mark">${t('changedAfterAcknowledgement')}</span>` : nothing}
        <span class="status st-${e.status}">${statusText(e)}</span>
      </div>
      <div class="line">
        ${reason ? html`<span class="reason">${reason}</span>` : nothing} ${live.length === 0 ? this.renderTime(e) : nothing}
        ${badgesFor(e, this.thresholds).map((b) => html`<span class="badge ${b.kind === 'streak' ? 'streak' : 'total'}">${badgeText(b)}</span>`)}
        ${e.source ? html`<span class="source">${SOURCE_LABEL[e.source]}</span>` : nothing}
      </div>
      <asg-report-thread .reports=${e.reports} .pending=${this.pending} .timeZone=${this.timeZone} .date=${this.date}
        ?editable=${this.editable} ?offline=${this.offline}></asg-report-thread>
      </div>
    </li>`
  }

  private renderTime(e: DayEntry) {
    if (!e.time) return nothing
    if (e.status === 'late') return html`<span class="time">${t('arrivingAt', { time: timeText(e.time) })}</span>`
    if (e.status === 'early_leave') return html`<span class="time">${t('pickedUpAt', { time: timeText(e.time) })}</span>`
    return nothing
  }

  protected override updated(): void {
    // Drop the highlight when the newest change is older than HIGHLIGHT_MS.
    clearTimeout(this.highlightTimer)
    const now = Date.now()
    let next = Infinity
    for (const e of this.entries) {
      const t = this.changedAt.get(e.pupilId)
      if (t !== undefined && now - t < HIGHLIGHT_MS) next = Math.min(next, t + HIGHLIGHT_MS - now)
    }
    if (next !== Infinity) this.highlightTimer = setTimeout(() => this.requestUpdate(), next + 50)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearTimeout(this.highlightTimer)
  }
}

customElements.define('asg-class-day', AsgClassDay)
declare global {
  interface HTMLElementTagNameMap {
    'asg-class-day': AsgClassDay
  }
}
