import { LitElement, css, html, nothing } from 'lit'
import type { CalendarYear } from '../../../shared/protocol/index.js'
import { ReloadOnChange } from '../controllers/reload-on-change.js'
import { api, ApiError } from '../lib/api.js'
import { buttons, tokens } from '../lib/styles.js'

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

  override render() {
    const c = this.cal
    return html`<asg-staff-gate heading="行事・休業日(学校カレンダー)" @asg-staff-ready=${() => this.start()}>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${!c ? html`<p>読み込み中…</p>` : html`
        <div class="top">
          <button @click=${() => this.shift(-1)} aria-label="前の月">◀</button>
          <strong>${Number(this.month.slice(0, 4))}年${Number(this.month.slice(5))}月</strong>
          <button @click=${() => this.shift(1)} aria-label="次の月">▶</button>
          <span>${c.fiscalYear}年度 授業日数 ${c.schoolDayCount}日</span>
        </div>
        <div class="cols">
          <asg-calendar-month .cal=${c} month=${this.month}></asg-calendar-month>
          <div>
            ${c.canEdit ? html`<asg-calendar-forms .cal=${c} @asg-changed=${() => this.load()}></asg-calendar-forms>` : nothing}
            <h3>学級閉鎖・学年閉鎖</h3>
            <ul>${c.closures.length === 0 ? html`<li>ありません</li>` : c.closures.map((x) => html`<li>${x.fromDate.slice(5)}〜${x.toDate.slice(5)} ${x.target} ${x.label}
              ${c.canEdit ? html`<button @click=${() => this.deleteItem(`/api/calendar/closures/${x.id}/delete`)}>削除</button>` : nothing}</li>`)}</ul>
            <h3>行事</h3>
            <ul>${c.events.length === 0 ? html`<li>ありません</li>` : c.events.map((e) => html`<li>${e.fromDate.slice(5)}${e.toDate !== e.fromDate ? `〜${e.toDate.slice(5)}` : ''} ${e.title}${e.visibleToGuardians ? '' : '(職員のみ)'}
              ${c.canEdit ? html`<button @click=${() => this.deleteItem(`/api/calendar/events/${e.id}/delete`)}>削除</button>` : nothing}</li>`)}</ul>
          </div>
        </div>`}
    </asg-staff-gate>`
  }

  private shift(n: number) {
    const d = new Date(`${this.month}-01T00:00:00Z`)
    d.setUTCMonth(d.getUTCMonth() + n)
    this.month = d.toISOString().slice(0, 7)
  }

  private async deleteItem(path: string) {
    try {
      await api('POST', path, {})
      await this.load()
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : '削除できませんでした。'
    }
  }

  /** Another administrator's edit (closures name classes, so a new roster too) reloads the calendar. */
  private start() {
    this.live ??= new ReloadOnChange(this, { relevant: (c) => c.kind === 'school' && c.parts.some((p) => p === 'calendar' || p === 'roster'), reload: () => void this.load() })
    void this.load()
  }

  private async load() {
    try {
      this.cal = await api<CalendarYear>('GET', '/api/calendar')
      if (!this.month) this.month = this.cal.today.slice(0, 7)
      this.error = ''
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : '読み込めませんでした。'
    }
  }
}

customElements.define('asg-calendar-app', AsgCalendarApp)
declare global {
  interface HTMLElementTagNameMap {
    'asg-calendar-app': AsgCalendarApp
  }
}
