import { LitElement, css, html, nothing } from 'lit'
import type { CalendarYear } from '../../../shared/protocol/index.js'
import { ReloadOnChange } from '../controllers/reload-on-change.js'
import { ApiError, call, errorText } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { buttons, tokens } from '../lib/styles.js'
import { rangeText, speaksEnglish } from '../lib/staffLanguage.js'
import { closureTarget } from './asg-calendar-month.js'
import { t } from './text.js'

/** A closure's or event's days: `11-28〜11-30` in Japanese (a closure always shows both ends), `Sat, Nov 28 – Mon, Nov 30` in English. */
function span(from: string, to: string, bothEnds: boolean): string {
  if (speaksEnglish()) return rangeText(from, to)
  return bothEnds || to !== from ? `${from.slice(5)}〜${to.slice(5)}` : from.slice(5)
}

/**
 * The school calendar page: a month grid of the year (national holidays from the data
 * package, vacations, closures, Saturday class days, class closures and events), and for the
 * administrators the forms to edit them and the lists to remove closures and events.
 */
export class AsgCalendarApp extends LitElement {
  static override properties = { cal: { state: true }, month: { state: true }, error: { state: true } }
  declare cal: CalendarYear | null
  declare month: string
  declare error: string
  private live: ReloadOnChange | null = null

  constructor() {
    super()
    this.cal = null
    this.month = ''
    this.error = ''
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; }
      .top { display: flex; flex-wrap: wrap; align-items: center; gap: 0.6rem; margin-bottom: 0.7rem; }
      .top strong { font-size: 1.1rem; }
      .cols { display: grid; grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr); gap: 1rem; align-items: start; }
      @media (max-width: 900px) { .cols { grid-template-columns: 1fr; } }
      ul { list-style: none; padding: 0; margin: 0; background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); }
      li { display: flex; align-items: center; gap: 0.5rem; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--asg-line); font-size: 0.9rem; }
      li button { margin-left: auto; min-height: 32px; padding: 0.1em 0.7em; }
      h3 { font-size: 1rem; margin: 0.9rem 0 0.3rem; }
      .error { color: var(--asg-absent); }
    `,
  ]

  override connectedCallback(): void {
    super.connectedCallback()
    document.title = t('pageTitle')
  }

  override render() {
    const c = this.cal
    return html`<asg-staff-gate heading=${t('heading')} @asg-staff-ready=${() => this.start()}>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${!c ? html`<p>${t('loading')}</p>` : html`
        <div class="top">
          <button @click=${() => this.shift(-1)} aria-label=${t('previousMonth')}>◀</button>
          <strong>${t('month', { y: String(Number(this.month.slice(0, 4))), m: String(Number(this.month.slice(5))) })}</strong>
          <button @click=${() => this.shift(1)} aria-label=${t('nextMonth')}>▶</button>
          <span>${t('schoolDayCount', { fy: String(c.fiscalYear), n: c.schoolDayCount })}</span>
        </div>
        <div class="cols">
          <asg-calendar-month .cal=${c} month=${this.month}></asg-calendar-month>
          <div>
            ${c.canEdit ? html`<asg-calendar-forms .cal=${c} @asg-changed=${() => this.load()}></asg-calendar-forms>` : nothing}
            <h3>${t('closures')}</h3>
            <ul>${c.closures.length === 0 ? html`<li>${t('none')}</li>` : c.closures.map((x) => html`<li>${span(x.fromDate, x.toDate, true)} ${closureTarget(x)} ${x.label}
              ${c.canEdit ? html`<button @click=${() => this.deleteItem(routes.calendar.deleteClosure, x.id)}>${t('delete')}</button>` : nothing}</li>`)}</ul>
            <h3>${t('events')}</h3>
            <ul>${c.events.length === 0 ? html`<li>${t('none')}</li>` : c.events.map((e) => html`<li>${span(e.fromDate, e.toDate, false)} ${e.title}${e.visibleToGuardians ? '' : t('staffOnly')}
              ${c.canEdit ? html`<button @click=${() => this.deleteItem(routes.calendar.deleteEvent, e.id)}>${t('delete')}</button>` : nothing}</li>`)}</ul>
          </div>
        </div>`}
    </asg-staff-gate>`
  }

  private shift(n: number) {
    const d = new Date(`${this.month}-01T00:00:00Z`)
    d.setUTCMonth(d.getUTCMonth() + n)
    this.month = d.toISOString().slice(0, 7)
  }

  private async deleteItem(route: typeof routes.calendar.deleteClosure | typeof routes.calendar.deleteEvent, id: number) {
    try {
      await call(route, { params: { id } })
      await this.load()
    } catch (err) {
      this.error = err instanceof ApiError ? errorText(err) : t('deleteFailed')
    }
  }

  /** Another administrator's edit (closures name classes, so a new roster too) reloads the calendar. */
  private start() {
    this.live ??= new ReloadOnChange(this, { relevant: (c) => c.kind === 'school' && c.parts.some((p) => p === 'calendar' || p === 'roster'), reload: () => void this.load() })
    void this.load()
  }

  private async load() {
    try {
      this.cal = await call(routes.calendar.year)
      if (!this.month) this.month = this.cal.today.slice(0, 7)
      this.error = ''
    } catch (err) {
      this.error = err instanceof ApiError ? errorText(err) : t('loadFailed')
    }
  }
}

customElements.define('asg-calendar-app', AsgCalendarApp)
declare global {
  interface HTMLElementTagNameMap {
    'asg-calendar-app': AsgCalendarApp
  }
}
