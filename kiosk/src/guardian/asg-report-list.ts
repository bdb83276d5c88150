import { LitElement, css, html, nothing } from 'lit'
import type { GuardianReport } from '../../../shared/protocol/index.js'
import { ApiError, call } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { buttons, tokens, visuallyHidden } from '../lib/styles.js'
import { formatDay, formatInstant, formatTime, reportDaysText } from './dates.js'
import { errorText, messages, symptomLabel, type Locale } from './messages.js'
import { guardianStyles } from './styles.js'

/**
 * The guardian's recent reports, newest first, with the school's acknowledgement, withdrawn
 * reports marked, and 取り消す (after an inline confirmation) while every day is still ahead.
 * @fires asg-reload - the list failed to load and the guardian asked to try again
 * @fires asg-withdrawn - detail: GuardianReport (as withdrawn), after a withdrawal
 * @fires asg-unauthenticated - the login expired
 */
export class AsgReportList extends LitElement {
  static override properties = {
    reports: { attribute: false },
    loading: { type: Boolean },
    error: { type: String },
    locale: { type: String },
    confirmingId: { state: true },
    withdrawingId: { state: true },
    announcement: { state: true },
    itemError: { state: true },
  }
  declare reports: GuardianReport[] | null
  declare loading: boolean
  declare error: string
  declare locale: Locale
  /** The report whose 取り消しますか? question is open. */
  declare confirmingId: number | null
  declare withdrawingId: number | null
  /** Said by screen readers after a withdrawal. */
  declare announcement: string
  declare itemError: { id: number; text: string } | null

  constructor() {
    super()
    this.reports = null
    this.loading = false
    this.error = ''
    this.locale = 'ja'
    this.confirmingId = null
    this.withdrawingId = null
    this.announcement = ''
    this.itemError = null
  }

  static override styles = [
    tokens,
    buttons,
    visuallyHidden,
    guardianStyles,
    css`
      h2 {
        margin: 0 0 10px;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 10px;
      }
      li.card {
        padding: 12px 14px;
      }
      li.withdrawn {
        background: #f1f0ec;
        color: var(--asg-ink-soft);
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px 8px;
      }
      .name {
        font-weight: 700;
        font-size: 1.05rem;
        margin-right: auto;
      }
      .days {
        font-weight: 600;
        margin: 4px 0 0;
      }
      .detail {
        margin: 2px 0 0;
      }
      .seen {
        color: var(--asg-ok);
        font-weight: 600;
        margin: 4px 0 0;
      }
      .badge.ok {
        color: var(--asg-ok);
        background: #e6f4ea;
      }
      .badge.off {
        color: var(--asg-ink-soft);
        background: #fff;
      }
      .foot {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 8px;
        margin-top: 2px;
      }
      .foot .detail {
        margin: 0;
      }
      button.withdraw {
        flex: none;
        font-size: 0.95rem;
        padding: 0.4em 0.9em;
      }
      .withdraw-row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: flex-end;
        gap: 8px;
        margin-top: 8px;
      }
      .withdraw-row p {
        flex-basis: 100%;
        margin: 0;
        font-weight: 700;
      }
      .withdraw-row button {
        min-width: 6.5em;
      }
      button.danger {
        color: #fff;
        background: var(--asg-absent);
        border-color: var(--asg-absent);
        font-weight: 700;
      }
      .state {
        text-align: center;
        padding: 20px 16px;
      }
      .state button {
        margin-top: 10px;
      }
    `,
  ]

  override render() {
    const m = messages(this.locale)
    return html`
      <section aria-labelledby="list-heading">
        <h2 id="list-heading" tabindex="-1">${m.listHeading}</h2>
        <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
        ${this.body()}
      </section>
    `
  }

  private body() {
    const m = messages(this.locale)
    if (this.error) {
      return html`<div class="card state">
        <p class="error" role="alert">${this.error}</p>
        <button type="button" ?disabled=${this.loading} @click=${this.reload}>${this.loading ? m.loading : m.reload}</button>
      </div>`
    }
    if (!this.reports) return html`<div class="card state muted" role="status">${m.loading}</div>`
    if (this.reports.length === 0) return html`<div class="card state muted">${m.listEmpty}</div>`
    return html`<ul>
      ${this.reports.map((r) => this.item(r))}
    </ul>`
  }

