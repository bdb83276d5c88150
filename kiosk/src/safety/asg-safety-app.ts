import { LitElement, css, html, nothing } from 'lit'
import { can } from '../../../shared/policy/policy.js'
import type { Me } from '../../../shared/protocol/index.js'
import { routes } from '../../../shared/protocol/routes.js'
import { needsSupport, type SafetyBoard, type SafetyDetail, type SafetyOverview, type SafetyReport, type StartSafetyRequest } from '../../../shared/protocol/safety.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import { ReloadOnChange } from '../controllers/reload-on-change.js'
import { call, errorText, hrefOf } from '../lib/api.js'
import { instantText } from '../lib/staffLanguage.js'
import { buttons, tokens } from '../lib/styles.js'
import type { CallDetail } from '../components/asg-call-record.js'
import { instantTimeText } from './labels.js'
import { t } from './text.js'

type Staff = Extract<Me, { kind: 'staff' }>

/** The school day in which the children are normally at school: the default for a new confirmation. */
const SCHOOL_HOURS = { from: 7.5, to: 16 }

/**
 * The staff page for 安否確認 (/safety/): start one from a template, follow the live tally per
 * class, the homeroom teacher's list of their class, the office's 要支援 and non-responders with
 * phone numbers and call records, reminders to non-responders, closing, and the reports (A4, CSV)
 * of past confirmations. The tally comes live with the page's socket (`safety:changed`); the
 * named lists are re-read when it moves.
 */
export class AsgSafetyApp extends LitElement {
  static override properties = {
    me: { state: true },
    overview: { state: true },
    detail: { state: true },
    error: { state: true },
    message: { state: true },
    busy: { state: true },
    closing: { state: true },
    selectedClass: { state: true },
    report: { state: true },
  }
  declare me: Staff | null
  declare overview: SafetyOverview | null
  declare detail: SafetyDetail | null
  declare error: string
  declare message: string
  declare busy: boolean
  /** 締め切る was pressed once: the second press closes. */
  declare closing: boolean
  declare selectedClass: number
  /** The page opened as a printable report (`#report-<id>`). */
  declare report: SafetyReport | null

  private live: ReloadOnChange | null = null

