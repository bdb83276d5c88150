import { LitElement, css, html } from 'lit'
import { buttons, tokens } from '../lib/styles.js'
import { t } from './text.js'

/**
 * Shown when this display is not (or no longer) paired. An administrator creates a board
 * device and gets a code; typing it here pairs the display.
 * @fires asg-pair - detail: the typed code
 */
export class AsgBoardUnpaired extends LitElement {
  static override properties = { error: { type: String }, busy: { type: Boolean } }
  declare error: string
  declare busy: boolean

  constructor() {
    super()
    this.error = ''
    this.busy = false
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: grid; place-items: center; height: 100vh; background: #2b2f36; color: #fff; text-align: center; }
      h1 { font-size: 3rem; margin: 0 0 1rem; }
      p { font-size: 1.4rem; color: #d0d4da; }
      input { font: inherit; font-size: 2rem; letter-spacing: 0.1em; text-align: center; width: 12em; padding: 0.3em; border-radius: 8px; border: 0; }
      button { font-size: 1.4rem; margin-left: 0.5em; }
      .error { color: #ffb4a8; }
    `,
  ]

  override render() {
    return html`<div>
      <h1>${t('unpairedHeading')}</h1>
      <p>${t('unpairedHelp')}</p>
      <form @submit=${this.submit}>
        <input name="code" aria-label=${t('pairingCode')} placeholder="XXXX-XXXX-XXXX" autocomplete="off" />
        <button class="primary" ?disabled=${this.busy}>${t('pair')}</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
    </div>`
  }

  private submit(e: SubmitEvent) {
    e.preventDefault()
    const code = String(new FormData(e.target as HTMLFormElement).get('code') ?? '').trim()
    if (code) this.dispatchEvent(new CustomEvent<string>('asg-pair', { detail: code, bubbles: true, composed: true }))
  }
}

customElements.define('asg-board-unpaired', AsgBoardUnpaired)
declare global {
  interface HTMLElementTagNameMap {
    'asg-board-unpaired': AsgBoardUnpaired
  }
}
