import { LitElement, css, html } from 'lit'
import { errorText } from '../lib/api.js'
import './asg-login.js'
import { t } from './text.js'

/**
 * The login form of the staff pages, in the staff pages' language (the guardian page gives
 * `asg-login` its own words); `asg-logged-in` comes through from the form.
 */
export class AsgStaffLogin extends LitElement {
  static override properties = {
    heading: { type: String },
  }
  declare heading: string

  constructor() {
    super()
    this.heading = ''
  }

  static override styles = css`
    :host { display: contents; }
  `

  override render() {
    return html`<asg-login heading=${this.heading}
      .labels=${{ loginId: t('loginId'), password: t('loginPassword'), submit: t('loginSubmit'), busy: t('loggingIn') }}
      .describeError=${errorText}></asg-login>`
  }
}

customElements.define('asg-staff-login', AsgStaffLogin)
declare global {
  interface HTMLElementTagNameMap {
    'asg-staff-login': AsgStaffLogin
  }
}
