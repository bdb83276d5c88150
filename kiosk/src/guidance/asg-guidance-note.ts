import { LitElement, css, html, nothing } from 'lit'
import { LongAbsenceReason, type GuidancePupil } from '../../../shared/protocol/index.js'
import { ApiError, call, fromForm, errorText } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { buttons, tokens } from '../lib/styles.js'
import { REASON } from './reasons.js'
import { t } from './text.js'

/**
 * Edits a pupil's guidance memo, the long-absence reason category and the 'reported to the
 * board of education' mark.
 * @fires asg-saved - after a successful save
 * @fires asg-close - the editor is closed
 */
export class AsgGuidanceNote extends LitElement {
  static override properties = { pupil: { attribute: false }, error: { state: true }, busy: { state: true } }
  declare pupil: GuidancePupil | null
  declare error: string
  declare busy: boolean

  constructor() {
    super()
    this.pupil = null
    this.error = ''
    this.busy = false
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { position: fixed; inset: 0; background: rgb(0 0 0 / 0.35); display: grid; place-items: center; z-index: 20; }
      form { background: var(--asg-surface); border-radius: var(--asg-radius); padding: 1rem 1.2rem; width: min(94vw, 34rem); display: grid; gap: 0.7rem; }
      h3 { margin: 0; font-size: 1.1rem; }
      textarea, select { font: inherit; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 0.5em; }
      textarea { min-height: 7rem; }
      .row { display: flex; gap: 0.6rem; justify-content: flex-end; }
      .error { color: var(--asg-absent); }
      label.check { display: flex; align-items: center; gap: 0.5rem; }
      input[type='checkbox'] { width: 1.3rem; height: 1.3rem; }
    `,
  ]

  override render() {
    const p = this.pupil
    if (!p) return nothing
    return html`<form @submit=${this.onSubmit} role="dialog" aria-modal="true" aria-label=${t('notesLabel')}>
      <h3><span lang="ja">${p.classLabel}</span> ${t('notesHeading', { number: p.attendanceNumber, name: p.name, n: p.cumulative })}</h3>
      <label>${t('memo')}<br /><textarea name="memo" maxlength="2000" .value=${p.memo}></textarea></label>
      <label>${t('longAbsenceReason')}
        <select name="reason">
          <option value="" ?selected=${!p.longAbsenceReason}>${t('notChosen')}</option>
          ${LongAbsenceReason.options.map((r) => html`<option value=${r} ?selected=${p.longAbsenceReason === r}>${t(REASON[r])}</option>`)}
        </select>
      </label>
      <label class="check"><input type="checkbox" name="reported" ?checked=${!!p.reportedToBoardAt} /> ${t('reportedToBoard')}</label>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="row">
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('asg-close', { bubbles: true, composed: true }))}>${t('close')}</button>
        <button class="primary" ?disabled=${this.busy}>${t('save')}</button>
      </div>
    </form>`
  }

  private async onSubmit(e: SubmitEvent) {
    e.preventDefault()
    const f = new FormData(e.target as HTMLFormElement)
    const reason = String(f.get('reason') ?? '')
    this.busy = true
    this.error = ''
    try {
      const body = fromForm(routes.guidance.saveNote.body, { memo: String(f.get('memo') ?? ''), longAbsenceReason: reason || null, reportedToBoard: f.get('reported') === 'on' })
      await call(routes.guidance.saveNote, { params: { pupilId: this.pupil!.pupilId }, body })
      this.dispatchEvent(new CustomEvent('asg-saved', { bubbles: true, composed: true }))
    } catch (err) {
      this.error = err instanceof ApiError ? errorText(err) : t('saveFailed')
    } finally {
      this.busy = false
    }
  }
}

customElements.define('asg-guidance-note', AsgGuidanceNote)
declare global {
  interface HTMLElementTagNameMap {
    'asg-guidance-note': AsgGuidanceNote
  }
}
