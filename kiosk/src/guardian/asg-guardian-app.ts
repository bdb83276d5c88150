import { LitElement, css, html, nothing } from 'lit'
import { keyed } from 'lit/directives/keyed.js'
import type { GuardianHome, GuardianReport, GuardianSafety, Me, ReportReceipt } from '../../../shared/protocol/index.js'
import '../components/asg-login.js'
import { ApiError, call } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { currentUser, signOut } from '../lib/session.js'
import { buttons, tokens, visuallyHidden } from '../lib/styles.js'
import './asg-report-confirm.js'
import type { SentDetail } from './asg-report-confirm.js'
import './asg-report-form.js'
import './asg-report-list.js'
import './asg-guardian-notices.js'
import './asg-guardian-safety.js'
import './asg-guardian-surveys.js'
import './asg-language-picker.js'
import './asg-report-receipt.js'
import type { DoneDetail } from './asg-report-receipt.js'
import type { ReportDraft } from './draft.js'
import { ReloadOnEvent } from '../controllers/reload-on-event.js'
import { errorText, LANGUAGE_EVENT, loadLanguage, messages, storedLocale, storeLocale, type Locale } from './messages.js'
import { guardianStyles } from './styles.js'

type Auth = 'checking' | 'anonymous' | 'staff' | 'guardian' | 'error'
type Step = 'form' | 'confirm' | 'receipt'

/**
 * The guardian page: login, then the three steps (入力 → 確認 → 完了) and the recent reports.
 * Owns the session, the data from the server and the current step; the step elements get
 * what they need as properties and report back with events.
 */
export class AsgGuardianApp extends LitElement {
  static override properties = {
    locale: { state: true },
    auth: { state: true },
    me: { state: true },
    authError: { state: true },
    expired: { state: true },
    home: { state: true },
    homeError: { state: true },
    reports: { state: true },
    reportsError: { state: true },
    reportsLoading: { state: true },
    step: { state: true },
    draft: { state: true },
    receipt: { state: true },
    formGeneration: { state: true },
    loggingOut: { state: true },
    notice: { state: true },
    announcement: { state: true },
    safety: { state: true },
    familyChanges: { state: true },
  }
  declare locale: Locale
  declare auth: Auth
  declare me: Me | null
  declare authError: string
  /** The login ran out mid-way: the login form shows above the (kept, hidden) page. */
  declare expired: boolean
  declare home: GuardianHome | null
  declare homeError: string
  declare reports: GuardianReport[] | null
  declare reportsError: string
  declare reportsLoading: boolean
  declare step: Step
  declare draft: ReportDraft | null
  declare receipt: ReportReceipt | null
  /** Bumped to start a fresh, empty form. */
  declare formGeneration: number
  declare loggingOut: boolean
  declare notice: string
  /** Safety confirmations (安否確認) for the children: open ones first, on top of everything. */
  declare safety: GuardianSafety[]
  /** Counts the family events heard: the notices and surveys below read their lists again on each. */
  declare familyChanges: number
  /** Live once a guardian is logged in: 確認済, new notices and surveys appear without a reload. */
  private live: ReloadOnEvent | null = null
  /** The language offered on arrival (this device's choice or the browser's), once its words are loaded. */
  private offered: Promise<void>
  /** Said by screen readers (a polite live region): the language change. */
  declare announcement: string

  constructor() {
    super()
    // Japanese until the chosen language's catalogue has arrived.
    this.locale = 'ja'
    this.offered = this.useLanguage(storedLocale())
    this.auth = 'checking'
    this.me = null
    this.authError = ''
    this.expired = false
    this.home = null
    this.homeError = ''
    this.reports = null
    this.reportsError = ''
    this.reportsLoading = false
    this.step = 'form'
    this.draft = null
    this.receipt = null
    this.formGeneration = 0
    this.loggingOut = false
    this.notice = ''
    this.announcement = ''
    this.safety = []
    this.familyChanges = 0
  }

