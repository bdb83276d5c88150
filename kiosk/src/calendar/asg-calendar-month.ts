import { LitElement, css, html, nothing } from 'lit'
import type { CalendarYear } from '../../../shared/protocol/index.js'
import { tokens } from '../lib/styles.js'
import { t } from './text.js'

const WEEKDAYS = ['weekday1', 'weekday2', 'weekday3', 'weekday4', 'weekday5', 'weekday6', 'weekday0'] as const

/** Whom a closure applies to: a class by its name (the school's, in Japanese); a grade named by the page, as the server names it in Japanese. */
export const closureTarget = (x: CalendarYear['closures'][number]) =>
  x.classId === null && x.grade !== null ? t('gradeClosure', { grade: x.grade }) : html`<span lang="ja">${x.target}</span>`

/** One month of the school calendar as a grid: holidays, vacations/closures, extra days, class closures and events. */
export class AsgCalendarMonth extends LitElement {
  static override properties = { cal: { attribute: false }, month: { type: String } }
  declare cal: CalendarYear | null
  declare month: string

  constructor() {
    super()
    this.cal = null
    this.month = ''
  }

  static override styles = [
    tokens,
    css`
      :host { display: block; }
      .grid { display: grid; grid-template-columns: repeat(7, 1fr); gap: 2px; }
      .h { text-align: center; font-weight: 700; font-size: 0.85rem; padding: 0.2rem; }
      .d { background: var(--asg-surface); min-height: 5.2rem; padding: 0.25rem 0.35rem; font-size: 0.78rem; border: 1px solid var(--asg-line); border-radius: 6px; }
      .d .n { font-weight: 700; font-size: 0.95rem; }
      .off { background: #eeece6; color: var(--asg-ink-soft); }
      .holiday .n, .sun .n { color: var(--asg-absent); }
      .sat .n { color: #1f4fa8; }
      .extra { background: #e3f4e4; }
      .tag { display: block; margin-top: 0.1rem; border-radius: 4px; padding: 0 0.25rem; }
      .tag.closed { background: #d8d4c8; }
      .tag.extra { background: #1a7f37; color: #fff; }
      .tag.closure { background: var(--asg-excused-bg); color: var(--asg-excused); }
      .tag.event { background: #dde6f7; color: #24407a; }
      .tag.holiday { color: var(--asg-absent); }
      .blank { background: transparent; border: none; }
    `,
  ]

  override render() {
    const c = this.cal
    if (!c || !this.month) return nothing
    const first = new Date(`${this.month}-01T00:00:00Z`)
    const lead = (first.getUTCDay() + 6) % 7
    const daysInMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
    const cells = []
    for (let i = 0; i < lead; i++) cells.push(html`<div class="d blank"></div>`)
    for (let day = 1; day <= daysInMonth; day++) cells.push(this.renderDay(c, `${this.month}-${String(day).padStart(2, '0')}`))
    return html`<div class="grid" role="grid" aria-label=${t('monthGridLabel', { month: this.month })}>
      ${WEEKDAYS.map((w) => html`<div class="h">${t(w)}</div>`)}${cells}
    </div>`
  }

  private renderDay(c: CalendarYear, date: string) {
    const wd = new Date(`${date}T00:00:00Z`).getUTCDay()
    const holiday = c.holidays.find((h) => h.date === date)
    const special = c.days.find((d) => d.date === date)
    const closures = c.closures.filter((x) => date >= x.fromDate && date <= x.toDate)
    const events = c.events.filter((e) => date >= e.fromDate && date <= e.toDate)
    const off = special?.kind === 'closed' || (special?.kind !== 'extra_school_day' && (wd === 0 || wd === 6 || !!holiday))
    const cls = ['d', off ? 'off' : '', holiday ? 'holiday' : '', wd === 0 ? 'sun' : '', wd === 6 ? 'sat' : '', special?.kind === 'extra_school_day' ? 'extra' : ''].join(' ')
    return html`<div class=${cls} role="gridcell">
      <span class="n">${Number(date.slice(8))}</span>
      ${holiday ? html`<span class="tag holiday" lang="ja">${holiday.name}</span>` : nothing}
      ${special ? html`<span class="tag ${special.kind === 'closed' ? 'closed' : 'extra'}">${special.label || (special.kind === 'closed' ? t('holiday') : t('schoolDay'))}</span>` : nothing}
      ${closures.map((x) => html`<span class="tag closure">${closureTarget(x)} ${x.label}</span>`)}
      ${events.map((e) => html`<span class="tag event">${e.title}${e.visibleToGuardians ? '' : t('staffTag')}</span>`)}
    </div>`
  }
}

customElements.define('asg-calendar-month', AsgCalendarMonth)
declare global {
  interface HTMLElementTagNameMap {
    'asg-calendar-month': AsgCalendarMonth
  }
}
