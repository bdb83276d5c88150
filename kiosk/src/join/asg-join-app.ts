import { LitElement, css, html, nothing } from 'lit'
import type { CheckCodeResponse, Me } from '../../../shared/protocol/index.js'
import { ApiError, call, fromForm } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { currentUser } from '../lib/session.js'
import { buttons, tokens } from '../lib/styles.js'
import '../components/asg-account.js'
import '../guardian/asg-push-settings.js'
import './asg-password-reset.js'
import '../guardian/asg-language-picker.js'
import { errorText, fieldErrors, loadLanguage, messages, storedLocale, storeLocale, type Locale } from '../guardian/messages.js'

type Step = 'code' | 'form' | 'done' | 'reset' | 'account'

/**
 * Registration from the letter, on a phone: the code (filled in from the QR link), the
 * child's name to check, then name and password. A logged-in guardian adds a child instead.
 */
export class AsgJoinApp extends LitElement {
  static override properties = {
    me: { state: true }, step: { state: true }, code: { state: true }, found: { state: true },
    added: { state: true }, error: { state: true }, fields: { state: true }, busy: { state: true }, locale: { state: true },
  }
  /** The guardian pages' language: this device's choice or the browser's, then the account's once logged in. */
  declare locale: Locale
  declare me: Me | null
  declare step: Step
  declare code: string
  declare found: CheckCodeResponse | null
  /** Children registered in this visit, shown on the done screen. */
  declare added: string[]
  declare error: string
  declare fields: Record<string, string>
  declare busy: boolean