  static override styles = [
    tokens,
    buttons,
    visuallyHidden,
    guardianStyles,
    css`
      :host {
        max-width: 560px;
        margin: 0 auto;
        padding: 0 12px calc(48px + env(safe-area-inset-bottom));
        box-sizing: border-box;
        background: var(--asg-bg);
        min-height: 100vh;
      }
      header {
        padding: 10px 2px 12px;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 8px;
      }
      .title {
        font-size: 1rem;
        font-weight: 700;
        color: var(--asg-accent);
        margin: 0;
        line-height: 1.3;
      }
      .who {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 8px;
        margin-top: 6px;
      }
      /*
       * Never break inside a name with its さん or a short label (「ログア/ウト」): the row wraps
       * first, and only what is wider than the whole line (large text on a small phone) breaks,
       * between phrases where it can, so nothing scrolls sideways.
       */
      .name {
        flex: 1 1 auto;
        font-size: 1.15rem;
        font-weight: 700;
      }
      .name,
      .who a.small,
      .who button.small {
        word-break: keep-all;
        overflow-wrap: anywhere;
      }
      button.link {
        border: none;
        background: none;
        color: var(--asg-accent);
        text-decoration: underline;
        padding: 0 6px;
        min-height: 44px;
        min-width: 44px;
        font-size: 0.95rem;
        white-space: nowrap;
      }
      a.small {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        color: var(--asg-accent);
      }
      button.small {
        font-size: 0.95rem;
        padding: 0.4em 0.9em;
      }
      .steps {
        display: flex;
        align-items: center;
        gap: 6px;
        flex-wrap: wrap;
        margin: 0 0 12px;
        padding: 0;
        list-style: none;
        font-size: 0.9rem;
        color: var(--asg-ink-soft);
      }
      .steps li {
        display: flex;
        align-items: center;
        gap: 4px;
        white-space: nowrap;
      }
      .steps li + li::before {
        content: '';
        width: 14px;
        height: 1px;
        background: var(--asg-line);
        margin-right: 4px;
      }
      .steps .n {
        width: 22px;
        height: 22px;
        border-radius: 50%;
        border: 1px solid var(--asg-line);
        display: grid;
        place-items: center;
        font-size: 0.8rem;
        background: var(--asg-surface);
      }
      .steps .current {
        color: var(--asg-ink);
        font-weight: 700;
      }
      .steps .current .n {
        background: var(--asg-accent);
        border-color: var(--asg-accent);
        color: #fff;
      }
      .steps .to-list {
        margin-left: auto;
      }
      .steps .to-list::before {
        display: none;
      }
      .state {
        text-align: center;
        padding: 28px 16px;
      }
      .state .error {
        margin-bottom: 12px;
      }
      asg-report-list {
        margin-top: 28px;
      }
      .expired {
        margin-bottom: 8px;
      }
      asg-login {
        margin-top: 4vh;
      }
      a.go {
        display: flex;
        align-items: center;
        justify-content: center;
        min-height: 52px;
        border-radius: var(--asg-radius);
        background: var(--asg-accent);
        color: #fff;
        font-weight: 700;
        text-decoration: none;
        margin-top: 14px;
      }
    `,
  ]

  override connectedCallback(): void {
    super.connectedCallback()
    this.applyLocale()
    void this.checkSession()
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.stopLive()
  }

  override render() {
    const m = messages(this.locale)
    return html`
      <header>
        <div class="bar">
          <p class="title">${m.appTitle}</p>
          <asg-language-picker locale=${this.locale} @asg-language=${this.onLanguage}></asg-language-picker>
        </div>
        ${this.me && this.auth === 'guardian' && !this.expired
          ? html`<div class="who">
              <span class="name" lang=${m.htmlLang}>${m.greeting(this.me.name)}</span>
              <a class="small" href="/join/#account">${m.accountLink}</a>
              <button class="small" type="button" ?disabled=${this.loggingOut} @click=${this.logout}>${this.loggingOut ? m.loggingOut : m.logout}</button>
            </div>`
          : nothing}
        ${this.notice ? html`<p class="error-box" role="alert">${this.notice}</p>` : nothing}
        <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      </header>
      ${this.content()}
    `
  }

