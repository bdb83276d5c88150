import { LitElement, css, html } from 'lit'
import type { Me } from '../../../shared/protocol/index.js'
import { ApiError, call, errorText } from '../lib/api.js'
import { followAccountLanguage } from '../lib/staffLanguage.js'
import { routes } from '../../../shared/protocol/routes.js'
import { buttons, tokens } from '../lib/styles.js'

export interface LoginLabels {
  loginId: string
  password: string
  submit: string
  busy: string
}

const JAPANESE_LABELS: LoginLabels = { loginId: 'ログインID', password: 'パスワード', submit: 'ログイン', busy: 'ログイン中…' }

/**
 * Login form for staff and guardians.
 * @fires asg-logged-in - detail: Me, after a successful login
 */
export class AsgLogin extends LitElement {
  static override properties = {
    heading: { type: String },
    labels: { attribute: false },
    describeError: { attribute: false },
    error: { state: true },
    busy: { state: true },
  }
  declare heading: string
  /** The form's words; Japanese unless the page gives its own (the guardian page's language). */
  declare labels: LoginLabels
  /** A failure in the page's language; the server's Japanese message unless given. */
  declare describeError: (err: unknown) => string
  declare error: string
  declare busy: boolean

  constructor() {
    super()
    this.heading = 'ログイン'
    this.labels = JAPANESE_LABELS
    this.describeError = (err) => (err instanceof ApiError ? errorText(err) : String(err))
    this.error = ''
    this.busy = false
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; max-width: 420px; margin: 10vh auto; padding: 0 16px; }
      h1 { font-size: 1.4rem; margin: 0 0 1.5rem; }
      label { display: block; margin: 1rem 0 0.3rem; font-weight: 600; }
      input { font: inherit; font-size: 1.1rem; width: 100%; box-sizing: border-box; padding: 0.7em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); }
      button { width: 100%; margin-top: 1.5rem; font-size: 1.1rem; }
      .error { color: var(--asg-absent); margin-top: 1rem; }
    `,
  ]

  override render() {
    return html`
      <h1>${this.heading}</h1>
      <form @submit=${this.submit} novalidate>
        <label for="login">${this.labels.loginId}</label>
        <input id="login" name="loginId" autocomplete="username" autocapitalize="none" required />
        <label for="password">${this.labels.password}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? this.labels.busy : this.labels.submit}</button>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      </form>
    `
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault()
    const form = new FormData(e.target as HTMLFormElement)
    this.busy = true
    this.error = ''
    try {
      const res = await call(routes.session.login, { body: { loginId: String(form.get('loginId') ?? ''), password: String(form.get('password') ?? '') } })
      // A staff account that chose another language than this device shows reloads in it.
      if (followAccountLanguage(res.me)) this.dispatchEvent(new CustomEvent<Me>('asg-logged-in', { detail: res.me, bubbles: true, composed: true }))
    } catch (err) {
      this.error = this.describeError(err)
    } finally {
      this.busy = false
    }
  }
}

customElements.define('asg-login', AsgLogin)
declare global {
  interface HTMLElementTagNameMap {
    'asg-login': AsgLogin
  }
}
