import { LitElement, css, html, nothing } from 'lit'
// Keyed by notice: a half-typed call note stays with its child when the list changes under it.
import { repeat } from 'lit/directives/repeat.js'
import type { DayEntry, OfficeNotice, OfficeNoticeList } from '../../../shared/protocol/index.js'
import { call } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { buttons, tokens } from '../lib/styles.js'
import { instantTimeText, timeText } from '../lib/staffLanguage.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import { callOutcomeText, type CallDetail } from '../components/asg-call-record.js'
import { t } from './text.js'
import { ANSWER_TEXT } from './day-view.js'

const DELIVERY_LABEL = {
  pending: t('deliveryPending'),
  sending: t('deliverySending'),
  sent: t('deliverySent'),
  captured: t('deliveryCaptured'),
  failed: t('deliveryFailed'),
} as const



/**
 * The office's not-arrived follow-up: send notices to the unexplained 未登校 pupils
 * (all or a selection), follow answers and delivery, and phone the families on the call list.
 * Refreshes whenever the day changes (every change publishes an event) and once a minute.
 */
export class AsgOfficeNotices extends LitElement {
  static override properties = {
    unexplained: { attribute: false },
    seq: { type: Number },
    timeZone: { type: String },
    list: { state: true },
    unselected: { state: true },
    message: { state: true },
    busy: { state: true },
  }
  /** 未登校 pupils nobody explained (from the office lists). */
  declare unexplained: readonly DayEntry[]
  /** The day's sequence number: when it moves, something changed (a mark, an answer, a call). */
  declare seq: number
  declare timeZone: string
  declare list: OfficeNoticeList | null
  declare unselected: ReadonlySet<number>
  declare message: string
  declare busy: boolean

  private timer: ReturnType<typeof setInterval> | undefined
  private refresh: ReturnType<typeof setTimeout> | undefined

