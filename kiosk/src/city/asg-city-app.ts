import { LitElement, css, html, nothing } from 'lit'
import { can } from '../../../shared/policy/policy.js'
import type { CityDay, Me } from '../../../shared/protocol/index.js'
import { routes } from '../../../shared/protocol/routes.js'
import '../components/asg-language-switch.js'
import '../components/asg-staff-login.js'
import { ReloadOnEvent } from '../controllers/reload-on-event.js'
import { call, errorText } from '../lib/api.js'
import { currentUser, signOut } from '../lib/session.js'
import { dayText, timeText } from '../lib/staffLanguage.js'
import { buttons, tokens } from '../lib/styles.js'
import './asg-city-files.js'
import './asg-city-panels.js'
import './asg-city-school-table.js'
import './asg-city-totals.js'
import { t } from './text.js'

type CityMe = Extract<Me, { kind: 'city' }>

/**
 * The board of education's page: every school of the city today, live. The page holds only
 * the aggregates the server sends (`CityDay`); `city:changed` says which schools changed and
 * the page reads the aggregates again, at most once per burst.
 */
export class AsgCityApp extends LitElement {
  static override properties = { me: { state: true }, checked: { state: true }, data: { state: true }, error: { state: true }, date: { state: true } }
  declare me: Me | null
  declare checked: boolean
  declare data: CityDay | null
  declare error: string
  /** The day shown; empty for today (the live view). */
  declare date: string
  private live: ReloadOnEvent | null = null
  private loading = false
  private again = false

  constructor() {
    super()
    this.me = null
    this.checked = false
    this.data = null
    this.error = ''
    this.date = new URLSearchParams(location.search).get('date') ?? ''
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; min-height: 100vh; background: var(--asg-bg); }
      header { display: flex; align-items: center; gap: 16px; padding: 8px 20px; background: var(--asg-accent); color: #fff; }
      header h1 { font-size: 1.15rem; margin: 0; }
      header .when { font-size: 1.05rem; }
      header .live { font-size: 0.85rem; padding: 2px 8px; border-radius: 999px; background: rgba(255, 255, 255, 0.2); }
      header .spacer { flex: 1; }
      header input { font: inherit; padding: 4px 6px; border-radius: 6px; border: none; }
      header button { min-height: 32px; padding: 0.2em 0.8em; }
      main { display: grid; grid-template-columns: minmax(0, 1fr) 430px; gap: 14px; padding: 10px 20px 20px; }
      .denied, .error { padding: 40px; }
      .error { color: var(--asg-absent); }
    `,
  ]

  override async connectedCallback() {
    super.connectedCallback()
    document.title = t('documentTitle')
    this.me = await currentUser().catch(() => null)
    this.checked = true
    if (this.allowed) await this.start()
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.live?.stop()
    this.live = null
  }

  private get allowed(): boolean {
    return this.me?.kind === 'city' && can(this.me, 'city.day.read')
  }

  private async start(): Promise<void> {
    await this.load()
    this.live ??= new ReloadOnEvent(this, { events: ['city:changed'], reload: () => void this.load(), onEnded: () => (this.me = null), delayMs: 400 })
  }

  /** Reads the aggregates; a change arriving meanwhile asks for one more read after this one. */
  async load(): Promise<void> {
    if (this.loading) return void (this.again = true)
    this.loading = true
    try {
      this.data = await call(routes.cityDay.day, { query: this.date ? { date: this.date } : {} })
      this.error = ''
    } catch (e) {
      this.error = errorText(e)
    } finally {
      this.loading = false
      if (this.again) {
        this.again = false
        void this.load()
      }
    }
  }

  override render() {
    if (!this.checked) return nothing
    if (!this.me) return html`<asg-staff-login heading=${t('loginHeading')} @asg-logged-in=${this.loggedIn}></asg-staff-login>`
    if (!this.allowed) return html`<p class="denied">${t('onlyBoard')} <button @click=${this.onSignOut}>${t('logout')}</button></p>`
    const me = this.me as CityMe
    const d = this.data
    return html`
      <header>
        <h1>${t('pageHeading', { organisation: me.organisationName })}</h1>
        ${d ? html`<span class="when">${dayText(d.date)}${d.today ? html` ${t('asOf', { time: timeText(d.time) })}` : nothing}</span>` : nothing}
        ${d?.today ? html`<span class="live" aria-live="polite">${t(this.live?.live ? 'live' : 'reconnecting')}</span>` : nothing}
        <span class="spacer"></span>
        <label>${t('date')} <input type="date" .value=${this.date || (d?.date ?? '')} @change=${this.pickDate} /></label>
        ${this.date ? html`<button @click=${() => this.pick('')}>${t('today')}</button>` : nothing}
        <asg-language-switch></asg-language-switch>
        <span>${me.name}</span>
        <button @click=${this.onSignOut}>${t('logout')}</button>
      </header>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${d ? html`
        <asg-city-totals .data=${d}></asg-city-totals>
        <main>
          <div>
            <asg-city-school-table .data=${d}></asg-city-school-table>
            <asg-city-files .data=${d} @asg-threshold-changed=${() => void this.load()}></asg-city-files>
          </div>
          <asg-city-panels .data=${d}></asg-city-panels>
        </main>` : this.error ? nothing : html`<p class="denied">${t('loading')}</p>`}
    `
  }

  private loggedIn = async (e: CustomEvent<Me>) => {
    this.me = e.detail
    if (this.allowed) await this.start()
  }

  private pickDate = (e: Event) => this.pick((e.target as HTMLInputElement).value)

  private pick(date: string): void {
    this.date = date
    const url = new URL(location.href)
    if (date) url.searchParams.set('date', date)
    else url.searchParams.delete('date')
    history.replaceState(null, '', url)
    void this.load()
  }

  private onSignOut = () =>
    signOut(this.live, () => {
      this.live = null
      this.me = null
      this.data = null
    })
}

customElements.define('asg-city-app', AsgCityApp)
declare global {
  interface HTMLElementTagNameMap {
    'asg-city-app': AsgCityApp
  }
}