  private content() {
    const m = messages(this.locale)
    switch (this.auth) {
      case 'checking':
        return html`<div class="card state muted" role="status">${m.checking}</div>`
      case 'error':
        return html`<div class="card state">
          <p class="error" role="alert">${this.authError}</p>
          <button type="button" @click=${this.checkSession}>${m.reload}</button>
        </div>`
      case 'anonymous':
        return this.login()
      case 'staff':
        return html`<section class="card">
          <h2>${m.staffTitle}</h2>
          <p>${m.staffBody}</p>
          <a class="go" href="/teacher/">${m.staffLink}</a>
          <div class="actions">
            <button type="button" ?disabled=${this.loggingOut} @click=${this.logout}>${this.loggingOut ? m.loggingOut : m.logout}</button>
          </div>
        </section>`
      case 'guardian':
        return html`
          ${this.expired
            ? html`<p class="note expired" role="alert">${m.sessionExpired}</p>
                ${this.login()}`
            : nothing}
          <main ?hidden=${this.expired}>${this.main()}</main>
        `
    }
  }

  private main() {
    const m = messages(this.locale)
    if (this.homeError) {
      return html`<div class="card state">
        <p class="error" role="alert">${this.homeError}</p>
        <button type="button" @click=${this.loadHome}>${m.reload}</button>
      </div>`
    }
    const home = this.home
    if (!home) return html`<div class="card state muted" role="status">${m.loading}</div>`
    if (home.children.length === 0) return html`<div class="card state">${m.noChildren}</div>`
    const stepNo = this.step === 'form' ? 1 : this.step === 'confirm' ? 2 : 3
    return html`
      ${this.safety.map((sf) => html`<asg-guardian-safety .safety=${sf} locale=${this.locale}
        @asg-safety-answered=${this.loadSafety} @asg-unauthenticated=${this.onExpired}></asg-guardian-safety>`)}
      <asg-guardian-notices .reasons=${Object.values(home.reasons)[0] ?? []} locale=${this.locale} .changes=${this.familyChanges} @asg-unauthenticated=${this.onExpired}></asg-guardian-notices>
      <asg-guardian-surveys locale=${this.locale} .changes=${this.familyChanges} @asg-unauthenticated=${this.onExpired}></asg-guardian-surveys>
      <ol class="steps" aria-label=${m.stepOf(stepNo)}>
        ${m.steps.map(
          (label, i) => html`<li class=${i + 1 === stepNo ? 'current' : ''} aria-current=${i + 1 === stepNo ? 'step' : 'false'}>
            <span class="n">${i + 1}</span>${label}
          </li>`,
        )}
        ${this.step === 'form'
          ? html`<li class="to-list"><button class="link" type="button" @click=${this.scrollToList}>${m.listHeading} ↓</button></li>`
          : nothing}
      </ol>
      ${keyed(
        this.formGeneration,
        html`<asg-report-form ?hidden=${this.step !== 'form'} .home=${home} locale=${this.locale} @asg-review=${this.onReview}></asg-report-form>`,
      )}
      ${this.step === 'confirm'
        ? html`<asg-report-confirm .draft=${this.draft} locale=${this.locale}
            @asg-back=${this.onBack} @asg-sent=${this.onSent} @asg-unauthenticated=${this.onExpired}
            @asg-report-exists=${this.onReportExists}></asg-report-confirm>`
        : nothing}
      ${this.step === 'receipt'
        ? html`<asg-report-receipt .receipt=${this.receipt} .draft=${this.draft} locale=${this.locale} @asg-done=${this.onDone}></asg-report-receipt>`
        : nothing}
      <asg-report-list ?hidden=${this.step === 'confirm'} .reports=${this.reports} ?loading=${this.reportsLoading} error=${this.reportsError}
        locale=${this.locale} @asg-reload=${this.loadReports} @asg-withdrawn=${this.onWithdrawn} @asg-unauthenticated=${this.onExpired}></asg-report-list>
    `
  }

