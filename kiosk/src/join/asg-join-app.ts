import { LitElement, css, html, nothing } from 'lit'
import type { CheckCodeResponse, Me } from '../../../shared/protocol/index.js'
import { ApiError, call, fromForm } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { currentUser } from '../lib/session.js'
import { buttons, tokens } from '../lib/styles.js'
import '../components/asg-account.js'
import './asg-password-reset.js'

type Step = 'code' | 'form' | 'done' | 'reset' | 'account'

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e))

/**
 * Registration from the letter, on a phone: the code (filled in from the QR link), the
 * child's name to check, then name and password. A logged-in guardian adds a child instead.
 */
export class AsgJoinApp extends LitElement {
  static override properties = {
    me: { state: true }, step: { state: true }, code: { state: true }, found: { state: true },
    added: { state: true }, error: { state: true }, fields: { state: true }, busy: { state: true },
  }
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
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; max-width: 480px; margin: 0 auto; padding: 16px 16px 48px; }
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
    if (this.code) await this.check()
  }

  override render() {
    return html`
      <h1>${this.step === 'account' ? 'アカウント' : this.step === 'reset' ? 'パスワードの再設定' : this.step === 'done' ? '登録が完了しました' : this.me?.kind === 'guardian' ? 'お子さまを追加' : '保護者の登録'}</h1>
      ${this.step === 'account' ? this.accountStep() : this.step === 'reset' ? html`<div class="card"><asg-password-reset></asg-password-reset></div><a href="/guardian/">ログイン画面へ</a>`
        : this.step === 'code' ? this.codeStep() : this.step === 'form' ? this.formStep() : this.doneStep()}
    `
  }

  private codeStep() {
    return html`<form class="card" @submit=${(e: Event) => (e.preventDefault(), this.check())}>
      <label for="code">学校からの用紙にある登録コード</label>
      <input id="code" class="code" autocomplete="off" autocapitalize="characters" .value=${this.code} @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)} placeholder="XXXX-XXXX-XXXX" />
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <button class="primary" type="submit" ?disabled=${this.busy || this.code.trim().length < 8}>次へ</button>
    </form>
    <p><a href="#reset" @click=${() => (this.step = 'reset')}>パスワードを忘れた方(学校から再設定コードを受け取った方)</a></p>`
  }

  private formStep() {
    const f = this.found!
    const guardian = this.me?.kind === 'guardian'
    return html`
      <div class="card" aria-label="お子さま">
        <div>${f.schoolName} ${f.classLabel}</div>
        <div class="child">${f.pupilName} さん</div>
        <div class="hint">お子さまの名前が違う場合は、登録せずに学校へお知らせください。</div>
      </div>
      ${guardian
        ? html`<div class="card"><p>${this.me!.name} さんのアカウントに、このお子さまを追加します。</p>
            ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
            <button class="primary" ?disabled=${this.busy} @click=${this.addChild}>追加する</button></div>`
        : html`<form class="card" @submit=${this.register} novalidate>
            <div class="names">
              <div><label for="familyName">姓</label><input id="familyName" name="familyName" autocomplete="family-name" required />${this.fieldError('familyName')}</div>
              <div><label for="givenName">名</label><input id="givenName" name="givenName" autocomplete="given-name" required />${this.fieldError('givenName')}</div>
            </div>
            <label for="loginId">ログインID <span class="hint">半角英数字4文字以上(メールアドレスでも可)</span></label>
            <input id="loginId" name="loginId" autocomplete="username" autocapitalize="none" required />${this.fieldError('loginId')}
            <label for="password">パスワード <span class="hint">8文字以上</span></label>
            <input id="password" name="password" type="password" autocomplete="new-password" required />${this.fieldError('password')}
            <label for="email">メールアドレス <span class="hint">任意</span></label>
            <input id="email" name="email" type="email" autocomplete="email" />${this.fieldError('email')}
            ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
            <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? '登録中…' : '登録する'}</button>
          </form>`}
    `
  }

  private doneStep() {
    return html`
      <div class="card" role="status">
        <p>次のお子さまの連絡ができるようになりました。</p>
        ${this.added.map((n) => html`<div class="child">${n} さん</div>`)}
      </div>
      <a class="button" href="/guardian/">欠席・遅刻・早退の連絡へ</a>
      <p><a href="#account" @click=${() => (this.step = 'account')}>パスワードの変更・ログイン中の端末</a></p>
      <form class="card" @submit=${(e: Event) => (e.preventDefault(), this.check())}>
        <label for="code">きょうだいを追加する(そのお子さまの用紙のコード)</label>
        <input id="code" class="code" autocomplete="off" .value=${this.code} @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)} placeholder="XXXX-XXXX-XXXX" />
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <button type="submit" ?disabled=${this.busy || this.code.trim().length < 8}>お子さまを追加</button>
      </form>
    `
  }

  /** Password change and sessions for whoever is logged in; adding a child is one tap away. */
  private accountStep() {
    if (!this.me) return html`<p>ログインしてください。</p><a class="button" href="/guardian/">ログイン画面へ</a>`
    return html`<asg-account></asg-account>
      <p><a href="/join/" @click=${() => (this.step = 'code')}>お子さまを追加する(登録コード)</a></p>
      <a class="button" href="/guardian/">連絡ページへ戻る</a>`
  }

  private fieldError(name: string) {
    return this.fields[name] ? html`<p class="field-error">${this.fields[name]}</p>` : nothing
  }

  private async run(fn: () => Promise<void>) {
    this.busy = true
    this.error = ''
    this.fields = {}
    try {
      await fn()
    } catch (e) {
      this.error = errorText(e)
      if (e instanceof ApiError) this.fields = e.fields
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
