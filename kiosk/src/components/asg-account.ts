import { LitElement, css, html, nothing } from 'lit'
import type { SessionView } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import { call, errorText } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { panel } from '../admin/styles.js'

/** A readable name for a browser, from its user agent: 「iPhone・Safari」. */
function deviceLabel(ua: string): string {
  const os = /iPhone|iPad/.test(ua) ? (/iPad/.test(ua) ? 'iPad' : 'iPhone') : /Android/.test(ua) ? 'Android' : /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'Mac' : /CrOS/.test(ua) ? 'Chromebook' : /Linux/.test(ua) ? 'Linux' : ''
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrome\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : ''
  return [os, browser].filter(Boolean).join('・') || '不明な端末'
}

/** My account: change the password, see where I am logged in and end the other sessions. */
export class AsgAccount extends LitElement {
  static override properties = { sessions: { state: true }, error: { state: true }, notice: { state: true } }
  declare sessions: SessionView[]
  declare error: string
  declare notice: string

  constructor() {
    super()
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
    this.sessions = (await call(routes.account.sessions).catch((e) => ((this.error = errorText(e)), { sessions: [] }))).sessions
  }

  override render() {
    const when = (iso: string) => new Date(iso).toLocaleString('ja-JP', { month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit' })
    return html`
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
      <section>
        <h2>パスワードの変更</h2>
        <form @submit=${this.change}>
          <label class="block">現在のパスワード</label><input name="current" type="password" autocomplete="current-password" required />
          <label class="block">新しいパスワード(8文字以上)</label><input name="next" type="password" autocomplete="new-password" minlength="8" required />
          <div class="row"><button class="primary" type="submit">変更する</button></div>
        </form>
      </section>
      <section>
        <h2>ログイン中の端末</h2>
        <ul class="sessions">
          ${this.sessions.map((s) => html`<li>
            <div><b>${deviceLabel(s.userAgent)}</b>${s.current ? html` <span class="now">(この端末)</span>` : nothing}</div>
            <div class="muted">ログイン ${when(s.createdAt)}・最終利用 ${when(s.lastSeenAt)}</div>
            ${s.current ? nothing : html`<button @click=${() => this.end(s.id)}>この端末をログアウトさせる</button>`}
          </li>`)}
        </ul>
        <div class="row"><button @click=${this.endOthers} ?disabled=${this.sessions.length < 2}>この端末以外をすべてログアウト</button></div>
      </section>
    `
  }

  private async change(e: SubmitEvent) {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const f = new FormData(form)
    try {
      const r = await call(routes.account.changePassword, { body: { current: String(f.get('current') ?? ''), next: String(f.get('next') ?? '') } })
      this.notice = `パスワードを変更しました。ほかの端末 ${r.endedSessions}台はログアウトしました。`
      this.error = ''
      form.reset()
      await this.load()
    } catch (err) {
      this.error = errorText(err)
    }
  }

  private async end(id: string) {
    await call(routes.account.endSession, { params: { id } }).catch((e) => (this.error = errorText(e)))
    await this.load()
  }

  private async endOthers() {
    await call(routes.account.endOtherSessions).catch((e) => (this.error = errorText(e)))
    await this.load()
  }
}

customElements.define('asg-account', AsgAccount)
declare global {
  interface HTMLElementTagNameMap {
    'asg-account': AsgAccount
  }
}