  private async checkSession() {
    this.auth = 'checking'
    this.authError = ''
    try {
      const me = await currentUser()
      this.me = me
      if (!me) this.auth = 'anonymous'
      else if (me.kind !== 'guardian') this.auth = 'staff'
      else {
        this.auth = 'guardian'
        this.adoptLanguage(me)
        void this.loadAll()
      }
    } catch (err) {
      this.auth = 'error'
      this.authError = errorText(err, this.locale)
    }
  }

  private onLoggedIn(e: CustomEvent<Me>) {
    const me = e.detail
    const sameGuardian = this.expired && this.me?.kind === 'guardian' && me.kind === 'guardian' && this.me.id === me.id
    this.me = me
    this.expired = false
    this.notice = ''
    if (sameGuardian) {
      // Carry on where the guardian was; the confirm step can resend with the same key.
      this.stopLive()
      this.startLive()
      void this.loadReports()
      return
    }
    this.resetData()
    this.stopLive()
    if (me.kind !== 'guardian') {
      this.auth = 'staff'
    } else {
      this.auth = 'guardian'
      this.adoptLanguage(me)
      void this.loadAll()
    }
  }

  private resetData() {
    this.home = null
    this.homeError = ''
    this.reports = null
    this.reportsError = ''
    this.step = 'form'
    this.draft = null
    this.receipt = null
    this.formGeneration++
    this.safety = []
  }

  private async loadAll() {
    this.startLive()
    await Promise.all([this.loadHome(), this.loadReports(), this.loadSafety()])
  }

  /** Open confirmations first, so the one to answer is the first thing on the page. */
  private loadSafety = async () => {
    try {
      const res = await call(routes.guardianSafety.list)
      this.safety = [...res.confirmations].sort((a, b) => Number(b.open) - Number(a.open) || b.startedAt.localeCompare(a.startedAt))
    } catch (err) {
      // The reports still work without it; the next change or reconnect reads it again.
      this.isExpiry(err)
    }
  }

  private startLive() {
    this.live ??= new ReloadOnEvent(this, { events: ['family:changed', 'family:safety', 'family:school'], reload: this.onFamilyChanged, onEnded: this.onExpired })
  }

  private stopLive() {
    this.live?.stop()
    this.live = null
  }

  /** Something of the family changed at school: the list, the days already reported, and (through `familyChanges`) the notices and surveys. */
  private onFamilyChanged = () => {
    if (this.expired) return
    void this.loadReports()
    void this.refreshHome()
    void this.loadSafety()
    this.familyChanges++
  }

  private loadHome = async () => {
    this.homeError = ''
    this.home = null
    try {
      this.home = await call(routes.guardian.home)
    } catch (err) {
      if (this.isExpiry(err)) return
      this.homeError = errorText(err, this.locale)
    }
  }

  private loadReports = async () => {
    this.reportsLoading = true
    try {
      const res = await call(routes.guardian.reports)
      this.reports = res.reports
      this.reportsError = ''
    } catch (err) {
      if (this.isExpiry(err)) return
      this.reportsError = errorText(err, this.locale)
    } finally {
      this.reportsLoading = false
    }
  }

