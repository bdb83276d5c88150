import { LitElement, css, html, nothing } from 'lit'
import type { CreateCodeRequest, SchoolSettingsView } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import { call, errorText } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { panel } from './styles.js'
import { t } from './text.js'

/** What a new code means, in the words the register uses; the server stores the semantic columns. */
const MEANINGS: Record<string, { label: 'meaningAbsent' | 'meaningExcused' | 'meaningDeemed' | 'meaningPresent'; flags: Pick<CreateCodeRequest, 'onSite' | 'countsAbsent' | 'excused' | 'isLate' | 'isEarlyLeave'> }> = {
  absent: { label: 'meaningAbsent', flags: { onSite: false, countsAbsent: true, excused: false, isLate: false, isEarlyLeave: false } },
  excused: { label: 'meaningExcused', flags: { onSite: false, countsAbsent: false, excused: true, isLate: false, isEarlyLeave: false } },
  deemed: { label: 'meaningDeemed', flags: { onSite: false, countsAbsent: false, excused: false, isLate: false, isEarlyLeave: false } },
  present: { label: 'meaningPresent', flags: { onSite: true, countsAbsent: false, excused: false, isLate: false, isEarlyLeave: false } },
}

/**
 * Adds a school's own attendance code (e.g. 欠席(自然災害)).
 * @fires asg-codes-changed - detail: the settings view including the new code
 */
export class AsgAdminCodeForm extends LitElement {
  static override properties = { error: { state: true }, busy: { state: true } }
  declare error: string
  declare busy: boolean

  constructor() {
    super()
    this.error = ''
    this.busy = false
  }

  static override styles = [tokens, buttons, panel, css`.row { display: flex; flex-wrap: wrap; gap: 0.6em; align-items: center; }`]

  override render() {
    return html`<form @submit=${this.submit}>
      <h3>${t('addCodeHeading')}</h3>
      <div class="row">
        <label>${t('codeName')} <input name="label" required maxlength="30" placeholder=${t('codeNameExample')} /></label>
        <label>${t('codeShort')} <input name="shortLabel" required maxlength="2" size="3" placeholder=${t('codeShortExample')} /></label>
        <label>${t('codeSymbol')} <input name="code" required pattern="[a-z][a-z0-9_]{1,30}" placeholder="absent_weather" /></label>
        <label>${t('codeMeaning')} <select name="meaning">${Object.entries(MEANINGS).map(([k, m]) => html`<option value=${k}>${t(m.label)}</option>`)}</select></label>
        <label><input type="checkbox" name="guardianSelectable" /> ${t('guardianSelectable')}</label>
        <button type="submit" ?disabled=${this.busy}>${t('addCode')}</button>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </form>`
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const f = new FormData(form)
    const body: CreateCodeRequest = {
      code: String(f.get('code')), label: String(f.get('label')), shortLabel: String(f.get('shortLabel')),
      guardianSelectable: f.has('guardianSelectable'), ...MEANINGS[String(f.get('meaning'))]!.flags,
    }
    this.busy = true
    try {
      const view = await call(routes.admin.createCode, { body })
      this.error = ''
      form.reset()
      this.dispatchEvent(new CustomEvent<SchoolSettingsView>('asg-codes-changed', { detail: view, bubbles: true, composed: true }))
    } catch (err) {
      this.error = errorText(err)
    } finally {
      this.busy = false
    }
  }
}

customElements.define('asg-admin-code-form', AsgAdminCodeForm)
declare global {
  interface HTMLElementTagNameMap {
    'asg-admin-code-form': AsgAdminCodeForm
  }
}
