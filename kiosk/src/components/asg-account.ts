import { LitElement, css, html, nothing } from 'lit'
import type { SessionView } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import { call, errorText } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { panel } from '../admin/styles.js'

/**
 * The component's words and formats. Staff pages use the Japanese ones below; the guardian's
 * `/join/#account` passes its own language's (`messages(locale).account`).
 */
export interface AccountTexts {
  passwordHeading: string
  current: string
  next: string
  change: string
  sessionsHeading: string
  thisDevice: string
  endSession: string
  endOthers: string
  unknownDevice: string
  sessionTimes: (created: string, lastSeen: string) => string
  changed: (endedSessions: number) => string
  when: (iso: string) => string
  error: (err: unknown) => string
}

export const STAFF_ACCOUNT_TEXTS: AccountTexts = {
  passwordHeading: 'パスワードの変更',
  current: '現在のパスワード',
  next: '新しいパスワード(8文字以上)',
  change: '変更する',
  sessionsHeading: 'ログイン中の端末',
  thisDevice: '(この端末)',
  endSession: 'この端末をログアウトさせる',
  endOthers: 'この端末以外をすべてログアウト',
  unknownDevice: '不明な端末',
  sessionTimes: (created, lastSeen) => `ログイン ${created}・最終利用 ${lastSeen}`,
  changed: (n) => `パスワードを変更しました。ほかの端末 ${n}台はログアウトしました。`,
  when: (iso) => new Date(iso).toLocaleString('ja-JP', { month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit' }),
  error: errorText,
}

/** A readable name for a browser, from its user agent: 「iPhone・Safari」; '' when unknown. */
export function deviceLabel(ua: string): string {
  const os = /iPhone|iPad/.test(ua) ? (/iPad/.test(ua) ? 'iPad' : 'iPhone') : /Android/.test(ua) ? 'Android' : /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'Mac' : /CrOS/.test(ua) ? 'Chromebook' : /Linux/.test(ua) ? 'Linux' : ''
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrome\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : ''
  return [os, browser].filter(Boolean).join('・')
}

/** My account: change the password, see where I am logged in and end the other sessions. */
export class AsgAccount extends LitElement {
  static override properties = { texts: { attribute: false }, sessions: { state: true }, error: { state: true }, notice: { state: true } }
  declare texts: AccountTexts
  declare sessions: SessionView[]
  declare error: string
  declare notice: string

  constructor() {
    super()
    this.texts = STAFF_ACCOUNT_TEXTS
    this.sessions = []
    this.error = ''
    this.notice = ''
  }

  static override styles = [tokens, buttons, panel, css`
    ul.sessions { list-style: none; padding: 0; margin: 0; }
    ul.sessions li { border-bottom: 1px solid var(--asg-line); padding: 8px 0; }
    .now { color: var(--asg-ok); font-weight: 600; }
  `]

  override connectedCallback() {
    super.connectedCallback()
    void this.load()
  }

  private async load() {
    this.sessions = (await call(routes.account.sessions).catch((e) => ((this.error = this.texts.error(e)), { sessions: [] }))).sessions
  }

  override render() {
    const t = this.texts
    return html`
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
      <section>
        <h2>${t.passwordHeading}</h2>
        <form @submit=${this.change}>
          <label class="block" for="current">${t.current}</label><input id="current" name="current" type="password" autocomplete="current-password" required />
          <label class="block" for="next">${t.next}</label><input id="next" name="next" type="password" autocomplete="new-password" minlength="8" required />
          <div class="row"><button class="primary" type="submit">${t.change}</button></div>
        </form>
      </section>
      <section>
        <h2>${t.sessionsHeading}</h2>
        <ul class="sessions">
          ${this.sessions.map((s) => html`<li>
            <div><b>${deviceLabel(s.userAgent) || t.unknownDevice}</b>${s.current ? html` <span class="now">${t.thisDevice}</span>` : nothing}</div>
            <div class="muted">${t.sessionTimes(t.when(s.createdAt), t.when(s.lastSeenAt))}</div>
            ${s.current ? nothing : html`<button @click=${() => this.end(s.id)}>${t.endSession}</button>`}
          </li>`)}
        </ul>
        <div class="row"><button @click=${this.endOthers} ?disabled=${this.sessions.length < 2}>${t.endOthers}</button></div>
      </section>
    `
  }

  private async change(e: SubmitEvent) {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const f = new FormData(form)
    try {
      const r = await call(routes.account.changePassword, { body: { current: String(f.get('current') ?? ''), next: String(f.get('next') ?? '') } })
      this.notice = this.texts.changed(r.endedSessions)
      this.error = ''
      form.reset()
      await this.load()
    } catch (err) {
      this.error = this.texts.error(err)
    }
  }

  private async end(id: string) {
    await call(routes.account.endSession, { params: { id } }).catch((e) => (this.error = this.texts.error(e)))
    await this.load()
  }

  private async endOthers() {
    await call(routes.account.endOtherSessions).catch((e) => (this.error = this.texts.error(e)))
    await this.load()
  }
}

customElements.define('asg-account', AsgAccount)
declare global {
  interface HTMLElementTagNameMap {
    'asg-account': AsgAccount
  }
}
