import { LitElement, css, html, nothing } from 'lit'
import type { DayReport } from '../../../shared/protocol/index.js'
import { schoolDateOf } from '../../../shared/time/schoolTime.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import { LANGUAGE_INFO, type GuardianLanguage } from '../../../shared/i18n/languages.js'
import { buttons, tokens } from '../lib/styles.js'
import { instantText, instantTimeText, speaksEnglish, timeText } from '../lib/staffLanguage.js'
import { REPORT_KIND_TEXT, statusColours } from './day-view.js'
import { t } from './text.js'

/**
 * A pupil-day's guardian reports as one thread, newest first: what each said (reason, time,
 * message, health notes), whether it changed or added to an earlier one, and its own 確認.
 * A report a later one changed stays visible, struck through as history.
 * @fires asg-acknowledge - detail: { reportId }, when the teacher taps 確認 (only when editable)
 */
export class AsgReportThread extends LitElement {
  static override properties = {
    reports: { attribute: false },
    pending: { attribute: false },
    timeZone: { type: String },
    date: { type: String },
    editable: { type: Boolean },
    offline: { type: Boolean },
  }
  /** Newest first, as `DayEntry.reports`. */
  declare reports: readonly DayReport[]
  /** Report ids whose 確認 is on its way to the server. */
  declare pending: ReadonlySet<number>
  declare timeZone: string
  /** The school day shown, `YYYY-MM-DD`: instants on other days show their date. */
  declare date: string
  declare editable: boolean
  declare offline: boolean

  constructor() {
    super()
    this.reports = []
    this.pending = new Set()
    this.timeZone = SCHOOL_ZONE
    this.date = ''
    this.editable = false
    this.offline = false
  }

  static override styles = [
    tokens,
    buttons,
    statusColours,
    css`
      :host { display: block; }
      ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.45rem; }
      li { border-left: 3px solid var(--asg-line); padding: 0.1rem 0 0.1rem 0.6rem; display: grid; gap: 0.15rem; }
      li.open { border-left-color: var(--asg-accent); }
      li.replaced { color: var(--asg-ink-soft); }
      li.replaced .what { text-decoration: line-through; }
      .head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.2rem 0.5rem; font-size: 0.92rem; }
      .kind { font-weight: 700; border-radius: 6px; padding: 0.05em 0.5em; font-size: 0.85rem; }
      .time { font-weight: 700; font-variant-numeric: tabular-nums; }
      .tag { font-size: 0.75rem; font-weight: 700; border: 1px solid currentColor; border-radius: 999px; padding: 0 0.55em; }
      .tag.replaced { color: var(--asg-ink-soft); }
      .tag.change { color: var(--asg-absent); }
      .tag.add { color: var(--asg-accent); }
      .lang-label { display: inline-block; margin-right: 0.5em; padding: 0 0.4em; border: 1px solid var(--asg-line); border-radius: 4px; font-size: 0.8rem; color: var(--asg-ink-soft); }
      blockquote { margin: 0.2rem 0 0; padding: 0.45rem 0.65rem; background: var(--asg-bg); border-radius: 8px; font-size: 0.95rem;
        white-space: pre-wrap; overflow-wrap: anywhere; }
      .health { font-size: 0.88rem; }
      .fever { color: var(--asg-absent); font-weight: 700; }
      li.replaced .fever { color: inherit; }
      .foot { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.3rem 0.8rem; }
      .submitted { font-size: 0.8rem; color: var(--asg-ink-soft); }
      .acked { display: inline-flex; align-items: center; gap: 0.4em; color: var(--asg-ok); font-weight: 700; font-size: 0.9rem; }
      .acked .by { font-weight: 400; color: var(--asg-ink-soft); font-size: 0.82rem; }
      .unacked { font-size: 0.85rem; color: var(--asg-accent); font-weight: 700; }
      button.ack { min-width: 7.5rem; min-height: 44px; margin-left: auto; }
      .spinner { display: inline-block; width: 0.9em; height: 0.9em; border: 2px solid rgb(255 255 255 / 0.5); border-top-color: #fff;
        border-radius: 50%; animation: spin 0.8s linear infinite; vertical-align: -0.1em; margin-right: 0.4em; }
      @keyframes spin { to { transform: rotate(360deg); } }
      @media (prefers-reduced-motion: reduce) { .spinner { animation: none; } }
    `,
  ]

  override render() {
    if (this.reports.length === 0) return nothing
    return html`<ol aria-label=${t('threadLabel')}>${this.reports.map((r, i) => this.renderReport(r, this.reports.slice(i + 1)))}</ol>`
  }