  constructor() {
    super()
    this.me = null
    this.step = location.hash === '#reset' ? 'reset' : location.hash === '#account' ? 'account' : 'code'
    this.code = new URLSearchParams(location.search).get('code') ?? ''
    this.found = null
    this.added = []
    this.error = ''
    this.fields = {}
    this.busy = false
    this.locale = 'ja'
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; max-width: 480px; margin: 0 auto; padding: 16px 16px 48px; }
      .bar { display: flex; justify-content: flex-end; }
      h1 { font-size: 1.3rem; margin: 8px 0 16px; }
      .card { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 16px; margin: 12px 0; }
      .child { font-size: 1.3rem; font-weight: 700; margin: 4px 0; }
      label { display: block; margin: 14px 0 4px; font-weight: 600; }
      .hint { font-weight: 400; color: var(--asg-ink-soft); font-size: 0.85rem; }
      input { font: inherit; font-size: 1.1rem; width: 100%; box-sizing: border-box; padding: 0.65em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); }
      input.code { font-family: ui-monospace, monospace; letter-spacing: 0.1em; text-transform: uppercase; }
      button { width: 100%; margin-top: 16px; font-size: 1.1rem; }
      .names { display: flex; gap: 8px; } .names > div { flex: 1; }
      .error { color: var(--asg-absent); }
      .field-error { color: var(--asg-absent); font-size: 0.9rem; margin: 4px 0 0; }
      a.button { display: block; text-align: center; background: var(--asg-accent); color: #fff; padding: 0.8em; border-radius: var(--asg-radius); text-decoration: none; font-weight: 700; margin-top: 16px; }
    `,
  ]

  override async connectedCallback() {
    super.connectedCallback()
    this.me = await currentUser().catch(() => null)
    await this.useLanguage(this.me?.kind === 'guardian' && this.me.language ? this.me.language : storedLocale())
    if (this.code) await this.check()
  }

  override render() {
    const m = messages(this.locale)
    return html`
      <div class="bar"><asg-language-picker locale=${this.locale} @asg-language=${this.onLanguage}></asg-language-picker></div>
      <h1>${this.step === 'account' ? m.joinAccountHeading : this.step === 'reset' ? m.joinResetHeading : this.step === 'done' ? m.joinDoneHeading : this.me?.kind === 'guardian' ? m.joinAddHeading : m.joinRegisterHeading}</h1>
      ${this.step === 'account' ? this.accountStep() : this.step === 'reset' ? html`<div class="card"><asg-password-reset locale=${this.locale}></asg-password-reset></div><a href="/guardian/">${m.joinToLogin}</a>`
        : this.step === 'code' ? this.codeStep() : this.step === 'form' ? this.formStep() : this.doneStep()}
    `
  }

  private codeStep() {
    const m = messages(this.locale)
    return html`<form class="card" @submit=${(e: Event) => (e.preventDefault(), this.check())}>
      <label for="code">${m.joinCodeLabel}</label>
      <input id="code" class="code" autocomplete="off" autocapitalize="characters" .value=${this.code} @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)} placeholder="XXXX-XXXX-XXXX" />
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <button class="primary" type="submit" ?disabled=${this.busy || this.code.trim().length < 8}>${m.joinNext}</button>
    </form>
    <p><a href="#reset" @click=${() => (this.step = 'reset')}>${m.joinForgot}</a></p>`
  }

  private formStep() {
    const f = this.found!
    const guardian = this.me?.kind === 'guardian'
    const m = messages(this.locale)
    return html`
      <div class="card" role="group" aria-label=${m.joinChildCard}>
        <div>${f.schoolName} ${f.classLabel}</div>
        <div class="child" lang="ja">${m.joinChildName(f.pupilName)}</div>
        <div class="hint">${m.joinWrongChild}</div>
      </div>
      ${guardian
        ? html`<div class="card"><p>${m.joinAddToAccount(this.me!.name)}</p>
            ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
            <button class="primary" ?disabled=${this.busy} @click=${this.addChild}>${m.joinAdd}</button></div>`
        : html`<form class="card" @submit=${this.register} novalidate>
            <div class="names">
              <div><label for="familyName">${m.joinFamilyName}</label><input id="familyName" name="familyName" autocomplete="family-name" required />${this.fieldError('familyName')}</div>
              <div><label for="givenName">${m.joinGivenName}</label><input id="givenName" name="givenName" autocomplete="given-name" required />${this.fieldError('givenName')}</div>
            </div>
            <label for="loginId">${m.joinLoginId} <span class="hint">${m.joinLoginIdHint}</span></label>
            <input id="loginId" name="loginId" autocomplete="username" autocapitalize="none" required />${this.fieldError('loginId')}
            <label for="password">${m.joinPassword} <span class="hint">${m.joinPasswordHint}</span></label>
            <input id="password" name="password" type="password" autocomplete="new-password" required />${this.fieldError('password')}
            <label for="email">${m.joinEmail} <span class="hint">${m.joinEmailHint}</span></label>
            <input id="email" name="email" type="email" autocomplete="email" />${this.fieldError('email')}
            ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
            <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? m.joinRegistering : m.joinRegister}</button>
          </form>`}
    `
  }

  private doneStep() {
    const m = messages(this.locale)
    return html`
      <div class="card" role="status">
        <p>${m.joinDoneText}</p>
        ${this.added.map((n) => html`<div class="child" lang="ja">${m.joinChildName(n)}</div>`)}
      </div>
      <a class="button" href="/guardian/">${m.joinToReports}</a>
      <p><a href="#account" @click=${() => (this.step = 'account')}>${m.joinAccountLink}</a></p>
      <form class="card" @submit=${(e: Event) => (e.preventDefault(), this.check())}>
        <label for="code">${m.joinSiblingLabel}</label>
        <input id="code" class="code" autocomplete="off" .value=${this.code} @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)} placeholder="XXXX-XXXX-XXXX" />
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <button type="submit" ?disabled=${this.busy || this.code.trim().length < 8}>${m.joinAddChild}</button>
      </form>
    `
  }

  /** Password change and sessions for whoever is logged in; adding a child is one tap away. */
  private accountStep() {
    const m = messages(this.locale)
    if (!this.me) return html`<p>${m.joinPleaseLogin}</p><a class="button" href="/guardian/">${m.joinToLogin}</a>`
    return html`${this.me.kind === 'guardian' ? html`<asg-push-settings .texts=${m.push}></asg-push-settings>` : nothing}
      <asg-account .texts=${m.account}></asg-account>
      <p><a href="/join/" @click=${() => (this.step = 'code')}>${m.joinAddByCode}</a></p>
      <a class="button" href="/guardian/">${m.joinBackToReports}</a>`
  }

  private fieldError(name: string) {
    return this.fields[name] ? html`<p class="field-error" id="${name}-error">${this.fields[name]}</p>` : nothing
  }

  private async onLanguage(e: CustomEvent<Locale>) {
    await this.useLanguage(e.detail)
    if (this.me?.kind === 'guardian') void call(routes.guardianSettings.setLanguage, { body: { language: e.detail } }).catch(() => undefined)
  }

  private async useLanguage(language: Locale) {
    await loadLanguage(language)
    this.locale = language
    storeLocale(language)
    document.documentElement.lang = messages(language).htmlLang
  }

  private async run(fn: () => Promise<void>) {
    this.busy = true
    this.error = ''
    this.fields = {}
    try {
      await fn()
    } catch (e) {
      this.error = errorText(e, this.locale)
      if (e instanceof ApiError) this.fields = fieldErrors(e, this.locale)
    } finally {
      this.busy = false
    }
  }

  private check() {
    return this.run(async () => {
      this.found = await call(routes.registration.check, { body: { code: this.code } })
      this.step = 'form'
    })
  }

  private register(e: SubmitEvent) {
    e.preventDefault()
    const f = new FormData(e.target as HTMLFormElement)
    return this.run(async () => {
      const body = fromForm(routes.registration.register.body, {
        code: this.code, familyName: f.get('familyName'), givenName: f.get('givenName'), loginId: f.get('loginId'), password: f.get('password'), email: f.get('email') ?? '',
      })
      await call(routes.registration.register, { body })
      this.me = await currentUser()
      this.done(this.found!.pupilName)
    })
  }

  private addChild() {
    return this.run(async () => {
      const r = await call(routes.registration.addChild, { body: { code: this.code } })
      this.done(r.pupilName)
    })
  }

  private done(name: string) {
    this.added = [...this.added, name]
    this.code = ''
    this.found = null
    this.step = 'done'
    history.replaceState(null, '', location.pathname)
  }
}

customElements.define('asg-join-app', AsgJoinApp)
declare global {
  interface HTMLElementTagNameMap {
    'asg-join-app': AsgJoinApp
  }
}
