import { LitElement, css, html, nothing } from 'lit'
// Keyed by pupil: a half-typed call note stays with its child when the page or the list changes.
import { repeat } from 'lit/directives/repeat.js'
import { needsSupport, type SafetyAnswerView, type SafetyStaffRow } from '../../../shared/protocol/safety.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import { pageOf } from '../lib/paging.js'
import { timeText } from '../lib/staffLanguage.js'
import { tokens } from '../lib/styles.js'
import '../components/asg-call-record.js'
import '../components/asg-pager.js'
import { instantTimeText, pickupLabel, statusLabel, whereaboutsLabel } from './labels.js'
import { t } from './text.js'

/** Rows a page: a school-wide 未回答 list can hold hundreds of families, each with phones and buttons. */
const PAGE_SIZE = 20

/**
 * Pupils of a confirmation as a list: each child's counting answer (and the other guardians'),
 * or 未回答, PAGE_SIZE to a page. With `calls`, a non-responder shows the guardians' phone numbers,
 * the calls made since the confirmation started, and buttons to record a call (the office's call records).
 * @fires asg-call - detail: CallDetail (from asg-call-record), a call to record
 */
export class AsgSafetyRows extends LitElement {
  static override properties = {
    rows: { attribute: false },
    heading: { type: String },
    calls: { type: Boolean },
    open: { type: Boolean },
    busy: { type: Boolean },
    timeZone: { type: String },
    page: { state: true },
  }
  declare rows: readonly SafetyStaffRow[]
  declare heading: string
  /** Phones and call recording for non-responders (the office). */
  declare calls: boolean
  /** The confirmation is still open (calls can be recorded). */
  declare open: boolean
  declare busy: boolean
  declare timeZone: string
  declare page: number

  constructor() {
    super()
    this.rows = []
    this.heading = ''
    this.calls = false
    this.open = true
    this.busy = false
    this.timeZone = SCHOOL_ZONE
    this.page = 1
  }

  static override styles = [
    tokens,
    css`
      :host { display: block; background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 0.6rem 0.9rem; }
      h3 { margin: 0 0 0.4rem; font-size: 1.05rem; }
      ul { list-style: none; margin: 0; padding: 0; }
      li { display: grid; gap: 0.25rem; padding: 0.45rem 0; border-bottom: 1px solid var(--asg-line); }
      li:last-child { border-bottom: 0; }
      .head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2rem 0.7rem; }
      .cls, .muted { color: var(--asg-ink-soft); font-size: 0.85rem; }
      .name { font-weight: 700; }
      .chip { font-weight: 700; border-radius: 6px; padding: 0 0.5em; font-size: 0.9rem; }
      .chip.safe { background: #e3f4e4; color: #14602a; }
      .chip.support { background: var(--asg-absent); color: #fff; }
      .chip.other { background: #eef0f5; }
      .chip.none { background: var(--asg-late-bg); color: var(--asg-late); }
      .note { white-space: pre-wrap; }
      .none { color: var(--asg-ink-soft); }
    `,
  ]

  override render() {
    return html`<h3>${this.heading} <span class="muted">${t('pupilCount', { n: this.rows.length })}</span></h3>
      ${this.rows.length === 0 ? html`<p class="none">${t('noPupils')}</p>` : html`<ul>${repeat(pageOf(this.rows, this.page, PAGE_SIZE), (r) => r.pupilId, (r) => this.renderRow(r))}</ul>`}
      ${this.rows.length > PAGE_SIZE
        ? html`<asg-pager .page=${this.page} .pageSize=${PAGE_SIZE} .total=${this.rows.length} @asg-page=${(e: CustomEvent<{ page: number }>) => (this.page = e.detail.page)}></asg-pager>`
        : nothing}`
  }

  private renderRow(r: SafetyStaffRow) {
    const a = r.answer
    const others = r.answers.filter((x) => !x.counts)
    return html`<li data-pupil=${r.pupilId}>
      <div class="head">
        <span class="cls">${t('classNumber', { className: r.classLabel, number: r.attendanceNumber })}</span><span class="name">${r.name}</span>
        ${a ? this.chip(a) : html`<span class="chip none">${t('unanswered')}</span>`}
        ${a ? html`<span class="muted">${instantTimeText(a.answeredAt, this.timeZone)} ${a.guardian}</span>` : nothing}
      </div>
      ${a ? this.details(a) : nothing}
      ${others.map((o) => html`<div class="muted">${t('otherAnswer', { guardian: o.guardian, status: statusLabel(o.status), time: instantTimeText(o.answeredAt, this.timeZone) })}${o.note ? t('quoted', { text: o.note }) : ''}</div>`)}
      ${this.calls && !a ? this.renderCalls(r) : nothing}
    </li>`
  }

  private chip(a: SafetyAnswerView) {
    const cls = a.status === 'safe' ? 'safe' : needsSupport(a.status) ? 'support' : 'other'
    return html`<span class="chip ${cls}">${statusLabel(a.status)}</span>`
  }

  private details(a: SafetyAnswerView) {
    const parts = [
      a.whereabouts ? whereaboutsLabel(a.whereabouts) : '',
      a.pickup ? pickupLabel(a.pickup) : '',
      a.pickupTime ? t('aroundTime', { time: timeText(a.pickupTime) }) : '',
    ].filter(Boolean)
    if (!parts.length && !a.note) return nothing
    return html`<div>${parts.join(t('separator'))}${a.note ? html`<div class="note">${t('quoted', { text: a.note })}</div>` : nothing}</div>`
  }

  private renderCalls(r: SafetyStaffRow) {
    return html`<asg-call-record .pupilId=${r.pupilId} pupilName=${r.name} .phones=${r.phones} .calls=${r.calls} ?recording=${this.open} ?busy=${this.busy}
      placeholder=${t('callNotePlaceholder')} timeZone=${this.timeZone}></asg-call-record>`
  }
}

customElements.define('asg-safety-rows', AsgSafetyRows)
declare global {
  interface HTMLElementTagNameMap {
    'asg-safety-rows': AsgSafetyRows
  }
}