  private item(r: GuardianReport) {
    const m = messages(this.locale)
    const withdrawn = r.withdrawnAt !== null
    const symptoms = [...r.symptoms.map((s) => symptomLabel(s, this.locale)), r.temperature !== null ? `${r.temperature.toFixed(1)}${m.temperatureUnit}` : '']
      .filter(Boolean)
      .join(m.listSeparator)
    return html`<li class="card ${withdrawn ? 'withdrawn' : ''}" data-report=${r.id}>
      <div class="top">
        <span class="name">${r.pupilName}</span>
        <span class="badge kind-${r.kind}">${m.kind[r.kind]}</span>
        ${withdrawn ? html`<span class="badge off">${m.withdrawn}</span>` : r.acknowledged ? html`<span class="badge ok">${m.acknowledged}</span>` : nothing}
      </div>
      <p class="days">${reportDaysText(r, this.locale)}</p>
      ${!withdrawn && r.replacedDays.length > 0
        ? html`<p class="detail muted">${m.replacedOn(r.replacedDays.map((d) => formatDay(d, this.locale)).join(m.listSeparator))}</p>`
        : nothing}
      <p class="detail">
        ${r.reasonLabel}${symptoms ? html`<span class="muted">(${symptoms})</span>` : nothing}
        ${r.time ? html`<br />${r.kind === 'late' ? m.arrival(formatTime(r.time, this.locale)) : m.pickup(formatTime(r.time, this.locale))}` : nothing}
      </p>
      ${!withdrawn && r.acknowledged ? html`<p class="seen">✓ ${m.acknowledgedNote}</p>` : nothing}
      ${this.itemError?.id === r.id ? html`<p class="error" role="alert">${this.itemError.text}</p>` : nothing}
      ${this.confirmingId === r.id || this.withdrawingId === r.id
        ? html`<p class="detail muted">${m.sentAt(formatInstant(r.submittedAt, this.locale))}</p>${this.withdrawControls(r)}`
        : html`<div class="foot">
            <p class="detail muted">${m.sentAt(formatInstant(r.submittedAt, this.locale))}</p>
            ${r.canWithdraw && !withdrawn ? this.withdrawControls(r) : nothing}
          </div>`}
    </li>`
  }

  private withdrawControls(r: GuardianReport) {
    const m = messages(this.locale)
    const busy = this.withdrawingId === r.id
    if (this.confirmingId === r.id || busy) {
      return html`<div class="withdraw-row" role="group" aria-label=${m.withdrawQuestion}>
        <p>${m.withdrawQuestion}</p>
        <button type="button" ?disabled=${busy} @click=${() => this.keep(r.id)}>${m.withdrawNo}</button>
        <button type="button" class="danger" ?disabled=${busy} @click=${() => this.withdraw(r)}>${busy ? m.withdrawing : m.withdrawYes}</button>
      </div>`
    }
    return html`<button type="button" class="withdraw" @click=${() => this.ask(r.id)}>${m.withdraw}</button>`
  }

  private async ask(id: number) {
    this.confirmingId = id
    this.itemError = null
    this.announcement = ''
    await this.updateComplete
    // The question replaces the button: keyboard focus goes to the safe answer.
    this.renderRoot.querySelector<HTMLElement>('.withdraw-row button:not(.danger)')?.focus()
  }

  /** Back from the question to the report's own withdraw button. */
  private async keep(id: number) {
    this.confirmingId = null
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>(`[data-report="${id}"] button.withdraw`)?.focus()
  }

  private reload() {
    this.dispatchEvent(new CustomEvent('asg-reload', { bubbles: true, composed: true }))
  }

  private async withdraw(r: GuardianReport) {
    if (this.withdrawingId !== null) return
    this.withdrawingId = r.id
    this.itemError = null
    try {
      const res = await call(routes.guardian.withdrawReport, { params: { id: r.id } })
      this.confirmingId = null
      // Show the change at once; the page reloads the list behind it.
      this.reports = (this.reports ?? []).map((x) => (x.id === r.id ? res.report : x))
      this.dispatchEvent(new CustomEvent<GuardianReport>('asg-withdrawn', { detail: res.report, bubbles: true, composed: true }))
      this.announcement = messages(this.locale).withdrawDone
      await this.updateComplete
      this.renderRoot.querySelector<HTMLElement>('#list-heading')?.focus()
    } catch (err) {
      this.itemError = { id: r.id, text: errorText(err, this.locale) }
      if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') {
        this.dispatchEvent(new CustomEvent('asg-unauthenticated', { bubbles: true, composed: true }))
      } else if (err instanceof ApiError && (err.code === 'ALREADY_WITHDRAWN' || err.code === 'WITHDRAW_NOT_ALLOWED')) {
        // The list was stale: refresh it so the button goes away.
        this.confirmingId = null
        this.reload()
      }
    } finally {
      this.withdrawingId = null
    }
  }
}

customElements.define('asg-report-list', AsgReportList)
declare global {
  interface HTMLElementTagNameMap {
    'asg-report-list': AsgReportList
  }
}
