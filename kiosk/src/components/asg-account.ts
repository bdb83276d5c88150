import { LitElement, css, html, nothing } from 'lit'
import type { SessionView } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import { api, errorText } from '../admin/http.js'
import { panel } from '../admin/styles.js'

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
    td.ua { font-size: 0.8rem; word-break: break-all; }
    td.now, td.when { white-space: nowrap; }
  `]

  override connectedCallback() {
    super.connectedCallback()
    void this.load()
  }

  private async load() {
    this.sessions = (await api<{ sessions: SessionView[] }>('GET', '/api/account/sessions').catch((e) => ((this.error = errorText(e)), { sessions: [] }))).sessions
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
        <table><thead><tr><th>ブラウザ</th><th>ログイン</th><th>最終利用</th><th></th></tr></thead><tbody>
          ${this.sessions.map((s) => html`<tr><td class="ua">${s.userAgent.slice(0, 60) || '不明'}</td><td class="when">${when(s.createdAt)}</td><td class="when">${when(s.lastSeenAt)}</td>
            <td class="now">${s.current ? html`<b>この端末</b>` : html`<button @click=${() => this.end(s.id)}>ログアウトさせる</button>`}</td></tr>`)}
        </tbody></table>
        <div class="row"><button @click=${this.endOthers} ?disabled=${this.sessions.length < 2}>この端末以外をすべてログアウト</button></div>
      </section>
    `
  }

  private async change(e: SubmitEvent) {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const f = new FormData(form)
    try {
      const r = await api<{ endedSessions: number }>('POST', '/api/account/password', { current: f.get('current'), next: f.get('next') })
      this.notice = `パスワードを変更しました。ほかの端末 ${r.endedSessions}台はログアウトしました。`
      this.error = ''
      form.reset()
      await this.load()
    } catch (err) {
      this.error = errorText(err)
    }
  }

  private async end(id: string) {
    await api('POST', `/api/account/sessions/${id}/end`).catch((e) => (this.error = errorText(e)))
    await this.load()
  }

  private async endOthers() {
    await api('POST', '/api/account/sessions/end-others').catch((e) => (this.error = errorText(e)))
    await this.load()
  }
}

customElements.define('asg-account', AsgAccount)
declare global {
  interface HTMLElementTagNameMap {
    'asg-account': AsgAccount
  }
}
