import { LitElement, css, html, nothing } from 'lit'
import { errorText } from '../lib/api.js'
import { chooseStaffLanguage, staffLanguage } from '../lib/staffLanguage.js'
import { t } from './text.js'

/**
 * The switch between the staff pages' two languages, for a logged-in person: the choice is saved
 * on their account (every device follows) and the page reloads in it. Named in the language it
 * switches to, as language pickers are.
 */
export class AsgLanguageSwitch extends LitElement {
  static override properties = {
    failure: { state: true },
  }
  declare failure: string

  constructor() {
    super()
    this.failure = ''
  }

  static override styles = css`
    :host { display: inline-flex; flex-direction: column; align-items: flex-end; gap: 4px; }
    button { font: inherit; color: inherit; min-height: 44px; padding: 0 1em; border: 1px solid currentColor; border-radius: 8px;
      background: transparent; cursor: pointer; white-space: nowrap; }
    button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
    .failure { color: #b3261e; background: #fff; padding: 2px 6px; border-radius: 4px; margin: 0; }
  `

  override render() {
    const other = staffLanguage() === 'ja' ? 'en' : 'ja'
    return html`
      <button type="button" lang=${other} aria-label=${t('languageSwitchLabel')} @click=${() => this.switchTo(other)}>${t('languageSwitch')}</button>
      ${this.failure ? html`<p class="failure" role="alert">${this.failure}</p>` : nothing}
    `
  }

  private async switchTo(language: 'ja' | 'en') {
    this.failure = ''
    try {
      await chooseStaffLanguage(language, true)
    } catch (err) {
      this.failure = `${t('languageFailed')} ${errorText(err)}`
    }
  }
}

customElements.define('asg-language-switch', AsgLanguageSwitch)
declare global {
  interface HTMLElementTagNameMap {
    'asg-language-switch': AsgLanguageSwitch
  }
}
