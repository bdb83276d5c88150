import { LitElement, css, html } from 'lit'
import { GUARDIAN_LANGUAGES, GuardianLanguage, LANGUAGE_INFO } from '../../../shared/i18n/languages.js'
import { tokens } from '../lib/styles.js'
import { messages, type Locale } from './messages.js'

/**
 * The language choice of the guardian pages: each language named in itself.
 * @fires asg-language - detail: the chosen language
 */
export class AsgLanguagePicker extends LitElement {
  static override properties = { locale: { type: String } }
  declare locale: Locale

  constructor() {
    super()
    this.locale = 'ja'
  }

  static override styles = [
    tokens,
    css`
      :host { display: inline-block; }
      label { display: flex; align-items: center; gap: 6px; font-size: 0.9rem; }
      select {
        font: inherit;
        min-height: 44px;
        max-width: 11em;
        border: 1px solid var(--asg-line);
        border-radius: 8px;
        background: var(--asg-surface);
        color: var(--asg-ink);
        padding: 0 0.4em;
      }
      select:focus-visible { outline: 3px solid var(--asg-accent); outline-offset: 2px; }
    `,
  ]

  override render() {
    return html`<label>
      <span>${messages(this.locale).languageLabel}</span>
      <select @change=${this.onChange}>
        ${GUARDIAN_LANGUAGES.map((l) => html`<option value=${l} lang=${LANGUAGE_INFO[l].htmlLang} ?selected=${l === this.locale}>${LANGUAGE_INFO[l].nativeName}</option>`)}
      </select>
    </label>`
  }

  private onChange(e: Event) {
    const chosen = GuardianLanguage.safeParse((e.target as HTMLSelectElement).value)
    if (chosen.success) this.dispatchEvent(new CustomEvent<Locale>('asg-language', { detail: chosen.data, bubbles: true, composed: true }))
  }
}

customElements.define('asg-language-picker', AsgLanguagePicker)
declare global {
  interface HTMLElementTagNameMap {
    'asg-language-picker': AsgLanguagePicker
  }
}
