import { LitElement, css, html, nothing } from 'lit'
import type { MarkHistoryRow, RegisterCode } from '../../../shared/protocol/index.js'
import { ApiError, call, errorText } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { buttons, tokens } from '../lib/styles.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import { dayText } from '../lib/staffLanguage.js'
import { t } from './text.js'

const SOURCE: Record<string, Parameters<typeof t>[0]> = { guardian: 'sourceGuardian', phone: 'sourcePhone', teacher: 'sourceTeacher', office: 'sourceOffice', system: 'sourceSystem' }

/**
 * The history of one pupil-day (every log row: what, who, when, why) and the correction form.
 * A correction is a new row with a required reason; nothing is overwritten.
 * @fires asg-close - the dialog is closed
 * @fires asg-corrected - a correction was saved
 */
export class AsgMarkHistory extends LitElement {
  static override properties = {
    target: { attribute: false },
    codes: { attribute: false },
    rows: { state: true },
    error: { state: true },
    busy: { state: true },
  }
  declare target: { pupilId: number; name: string; date: string } | null
  declare codes: RegisterCode[]
  declare rows: MarkHistoryRow[] | null
  declare error: string
  declare busy: boolean

  constructor() {
    super()
    this.target = null
    this.codes = []
    this.rows = null
    this.error = ''
    this.busy = false
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { position: fixed; inset: 0; background: rgb(0 0 0 / 0.35); display: grid; place-items: center; z-index: 20; }
      .box { background: var(--asg-surface); border-radius: var(--asg-radius); padding: 1rem 1.2rem; width: min(94vw, 40rem); max-height: 90vh; overflow: auto; }
      h3 { margin: 0 0 0.6rem; font-size: 1.1rem; }
      table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
      th, td { border-bottom: 1px solid var(--asg-line); padding: 0.35rem; text-align: left; vertical-align: top; }
      tr.current td { font-weight: 700; }
      form { display: grid; gap: 0.5rem; margin-top: 1rem; }
      select, input { font: inherit; min-height: 44px; padding: 0 0.6em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); }
      .row { display: flex; gap: 0.6rem; justify-content: flex-end; }
      .error { color: var(--asg-absent); }
      .empty { color: var(--asg-ink-soft); }
    `,
  ]

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  private async load() {
    if (!this.target) return
    try {
      this.rows = (await call(routes.register.history, { query: { pupilId: this.target.pupilId, date: this.target.date } })).rows
    } catch (err) {
      this.error = err instanceof ApiError ? errorText(err) : t('loadFailed')
    }
  }

  override render() {
    const target = this.target
    if (!target) return nothing
    return html`<div class="box" role="dialog" aria-modal="true" aria-label=${t('historyLabel')}>
      <h3>${t('historyHeading', { name: target.name, day: dayText(target.date) })}</h3>
      ${this.rows === null ? html`<p>${t('loading')}</p>` : this.rows.length === 0 ? html`<p class="empty">${t('noMarks')}</p>` : html`<table>
        <thead><tr><th>${t('columnMark')}</th><th>${t('columnSource')}</th><th>${t('columnWhen')}</th><th>${t('columnNote')}</th></tr></thead>
        <tbody>${this.rows.map((r, i) => html`<tr class=${i === 0 ? 'current' : ''}>
          <td>${r.codeLabel ?? t('cancelled')}${r.suggestedLabel && r.suggestedLabel !== r.codeLabel ? html`<br /><small>${t('suggested', { label: r.suggestedLabel })}</small>` : nothing}</td>
          <td>${SOURCE[r.source] ? t(SOURCE[r.source]!) : r.source}${r.actor ? html`<br />${r.actor}` : nothing}</td>
          <td>${new Date(r.recordedAt).toLocaleString('ja-JP', { timeZone: SCHOOL_ZONE, month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit' })}</td>
          <td>${r.note}</td></tr>`)}</tbody></table>`}
      <form @submit=${this.onSubmit}>
        <label>${t('correctedMark')} <select name="code">
          <option value="">${t('noMarkPresent')}</option>
          ${this.codes.map((c) => html`<option value=${c.id}>${c.label}</option>`)}
        </select></label>
        <label>${t('correctionReason')} <input name="note" maxlength="200" required /></label>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="row">
          <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('asg-close', { bubbles: true, composed: true }))}>${t('close')}</button>
          <button class="primary" ?disabled=${this.busy}>${t('saveCorrection')}</button>
        </div>
      </form>
    </div>`
  }

  private async onSubmit(e: SubmitEvent) {
    e.preventDefault()
    // Taken now: after dispatch, an event from inside a shadow root no longer has a target.
    const formEl = e.target as HTMLFormElement
    const form = new FormData(formEl)
    const code = String(form.get('code') ?? '')
    this.busy = true
    this.error = ''
    try {
      await call(routes.register.correctMark, { body: { pupilId: this.target!.pupilId, date: this.target!.date, codeId: code ? Number(code) : null, note: String(form.get('note') ?? '') } })
      formEl.reset()
      await this.load()
      this.dispatchEvent(new CustomEvent('asg-corrected', { bubbles: true, composed: true }))
    } catch (err) {
      this.error = err instanceof ApiError ? errorText(err) : t('saveFailed')
    } finally {
      this.busy = false
    }
  }
}

customElements.define('asg-mark-history', AsgMarkHistory)
declare global {
  interface HTMLElementTagNameMap {
    'asg-mark-history': AsgMarkHistory
  }
}