  /** A lapsed login while loading: ask to log in again, keeping the page. */
  private isExpiry(err: unknown): boolean {
    if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') {
      this.onExpired()
      return true
    }
    return false
  }

  private onExpired = () => {
    this.expired = true
    window.scrollTo({ top: 0 })
  }

  private onReview(e: CustomEvent<ReportDraft>) {
    this.notice = ''
    this.draft = e.detail
    this.step = 'confirm'
    window.scrollTo({ top: 0 })
    void this.focusIn('asg-report-confirm', '#confirm-heading')
  }

  /** The server knows of a report the page did not: refresh, and let the form ask its question. */
  private async onReportExists(e: CustomEvent<{ message: string }>) {
    await this.refreshHome()
    this.step = 'form'
    this.notice = e.detail.message
    window.scrollTo({ top: 0 })
  }

  /** Newer home data (the days that already have a report) without unmounting the form. */
  private async refreshHome() {
    try {
      this.home = await call(routes.guardian.home)
    } catch (err) {
      if (!this.isExpiry(err)) this.notice = errorText(err, this.locale)
    }
  }

  private onWithdrawn = () => {
    void this.loadReports()
    void this.refreshHome()
  }

  private onBack() {
    this.step = 'form'
    window.scrollTo({ top: 0 })
    void this.focusIn('asg-report-form', 'input')
  }

  /** Moves focus to the start of the next step, so keyboard and screen-reader users land there. */
  private async focusIn(element: string, selector: string) {
    await this.updateComplete
    const el = this.renderRoot.querySelector<LitElement>(element)
    await el?.updateComplete
    el?.renderRoot.querySelector<HTMLElement>(selector)?.focus()
  }

  private onSent(e: CustomEvent<SentDetail>) {
    this.receipt = e.detail.receipt
    this.draft = e.detail.draft
    this.step = 'receipt'
    window.scrollTo({ top: 0 })
    void this.focusIn('asg-report-receipt', '#receipt-heading')
    void this.loadReports()
    void this.refreshHome()
  }

  private async onDone(e: CustomEvent<DoneDetail>) {
    this.step = 'form'
    this.draft = null
    this.receipt = null
    this.formGeneration++
    if (e.detail.then === 'list') {
      await this.updateComplete
      this.scrollToList()
    } else {
      window.scrollTo({ top: 0 })
      void this.focusIn('asg-report-form', 'input')
    }
  }

  private scrollToList() {
    this.renderRoot.querySelector('asg-report-list')?.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth', block: 'start' })
  }

  private async logout() {
    this.loggingOut = true
    this.notice = ''
    const forget = () => {
      this.live = null
      this.me = null
      this.expired = false
      this.resetData()
      this.auth = 'anonymous'
    }
    await signOut(this.live, forget, (err) => (this.notice = errorText(err, this.locale)))
    this.loggingOut = false
  }

  private login() {
    const m = messages(this.locale)
    return html`<asg-login heading=${m.loginHeading} .labels=${{ loginId: m.loginId, password: m.loginPassword, submit: m.loginSubmit, busy: m.loggingIn }}
      .describeError=${(err: unknown) => errorText(err, this.locale)} @asg-logged-in=${this.onLoggedIn}></asg-login>`
  }

  private onLanguage(e: CustomEvent<Locale>) {
    void this.useLanguage(e.detail).then(() => {
      this.announcement = messages(this.locale).languageSaved
      return this.rememberLanguage()
    })
  }

  private async useLanguage(language: Locale) {
    await loadLanguage(language)
    this.locale = language
    storeLocale(language)
    this.applyLocale()
  }

  /** Saves the page's language on the account, so notices and e-mails come in it too. */
  private async rememberLanguage() {
    if (this.me?.kind !== 'guardian' || this.me.language === this.locale) return
    try {
      await call(routes.guardianSettings.setLanguage, { body: { language: this.locale } })
      this.me = { ...this.me, language: this.locale }
    } catch {
      // The page still shows the chosen language; the account keeps the old one until the next change.
    }
  }

  /** The account's language wins; an account without one takes the language the page offered. */
  private adoptLanguage(me: Me) {
    if (me.kind !== 'guardian') return
    if (me.language) void this.useLanguage(me.language)
    else void this.offered.then(() => this.rememberLanguage())
  }

  private applyLocale() {
    const m = messages(this.locale)
    document.documentElement.lang = m.htmlLang
    document.title = `${m.appTitle} — 朝顔`
    window.dispatchEvent(new CustomEvent<Locale>(LANGUAGE_EVENT, { detail: this.locale }))
  }
}

customElements.define('asg-guardian-app', AsgGuardianApp)
declare global {
  interface HTMLElementTagNameMap {
    'asg-guardian-app': AsgGuardianApp
  }
}
