import { LitElement, css, html } from 'lit'
import { errorText } from '../lib/api.js'
import { speaksEnglish } from '../lib/staffLanguage.js'
import { STAFF_ACCOUNT_TEXTS, type AccountTexts } from './asg-account.js'
import { t } from './text.js'

/**
 * The staff pages' words for `asg-account`, in the page's language. `asg-account` itself stays
 * free of the staff catalogue because the guardian's `/join/` page uses it with its own words.
 */
const texts: AccountTexts = {
  passwordHeading: t('accountPasswordHeading'),
  current: t('accountCurrent'),
  next: t('accountNext'),
  change: t('accountChange'),
  sessionsHeading: t('accountSessionsHeading'),
  thisDevice: t('accountThisDevice'),
  endSession: t('accountEndSession'),
  endOthers: t('accountEndOthers'),
  unknownDevice: t('accountUnknownDevice'),
  sessionTimes: (created, lastSeen) => t('accountSessionTimes', { created, lastSeen }),
  changed: (n) => t('accountChanged', { n }),
  when: speaksEnglish()
    ? (iso) => new Date(iso).toLocaleString('en', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })
    : STAFF_ACCOUNT_TEXTS.when,
  error: errorText,
}

/** My account (password, devices logged in) in the staff pages' language. */
export class AsgStaffAccount extends LitElement {
  static override styles = css`
    :host { display: contents; }
  `

  override render() {
    return html`<asg-account .texts=${texts}></asg-account>`
  }
}

customElements.define('asg-staff-account', AsgStaffAccount)
declare global {
  interface HTMLElementTagNameMap {
    'asg-staff-account': AsgStaffAccount
  }
}
