import { LitElement, css, html, nothing } from 'lit'
import type { GuardianReport, ReportReceipt } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import { formatDay, formatInstant, formatTime, reportDaysText } from './dates.js'
import type { ReportDraft } from './draft.js'
import { messages, symptomLabel, type Locale } from './messages.js'
import { guardianStyles } from './styles.js'

/** Where to go after the receipt: a fresh form, or down to the list of sent reports. */
export interface DoneDetail {
  then: 'form' | 'list'
}

/**
 * Step 3 of 3: the receipt number, when it was sent, what the school received, the days left
 * out because school is not in session, and the late notice when the report came after the
 * same-day cut-off.
 * @fires asg-done - detail: DoneDetail, to start again
 */
export class AsgReportReceipt extends LitElement {
  static override properties = {
    receipt: { attribute: false },
    draft: { attribute: false },
    locale: { type: String },
  }
  declare receipt: ReportReceipt | null
  declare draft: ReportDraft | null
  declare locale: Locale

  constructor() {
    super()
    this.receipt = null
    this.draft = null
    this.locale = 'ja'
  }

  static override styles = [
    tokens,
    buttons,
    guardianStyles,
    css`
      .head {
        display: flex;
        align-items: center;
        gap: 12px;
        margin-bottom: 8px;
      }
      .tick {
        flex: none;
        width: 44px;
        height: 44px;
        border-radius: 50%;
        background: var(--asg-ok);
        color: #fff;
        display: grid;
        place-items: center;
        font-size: 26px;
        font-weight: 700;
      }
      .head h2 {
        margin: 0;
      }
      .thanks {
        margin: 0 0 14px;
      }
      .receipt-no {
        font-size: 1.4rem;
        letter-spacing: 0.08em;
        font-variant-numeric: tabular-nums;
      }
      h3 {
        font-size: 1rem;
        margin: 18px 0 8px;
        padding-top: 14px;
        border-top: 1px solid var(--asg-line);
      }
      ul {
        list-style: none;
        margin: 0 0 10px;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 10px;
        align-items: baseline;
      }
      .name {
        font-weight: 700;
      }
    `,
  ]

  override render() {
    const rc = this.receipt
    if (!rc) return nothing
    const m = messages(this.locale)
    const first: GuardianReport | undefined = rc.reports[0]
    const category = this.draft?.reason.category
    const wishWell = category === 'illness' || category === 'injury' || category === 'suspension'
    return html`
      <section class="card" aria-labelledby="receipt-heading">
        <div class="head">
          <span class="tick" aria-hidden="true">✓</span>
          <h2 id="receipt-heading" tabindex="-1">${m.receiptHeading}</h2>
        </div>
        <p class="thanks">${m.thanks}${wishWell ? html`<br />${m.getWell}` : nothing}</p>
        <dl class="summary">
          <dt>${m.receiptNo}</dt>
          <dd class="receipt-no">${rc.receiptNo}</dd>
          <dt>${m.submittedAt}</dt>
          <dd>${formatInstant(rc.submittedAt, this.locale)}</dd>
        </dl>

        ${rc.lateNotice ? html`<p class="note">${rc.lateNotice}</p>` : nothing}

        <h3>${m.sentContent}</h3>
        <ul>
          ${rc.reports.map(
            (r) => html`<li>
              <span class="name">${r.pupilName}</span>
              <span class="badge kind-${r.kind}">${m.kind[r.kind]}</span>
              <span>${reportDaysText(r, this.locale)}</span>
              ${r.time ? html`<span>${r.kind === 'late' ? m.arrival(formatTime(r.time, this.locale)) : m.pickup(formatTime(r.time, this.locale))}</span>` : nothing}
            </li>`,
          )}
        </ul>
        ${first
          ? html`<dl class="summary">
              ${this.draft?.request.mode && this.draft.existing.length > 0
                ? html`<dt>${m.earlier}</dt>
                    <dd>${this.draft.request.mode === 'replace' ? m.replaceSummary : m.addSummary}</dd>`
                : nothing}
              <dt>${m.reason}</dt>
              <dd>${first.reasonLabel}</dd>
              ${first.symptoms.length || first.temperature !== null
                ? html`<dt>${m.symptoms}</dt>
                    <dd>
                      ${[...first.symptoms.map((s) => symptomLabel(s, this.locale)), first.temperature !== null ? `${first.temperature.toFixed(1)}${m.temperatureUnit}` : '']
                        .filter(Boolean)
                        .join(m.listSeparator)}
                    </dd>`
                : nothing}
              ${first.message ? html`<dt>${m.message}</dt><dd class="message">${first.message}</dd>` : nothing}
            </dl>`
          : nothing}
        ${rc.skippedDays.length
          ? html`<p class="note">${m.skipped(rc.skippedDays.map((d) => formatDay(d, this.locale)).join(m.listSeparator))}</p>`
          : nothing}
        <p class="muted">${m.ackNote}</p>
        <div class="actions">
          <button class="primary" type="button" @click=${() => this.done('form')}>${m.another}</button>
          <button type="button" @click=${() => this.done('list')}>${m.close}</button>
        </div>
      </section>
    `
  }

  private done(then: DoneDetail['then']) {
    this.dispatchEvent(new CustomEvent<DoneDetail>('asg-done', { detail: { then }, bubbles: true, composed: true }))
  }
}

customElements.define('asg-report-receipt', AsgReportReceipt)
declare global {
  interface HTMLElementTagNameMap {
    'asg-report-receipt': AsgReportReceipt
  }
}
