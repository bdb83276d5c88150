import { LitElement, css, html, nothing } from 'lit'
import type { ReportReceipt } from '../../../shared/protocol/index.js'
import { ApiError, call } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { buttons, tokens } from '../lib/styles.js'
import { addDays, formatDay, formatRange, formatTime } from './dates.js'
import type { ReportDraft } from './draft.js'
import { errorText, messages, symptomLabel, type Locale } from './messages.js'
import { guardianStyles } from './styles.js'

/** What the confirm step hands up after the server accepted the report. */
export interface SentDetail {
  receipt: ReportReceipt
  draft: ReportDraft
}

/**
 * Step 2 of 3: the draft in plain words, 修正する or この内容で送信する. Sending reuses the
 * draft's submission key, so a double tap or a retry after a lost connection makes one report.
 * @fires asg-back - the guardian wants to change something
 * @fires asg-sent - detail: SentDetail, once the server has accepted the report
 * @fires asg-unauthenticated - the login expired while sending; the draft is kept for a retry
 * @fires asg-report-exists - detail: { message }, a chosen day got a report since the page loaded
 */
export class AsgReportConfirm extends LitElement {
  static override properties = {
    draft: { attribute: false },
    locale: { type: String },
    sending: { state: true },
    error: { state: true },
    failed: { state: true },
  }
  declare draft: ReportDraft | null
  declare locale: Locale
  declare sending: boolean
  declare error: string
  /** A send failed in a way worth retrying: the button says もう一度送信する. */
  declare failed: boolean

  constructor() {
    super()
    this.draft = null
    this.locale = 'ja'
    this.sending = false
    this.error = ''
    this.failed = false
  }

  static override styles = [
    tokens,
    buttons,
    guardianStyles,
    css`
      .card {
        padding: 18px 16px;
      }
      .kind {
        font-size: 1rem;
      }
      .retry-note {
        margin: 8px 0 0;
      }
    `,
  ]

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('draft') && changed.get('draft') !== undefined) {
      this.error = ''
      this.failed = false
    }
  }

  override render() {
    const d = this.draft
    if (!d) return nothing
    const m = messages(this.locale)
    const r = d.request
    const kindClass = `badge kind kind-${r.kind}`
    return html`
      <section class="card" aria-labelledby="confirm-heading">
        <h2 id="confirm-heading" tabindex="-1">${m.confirmHeading}</h2>
        <dl class="summary">
          <dt>${m.who}</dt>
          <dd>${d.children.map((c) => html`<div>${c.name} <span class="muted">${c.className}</span></div>`)}</dd>
          <dt>${m.what}</dt>
          <dd><span class=${kindClass}>${m.kind[r.kind]}</span></dd>
          <dt>${m.when}</dt>
          <dd>${this.when()}</dd>
          ${r.mode && d.existing.length > 0
            ? html`<dt>${m.earlier}</dt>
                <dd>
                  ${d.existing.map((e) => html`<div>${m.existingLine(e.child.name, formatDay(e.date, this.locale), e.kinds.map((k) => m.kind[k]).join(m.listSeparator))}</div>`)}
                  <strong>${r.mode === 'replace' ? m.replaceSummary : m.addSummary}</strong>
                </dd>`
            : nothing}
          ${r.time
            ? html`<dt>${r.kind === 'late' ? m.timeLate : m.timeEarly}</dt>
                <dd>${formatTime(r.time, this.locale)}</dd>`
            : nothing}
          <dt>${m.reason}</dt>
          <dd>${d.reason.label}</dd>
          ${r.symptoms.length || r.temperature !== null
            ? html`<dt>${m.symptoms}</dt>
                <dd>
                  ${[...r.symptoms.map((s) => symptomLabel(s, this.locale)), r.temperature !== null ? `${r.temperature.toFixed(1)}${m.temperatureUnit}` : '']
                    .filter(Boolean)
                    .join(m.listSeparator)}
                </dd>`
            : nothing}
          <dt>${m.message}</dt>
          <dd class="message">${r.message || html`<span class="muted">${m.none}</span>`}</dd>
        </dl>
        ${this.error ? html`<p class="error-box" role="alert">${this.error}</p>` : nothing}
        ${this.failed ? html`<p class="muted retry-note">${m.sendAgainNote}</p>` : nothing}
        <div class="actions">
          <button class="primary" type="button" ?disabled=${this.sending} @click=${this.send}>
            ${this.sending ? m.sending : this.failed ? m.sendAgain : m.send}
          </button>
          <button type="button" ?disabled=${this.sending} @click=${this.back}>${m.back}</button>
        </div>
      </section>
    `
  }

  private when() {
    const d = this.draft!
    const m = messages(this.locale)
    const { fromDate, toDate } = d.request
    if (d.dayChoice === 'today') return html`${m.today} ${formatDay(fromDate, this.locale)}`
    if (d.dayChoice === 'next') {
      return html`${fromDate === addDays(d.today, 1) ? m.tomorrow : m.nextSchoolDay} ${formatDay(fromDate, this.locale)}`
    }
    return html`${formatRange(fromDate, toDate, this.locale)}${fromDate !== toDate ? html`<div class="muted">${m.rangeNote}</div>` : nothing}`
  }

  private back() {
    this.dispatchEvent(new CustomEvent('asg-back', { bubbles: true, composed: true }))
  }

  private async send() {
    const draft = this.draft
    if (!draft || this.sending) return
    this.sending = true
    this.error = ''
    try {
      const receipt = await call(routes.guardian.createReport, { body: draft.request })
      this.failed = false
      this.dispatchEvent(new CustomEvent<SentDetail>('asg-sent', { detail: { receipt, draft }, bubbles: true, composed: true }))
    } catch (err) {
      this.error = errorText(err, this.locale)
      // Lost connections and server hiccups are worth another try with the same key.
      this.failed = err instanceof ApiError && (err.code === 'INTERNAL' || err.code === 'RATE_LIMITED')
      // Someone reported for the same day since the page loaded: back to the form, which now asks.
      if (err instanceof ApiError && err.code === 'REPORT_EXISTS') {
        this.dispatchEvent(new CustomEvent<{ message: string }>('asg-report-exists', { detail: { message: this.error }, bubbles: true, composed: true }))
      }
      if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') {
        this.failed = true
        this.dispatchEvent(new CustomEvent('asg-unauthenticated', { bubbles: true, composed: true }))
      }
    } finally {
      this.sending = false
    }
  }
}

customElements.define('asg-report-confirm', AsgReportConfirm)
declare global {
  interface HTMLElementTagNameMap {
    'asg-report-confirm': AsgReportConfirm
  }
}