  private renderReport(r: DayReport, older: readonly DayReport[]) {
    const replaced = r.replacedBy !== null
    const replacedBy = replaced ? this.reports.find((x) => x.id === r.replacedBy) : undefined
    const changes = older.some((o) => o.replacedBy === r.id)
    const adds = !changes && older.some((o) => o.replacedBy === null)
    const classes = [replaced ? 'replaced' : '', !replaced && !r.acknowledgedAt ? 'open' : ''].filter(Boolean).join(' ')
    return html`<li class=${classes} data-report=${r.id}>
      <div class="head">
        <span class="what"><span class="kind st-${r.kind}">${REPORT_KIND_TEXT[r.kind]}</span> ${r.reasonLabel}</span>
        ${r.time ? html`<span class="time">${this.timeOf(r.kind, r.time)}</span>` : nothing}
        ${replaced
          ? html`<span class="tag replaced">${replacedBy ? t('replacedByTag', { when: this.instant(replacedBy.submittedAt) }) : t('replacedTag')}</span>`
          : changes
            ? html`<span class="tag change">${t('changesTag')}</span>`
            : adds
              ? html`<span class="tag add">${t('addsTag')}</span>`
              : nothing}
      </div>
      ${r.message ? this.message(r.message, r.messageLanguage ?? null) : nothing}
      ${(r.symptoms && r.symptoms.length > 0) || r.temperature !== null
        ? html`<div class="health">
            ${r.symptoms && r.symptoms.length > 0 ? t('symptoms', { list: r.symptoms.join(t('listSeparator')) }) : nothing}
            ${r.temperature !== null
              ? html`<span class=${r.temperature >= 37.5 ? 'fever' : ''}>${r.symptoms?.length ? t('healthSeparator') : ''}${t('temperature', { temperature: r.temperature.toFixed(1) })}</span>`
              : nothing}
          </div>`
        : nothing}
      <div class="foot">
        <span class="submitted">${t('received', { when: this.instant(r.submittedAt) })}</span>
        ${this.renderAck(r, replaced)}
      </div>
    </li>`
  }

  /** The guardian's words as written; in another language than Japanese, labelled with it in the page's language. */
  private message(text: string, language: GuardianLanguage | null) {
    const info = language ? LANGUAGE_INFO[language] : null
    if (!info || info.htmlLang === 'ja') return html`<blockquote>${text}</blockquote>`
    const english = speaksEnglish()
    const name = english ? new Intl.DisplayNames(['en'], { type: 'language' }).of(info.htmlLang) ?? info.nativeName : info.japaneseName
    return html`<blockquote lang=${info.htmlLang}><span class="lang-label" lang=${english ? 'en' : 'ja'}>${t('writtenIn', { language: name })}</span>${text}</blockquote>`
  }

  private renderAck(r: DayReport, replaced: boolean) {
    if (r.acknowledgedAt) {
      return html`<span class="acked">${t('acknowledged')}<span class="by">${r.acknowledgedBy ? `${r.acknowledgedBy} ` : ''}${this.instant(r.acknowledgedAt)}</span></span>`
    }
    // A changed report needs no 確認 of its own: acknowledging the change covers it.
    if (replaced) return nothing
    if (!this.editable) return html`<span class="unacked">${t('notAcknowledged')}</span>`
    const busy = this.pending.has(r.id)
    return html`<button class="primary ack" ?disabled=${busy || this.offline} title=${this.offline ? t('acknowledgeWhenOnline') : ''}
      aria-busy=${busy ? 'true' : 'false'} @click=${() => this.acknowledge(r.id)}>
      ${busy ? html`<span class="spinner" aria-hidden="true"></span>${t('acknowledging')}` : t('acknowledge')}
    </button>`
  }

  /** A report's time: `9:00予定` (arriving), `14:00お迎え` (picked up). */
  private timeOf(kind: DayReport['kind'], time: string): string {
    if (kind === 'late') return t('arrivingAt', { time: timeText(time) })
    if (kind === 'early_leave') return t('pickedUpAt', { time: timeText(time) })
    return timeText(time)
  }

  /** `8:05`, or `11月27日(金) 18:40` for an instant on another day than the one shown. */
  private instant(iso: string): string {
    const ms = Date.parse(iso)
    return this.date && schoolDateOf(ms, this.timeZone) !== this.date ? instantText(iso) : instantTimeText(iso, this.timeZone)
  }

  private acknowledge(reportId: number) {
    this.dispatchEvent(new CustomEvent<{ reportId: number }>('asg-acknowledge', { detail: { reportId }, bubbles: true, composed: true }))
  }
}

customElements.define('asg-report-thread', AsgReportThread)
declare global {
  interface HTMLElementTagNameMap {
    'asg-report-thread': AsgReportThread
  }
  interface HTMLElementEventMap {
    'asg-acknowledge': CustomEvent<{ reportId: number }>
  }
}