  constructor() {
    super()
    this.unexplained = []
    this.seq = 0
    this.timeZone = SCHOOL_ZONE
    this.list = null
    this.unselected = new Set()
    this.message = ''
    this.busy = false
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; margin: 0 0 1.2rem; }
      section { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 0.7rem 0.9rem; margin: 0 0 8px; }
      h3 { margin: 0 0 0.5rem; font-size: 1rem; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
      .pick { display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 0 0 0.6rem; }
      .pick label { display: inline-flex; align-items: center; gap: 0.3rem; min-height: 40px; }
      .pick input { width: 22px; height: 22px; }
      .row { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2rem 0.7rem; padding: 0.35rem 0; border-bottom: 1px solid var(--asg-line); }
      .row:last-child { border-bottom: 0; }
      .name { font-weight: 700; }
      .cls, .muted { color: var(--asg-ink-soft); font-size: 0.85rem; }
      .answer { font-weight: 700; color: var(--asg-ok); }
      .waiting { font-weight: 700; color: var(--asg-late); }
      .bad { font-weight: 700; color: var(--asg-absent); }
      .call { display: grid; gap: 0.4rem; padding: 0.5rem 0; border-bottom: 1px solid var(--asg-line); }
      .msg { font-weight: 700; }
    `,
  ]

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
    this.timer = setInterval(() => void this.load(), 60_000)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearInterval(this.timer)
    clearTimeout(this.refresh)
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('seq') && changed.get('seq') !== undefined) {
      // Several events may arrive together; one request covers them.
      clearTimeout(this.refresh)
      this.refresh = setTimeout(() => void this.load(), 300)
    }
  }

  override render() {
    const notices = this.list?.notices ?? []
    const sentIds = new Set(notices.map((n) => n.pupilId))
    const candidates = this.unexplained.filter((e) => !sentIds.has(e.pupilId))
    const chosen = candidates.filter((e) => !this.unselected.has(e.pupilId))
    const toCall = notices.filter((n) => n.toCall)
    return html`
      <section aria-label=${t('sendNoticesLabel')}>
        <h3>${t('noticeHeading')}</h3>
        ${candidates.length === 0
          ? html`<p class="muted">${t('noCandidates')}</p>`
          : html`<div class="pick">
                ${candidates.map((e) => html`<label><input type="checkbox" .checked=${!this.unselected.has(e.pupilId)} @change=${() => this.toggle(e.pupilId)} />${e.name}</label>`)}
              </div>
              <button class="primary" ?disabled=${this.busy || chosen.length === 0} @click=${() => this.send(chosen.map((e) => e.pupilId))}>
                ${t('sendToGuardians', { n: chosen.length })}
              </button>`}
        ${this.message ? html`<p class="msg" role="status">${this.message}</p>` : nothing}
      </section>
      ${toCall.length > 0
        ? html`<section aria-label=${t('callListLabel')}>
            <h3>${t('callListHeading', { n: toCall.length })} <span class="muted">${t('callListWhy', { minutes: this.list!.callListAfterMinutes })}</span></h3>
            ${repeat(toCall, (n) => n.id, (n) => this.renderCall(n))}
          </section>`
        : nothing}
      ${notices.length > 0
        ? html`<section aria-label=${t('sentNoticesLabel')}>
            <h3>${t('sentHeading', { n: notices.length })}</h3>
            <ul>${notices.map((n) => this.renderNotice(n))}</ul>
          </section>`
        : nothing}
    `
  }

  private renderNotice(n: OfficeNotice) {
    const mail = n.deliveries.filter((d) => d.channel === 'email')
    return html`<li class="row" data-pupil=${n.pupilId}>
      <span class="cls">${n.classLabel}</span><span class="name">${n.pupilName}</span>
      <span class="muted">${t('sentAtBy', { time: instantTimeText(n.sentAt, this.timeZone), by: n.sentBy })}</span>
      ${n.answer
        ? html`<span class="answer">${ANSWER_TEXT[n.answer]}${n.answerTime ? ` ${timeText(n.answerTime)}` : ''}</span>${n.answerMessage ? html`<span>${t('quoted', { text: n.answerMessage })}</span>` : nothing}`
        : html`<span class="waiting">${t('noAnswer')}</span>`}
      ${mail.map((d) => html`<span class=${d.status === 'pending' || d.status === 'failed' ? 'bad' : 'muted'}>${t('mailStatus', { status: DELIVERY_LABEL[d.status] })}</span>`)}
      ${n.calls.length ? html`<span class="muted">${t('callStatus', { outcome: callOutcomeText(n.calls[0]!.outcome) })}</span>` : nothing}
    </li>`
  }

  private renderCall(n: OfficeNotice) {
    return html`<div class="call" data-pupil=${n.pupilId}>
      <div><span class="cls">${n.classLabel}</span> <span class="name">${n.pupilName}</span>
        ${n.answer ? html`<span class="bad">${ANSWER_TEXT[n.answer]}${n.answerMessage ? t('quoted', { text: n.answerMessage }) : ''}</span>` : html`<span class="waiting">${t('noAnswer')}</span>`}</div>
      <asg-call-record .pupilId=${n.pupilId} pupilName=${n.pupilName} .phones=${n.phones} .calls=${n.calls} ?busy=${this.busy}
        placeholder=${t('callNotePlaceholder')} timeZone=${this.timeZone} @asg-call=${(e: CustomEvent<CallDetail>) => this.recordCall(e.detail)}></asg-call-record>
    </div>`
  }

  private toggle(pupilId: number) {
    const next = new Set(this.unselected)
    if (next.has(pupilId)) next.delete(pupilId)
    else next.add(pupilId)
    this.unselected = next
  }

  private async send(pupilIds: number[]) {
    this.busy = true
    try {
      const res = await call(routes.office.sendNotices, { body: { pupilIds } })
      // The reasons a pupil was skipped are the server's words.
      this.message = res.skipped.length
        ? t('sentResultSkipped', { n: res.sent.length, skipped: res.skipped.length, why: [...new Set(res.skipped.map((s) => s.why))].join(t('listSeparator')) })
        : t('sentResult', { n: res.sent.length })
      await this.load()
    } catch (err) {
      this.message = err instanceof Error ? err.message : t('sendFailed')
    }
    this.busy = false
  }

  private async recordCall(body: CallDetail) {
    this.busy = true
    try {
      await call(routes.office.recordCall, { body })
      await this.load()
    } catch (err) {
      this.message = err instanceof Error ? err.message : t('recordFailed')
    }
    this.busy = false
  }

  private async load() {
    try {
      this.list = await call(routes.office.notices)
    } catch {
      // The next change or the minute timer tries again.
    }
  }
}

customElements.define('asg-office-notices', AsgOfficeNotices)
declare global {
  interface HTMLElementTagNameMap {
    'asg-office-notices': AsgOfficeNotices
  }
}