  constructor() {
    super()
    this.me = null
    this.overview = null
    this.detail = null
    this.error = ''
    this.message = ''
    this.busy = false
    this.closing = false
    this.selectedClass = 0
    this.report = null
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; }
      main { display: grid; gap: 14px; max-width: 1100px; }
      .status { background: #b42318; color: #fff; border-radius: var(--asg-radius); padding: 10px 14px; display: flex; flex-wrap: wrap; align-items: center; gap: 6px 14px; }
      .status.drill { background: #5b4a9c; }
      .status h2 { margin: 0; font-size: 1.3rem; }
      .status .mark { font-weight: 800; background: #fff; color: #5b4a9c; border-radius: 6px; padding: 0 0.5em; }
      .status .meta { font-size: 0.9rem; }
      .actions { display: flex; flex-wrap: wrap; gap: 8px; }
      .actions .primary { font-size: 1.05rem; }
      button.danger { background: #fff; color: var(--asg-absent); border: 2px solid var(--asg-absent); font-weight: 700; }
      button.danger.confirm { background: var(--asg-absent); color: #fff; }
      .msg { font-weight: 700; margin: 0; }
      .error { color: var(--asg-absent); font-weight: 700; margin: 0; }
      .lists { display: grid; gap: 12px; }
      @media (min-width: 900px) { .live { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); gap: 14px; align-items: start; } }
      section.recent { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 0.6rem 0.9rem; }
      section.recent h2 { font-size: 1.05rem; margin: 0 0 0.4rem; }
      section.recent ul { list-style: none; margin: 0; padding: 0; }
      section.recent li { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.8rem; padding: 0.4rem 0; border-bottom: 1px solid var(--asg-line); }
      section.recent li:last-child { border-bottom: 0; }
      .drilltag { font-weight: 700; color: #5b4a9c; border: 1px solid #5b4a9c; border-radius: 6px; padding: 0 0.4em; font-size: 0.85rem; }
      .muted { color: var(--asg-ink-soft); font-size: 0.9rem; }
      a.button { display: inline-flex; align-items: center; min-height: 40px; padding: 0 0.9em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); background: var(--asg-surface); color: var(--asg-ink); text-decoration: none; }
      .idle { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 1rem; }
    `,
  ]

  override connectedCallback(): void {
    super.connectedCallback()
    document.title = t('documentTitle')
  }

  override render() {
    if (this.report) return html`<asg-safety-report .report=${this.report}></asg-safety-report>`
    return html`<asg-staff-gate heading=${t('heading')} @asg-staff-ready=${(e: CustomEvent<Staff>) => this.start(e.detail)}>
      ${this.me ? this.renderPage(this.me) : nothing}
    </asg-staff-gate>`
  }

  /** The open confirmation: the live tally from the socket once it has one, else the last read. */
  private get open(): SafetyBoard | null {
    const day = this.live?.day
    if (day?.snapshot) return day.snapshot.safety ?? null
    return this.overview?.open ?? null
  }

  private renderPage(me: Staff) {
    if (!this.overview) return this.error ? html`<p class="error" role="alert">${this.error}</p>` : html`<p>${t('loading')}</p>`
    const open = this.open
    return html`<main>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.message ? html`<p class="msg" role="status">${this.message}</p>` : nothing}
      ${open ? this.renderOpen(me, open) : this.renderIdle(me)}
      ${this.renderRecent(me)}
    </main>`
  }

  private renderIdle(me: Staff) {
    if (!can(me, 'safety.start')) return html`<p class="idle">${t('noneOpen')}</p>`
    const day = this.live?.day.snapshot
    // The day says whether the children are at school now: without it the default could be wrong.
    if (!day) return html`<p class="idle" role="status">${t('connecting')}</p>`
    return html`<asg-safety-start .classes=${day.classes} defaultSituation=${this.defaultSituation()} ?busy=${this.busy}
      @asg-start=${(e: CustomEvent<StartSafetyRequest>) => this.startConfirmation(e.detail)}></asg-safety-start>`
  }

  private defaultSituation(): 'in_school' | 'out_of_school' {
    const snap = this.live?.day.snapshot
    if (!snap?.isSchoolDay) return 'out_of_school'
    const [h, m] = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: snap.timeZone }).format(Date.now()).split(':').map(Number)
    const hours = h! + m! / 60
    return hours >= SCHOOL_HOURS.from && hours < SCHOOL_HOURS.to ? 'in_school' : 'out_of_school'
  }

  private renderOpen(me: Staff, s: SafetyBoard) {
    const zone = this.live?.day.snapshot?.timeZone ?? SCHOOL_ZONE
    const rows = this.detail?.safety.id === s.id ? this.detail.rows : []
    const office = can(me, 'safety.remind')
    const unanswered = rows.filter((r) => !r.answer)
    const support = rows.filter((r) => r.answer && needsSupport(r.answer.status))
    const classRows = this.selectedClass ? rows.filter((r) => r.classId === this.selectedClass) : []
    const className = s.classes.find((c) => c.classId === this.selectedClass)?.label ?? ''
    return html`<div class="status ${s.drill ? 'drill' : ''}">
        ${s.drill ? html`<span class="mark">${t('drill')}</span>` : nothing}
        <h2>${s.title}</h2>
        <span class="meta">${t('sentMeta', { time: instantTimeText(s.startedAt, zone), name: s.startedBy, n: s.reminders })}${s.lastReminderAt ? t('lastReminder', { time: instantTimeText(s.lastReminderAt, zone) }) : ''}${s.reminderEveryMinutes ? t('autoReminder', { n: s.reminderEveryMinutes }) : ''}</span>
      </div>
      <div class="actions">
        ${office
          ? html`<button class="primary" type="button" ?disabled=${this.busy || s.totals.unanswered === 0} @click=${() => this.remind(s.id)}>${t('remindButton', { n: s.totals.unanswered })}</button>`
          : nothing}
        ${can(me, 'safety.close')
          ? html`<button class="danger ${this.closing ? 'confirm' : ''}" type="button" ?disabled=${this.busy} @click=${() => this.close(s.id)}>
              ${this.closing ? t('closeAgain') : t('close')}</button>${this.closing ? html`<button type="button" @click=${() => (this.closing = false)}>${t('cancel')}</button>` : nothing}`
          : nothing}
      </div>
      <div class="live">
        <asg-safety-tally .safety=${s} selected=${this.selectedClass} @asg-select-class=${(e: CustomEvent<{ classId: number }>) => (this.selectedClass = e.detail.classId)}></asg-safety-tally>
        <div class="lists">
          ${office
            ? html`<asg-safety-rows heading=${t('supportHeading')} .rows=${support} timeZone=${zone}></asg-safety-rows>
                <asg-safety-rows class="unanswered" heading=${t('unansweredHeading')} .rows=${unanswered} calls open ?busy=${this.busy} timeZone=${zone}
                  @asg-call=${(e: CustomEvent<CallDetail>) => this.recordCall(e.detail)}></asg-safety-rows>`
            : html`<asg-safety-rows class="mine" heading=${t('myClassHeading')} .rows=${rows} timeZone=${zone}></asg-safety-rows>`}
          ${classRows.length ? html`<asg-safety-rows class="class" heading=${t('classAnswers', { className })} .rows=${classRows} timeZone=${zone}></asg-safety-rows>` : nothing}
        </div>
      </div>`
  }

  private renderRecent(me: Staff) {
    const closed = (this.overview?.recent ?? []).filter((r) => r.closedAt)
    if (closed.length === 0) return nothing
    const report = can(me, 'safety.report')
    const zone = this.live?.day.snapshot?.timeZone ?? SCHOOL_ZONE
    return html`<section class="recent" aria-label=${t('recentHeading')}>
      <h2>${t('recentHeading')}</h2>
      <ul>
        ${closed.map(
          (r) => html`<li data-safety=${r.id}>
            ${r.drill ? html`<span class="drilltag">${t('drill')}</span>` : nothing}<strong>${r.title}</strong>
            <span class="muted">${t('period', { from: instantText(r.startedAt), to: instantTimeText(r.closedAt!, zone) })}</span>
            <span>${t('recentTotals', { answered: r.totals.answered, targets: r.totals.targets, support: r.totals.support })}</span>
            ${report
              ? html`<a class="button" href="/safety/#report-${r.id}" target="_blank" rel="noopener">${t('reportLink')}</a>
                  <a class="button" href=${hrefOf(routes.safety.reportCsv, { params: { id: r.id }, query: { encoding: 'utf8' } })} download>CSV</a>
                  <a class="button" href=${hrefOf(routes.safety.reportCsv, { params: { id: r.id }, query: { encoding: 'sjis' } })} download>${t('csvShiftJis')}</a>`
              : nothing}
          </li>`,
        )}
      </ul>
    </section>`
  }

  private start(me: Staff) {
    this.me = me
    const report = /^#report-(\d+)$/.exec(location.hash)
    if (report) return void this.loadReport(Number(report[1]))
    this.live ??= new ReloadOnChange(this, { relevant: (c) => c.kind === 'safety', reload: () => void this.load(), delayMs: 150 })
    void this.load()
  }

  private async loadReport(id: number) {
    try {
      this.report = await call(routes.safety.report, { params: { id } })
    } catch (err) {
      this.error = errorText(err)
    }
  }

  private async load() {
    try {
      const overview = await call(routes.safety.overview)
      const open = overview.open
      this.detail = open ? await call(routes.safety.detail, { params: { id: open.id } }) : null
      this.overview = overview
      this.error = ''
    } catch (err) {
      this.error = errorText(err)
    }
  }

  private async act(what: () => Promise<string>) {
    this.busy = true
    this.message = ''
    this.error = ''
    try {
      this.message = await what()
      await this.load()
    } catch (err) {
      this.error = errorText(err)
    } finally {
      this.busy = false
    }
  }

  private startConfirmation(body: StartSafetyRequest) {
    void this.act(async () => {
      await call(routes.safety.start, { body })
      return t('started')
    })
  }

  private remind(id: number) {
    void this.act(async () => {
      const r = await call(routes.safety.remind, { params: { id } })
      return t('reminded', { families: r.families, pupils: r.pupils })
    })
  }

  private close(id: number) {
    if (!this.closing) {
      this.closing = true
      return
    }
    this.closing = false
    void this.act(async () => {
      await call(routes.safety.close, { params: { id } })
      return t('closed')
    })
  }

  private recordCall(detail: CallDetail) {
    void this.act(async () => {
      await call(routes.office.recordCall, { body: detail })
      return t('callRecorded')
    })
  }
}

customElements.define('asg-safety-app', AsgSafetyApp)
declare global {
  interface HTMLElementTagNameMap {
    'asg-safety-app': AsgSafetyApp
  }
}
