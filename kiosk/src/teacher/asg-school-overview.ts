import { LitElement, css, html, nothing } from 'lit'
import type { ClassInfo, DayEntry } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import { byAttendanceNumber, COUNTED_STATUSES, countByStatus, HIGHLIGHT_MS, STATUS_LABEL, STATUS_SHORT_LABEL, statusColours, unacknowledged } from './day-view.js'
import { t } from './text.js'

/**
 * 全クラス: the school's totals, then a compact card per class with its counts and the names
 * of the pupils in each bucket. Tapping a card opens that class.
 * @fires asg-select-class - detail: { classId }, when a class card is tapped
 */
export class AsgSchoolOverview extends LitElement {
  static override properties = {
    classes: { attribute: false },
    entries: { attribute: false },
    changedAt: { attribute: false },
    homeroomClassIds: { attribute: false },
  }
  declare classes: readonly ClassInfo[]
  /** Every entry of the school for the day. */
  declare entries: readonly DayEntry[]
  declare changedAt: ReadonlyMap<number, number>
  /** The user's own classes, marked 担任. */
  declare homeroomClassIds: readonly number[]

  private highlightTimer: ReturnType<typeof setTimeout> | undefined

  constructor() {
    super()
    this.classes = []
    this.entries = []
    this.changedAt = new Map()
    this.homeroomClassIds = []
  }

  static override styles = [
    tokens,
    buttons,
    statusColours,
    css`
      :host { display: block; }
      h2 { font-size: 1.2rem; margin: 0 0 0.5rem; }
      .totals { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 1rem; padding: 0; list-style: none; }
      .totals li { border-radius: var(--asg-radius); padding: 0.3rem 0.7rem; font-weight: 700; }
      .totals li.zero { color: var(--asg-ink-soft); background: var(--asg-surface); border: 1px solid var(--asg-line); font-weight: 400; }
      .totals .n { font-size: 1.2rem; font-variant-numeric: tabular-nums; margin-left: 0.3em; }
      .totals li.todo { background: var(--asg-accent); color: #fff; }
      .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 10px; margin: 0; padding: 0; list-style: none; }
      button.card {
        width: 100%; height: 100%; text-align: left; display: flex; flex-direction: column; gap: 0.4rem;
        padding: 0.7rem 0.8rem; background: var(--asg-surface); transition: background-color 1.5s ease-out;
      }
      button.card:hover { border-color: var(--asg-accent); }
      button.card.changed { background: #fff6d1; transition: none; }
      .head { display: flex; align-items: baseline; gap: 0.5rem; width: 100%; }
      .label { font-size: 1.1rem; font-weight: 700; }
      .mine { font-size: 0.75rem; font-weight: 700; color: #fff; background: var(--asg-accent); border-radius: 999px; padding: 0.05em 0.5em; }
      .teacher { font-size: 0.8rem; color: var(--asg-ink-soft); }
      .open { margin-left: auto; font-size: 0.8rem; font-weight: 700; color: var(--asg-accent); white-space: nowrap; }
      .names { display: grid; grid-template-columns: auto 1fr; align-items: baseline; gap: 0.3rem 0.5rem; font-size: 0.88rem; }
      .chip { font-size: 0.8rem; font-weight: 700; border-radius: 6px; padding: 0.1em 0.45em; white-space: nowrap; text-align: center; }
      .chip { justify-self: start; }
      .nm { white-space: nowrap; }
      .none { font-size: 0.85rem; color: var(--asg-ink-soft); }
      .empty { color: var(--asg-ink-soft); }
      @media (prefers-reduced-motion: reduce) { button.card { transition: none; } }
    `,
  ]

  override render() {
    if (this.classes.length === 0) return html`<p class="empty">${t('noClasses')}</p>`
    const byClass = new Map<number, DayEntry[]>()
    for (const e of this.entries) {
      const list = byClass.get(e.classId) ?? []
      list.push(e)
      byClass.set(e.classId, list)
    }
    const totals = countByStatus(this.entries)
    const todo = unacknowledged(this.entries)
    const now = Date.now()
    return html`
      <h2>${t('allClasses')}</h2>
      <ul class="totals" aria-label=${t('schoolCountsLabel')}>
        ${COUNTED_STATUSES.map((s) => html`<li class=${totals[s] ? `st-${s}` : 'zero'}>${STATUS_LABEL[s]}<span class="n">${totals[s]}</span></li>`)}
        ${todo ? html`<li class="todo">${t('notAcknowledged')}<span class="n">${todo}</span></li>` : nothing}
      </ul>
      <ul class="grid">
        ${this.classes.map((c) => this.renderClass(c, (byClass.get(c.id) ?? []).sort(byAttendanceNumber), now))}
      </ul>
    `
  }

  private renderClass(c: ClassInfo, entries: DayEntry[], now: number) {
    const counts = countByStatus(entries)
    const todo = unacknowledged(entries)
    const changed = entries.some((e) => now - (this.changedAt.get(e.pupilId) ?? 0) < HIGHLIGHT_MS)
    const groups = COUNTED_STATUSES.map((s) => ({ s, names: entries.filter((e) => e.status === s).map((e) => e.name) })).filter((g) => g.names.length)
    return html`<li>
      <button class="card ${changed ? 'changed' : ''}" @click=${() => this.select(c.id)} aria-label=${t('openClass', { label: c.label })}>
        <span class="head">
          <span class="label">${c.label}</span>
          ${this.homeroomClassIds.includes(c.id) ? html`<span class="mine">${t('myClass')}</span>` : nothing}
          ${todo ? html`<span class="open">${t('cardUnacknowledged', { n: todo })}</span>` : nothing}
        </span>
        <span class="teacher">${t('cardMeta', { teacher: c.homeroomTeacher ?? t('homeroomTeacherUnset'), n: c.pupilCount })}</span>
        ${groups.length === 0
          ? html`<span class="none">${t('noReports')}</span>`
          : html`<span class="names">
              ${groups.map((g) => html`<span class="chip st-${g.s}">${STATUS_SHORT_LABEL[g.s]} ${counts[g.s]}</span><span class="who">${g.names.map((n, i) => html`${i ? t('nameSeparator') : ''}<span class="nm">${n}</span>`)}</span>`)}
            </span>`}
      </button>
    </li>`
  }

  private select(classId: number) {
    this.dispatchEvent(new CustomEvent<{ classId: number }>('asg-select-class', { detail: { classId }, bubbles: true, composed: true }))
  }

  protected override updated(): void {
    clearTimeout(this.highlightTimer)
    const now = Date.now()
    let next = Infinity
    for (const t of this.changedAt.values()) if (now - t < HIGHLIGHT_MS) next = Math.min(next, t + HIGHLIGHT_MS - now)
    if (next !== Infinity) this.highlightTimer = setTimeout(() => this.requestUpdate(), next + 50)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearTimeout(this.highlightTimer)
  }
}

customElements.define('asg-school-overview', AsgSchoolOverview)
declare global {
  interface HTMLElementTagNameMap {
    'asg-school-overview': AsgSchoolOverview
  }
  interface HTMLElementEventMap {
    'asg-select-class': CustomEvent<{ classId: number }>
  }
}
