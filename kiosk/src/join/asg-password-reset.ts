import { LitElement, css, html, nothing } from 'lit'
import { call } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { buttons, tokens } from '../lib/styles.js'
import { errorText, messages, type Locale } from '../guardian/messages.js'

/**
 * A new password with the one-time reset code the school handed over (works with no e-mail).
 * @fires asg-password-reset - after the password was set
 */
export class AsgPasswordReset extends LitElement {
  static override properties = { locale: { type: String }, error: { state: true }, done: { state: true }, busy: { state: true } }
  declare locale: Locale
  declare error: string
  declare done: boolean
  declare busy: boolean

  constructor() {
    super()
    this.locale = 'ja'
    this.error = ''
    this.done = false
    this.busy = false
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; }
      label { display: block; margin: 14px 0 4px; font-weight: 600; }
      input { font: inherit; font-size: 1.1rem; width: 100%; box-sizing: border-box; padding: 0.65em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); }
      button { width: 100%; margin-top: 16px; font-size: 1.1rem; }
      .error { color: var(--asg-absent); }
    `,
  ]

  override render() {
    const m = messages(this.locale)
    if (this.done) return html`<p role="status">${m.resetDone}</p>`
    return html`<form @submit=${this.submit}>
      <label for="r-login">${m.resetLoginId}</label><input id="r-login" name="loginId" autocomplete="username" autocapitalize="none" required />
      <label for="r-code">${m.resetCode}</label><input id="r-code" name="code" autocomplete="off" required />
      <label for="r-password">${m.resetPassword}</label><input id="r-password" name="password" type="password" autocomplete="new-password" required />
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <button class="primary" type="submit" ?disabled=${this.busy}>${m.resetSubmit}</button>
    </form>`
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault()
    const f = new FormData(e.target as HTMLFormElement)
    this.busy = true
    this.error = ''
    try {
      await call(routes.account.resetPassword, { body: { loginId: String(f.get('loginId') ?? ''), code: String(f.get('code') ?? ''), password: String(f.get('password') ?? '') } })
      this.done = true
      this.dispatchEvent(new CustomEvent('asg-password-reset', { bubbles: true, composed: true }))
    } catch (err) {
      this.error = errorText(err, this.locale)
    } finally {
      this.busy = false
    }
  }
}

customElements.define('asg-password-reset', AsgPasswordReset)
declare global {
  interface HTMLElementTagNameMap {
    'asg-password-reset': AsgPasswordReset
  }
}
