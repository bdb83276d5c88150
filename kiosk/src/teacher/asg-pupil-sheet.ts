import { LitElement, css, html, nothing } from 'lit'
import { refusalText } from '../lib/api.js'
import { changedAfterAcknowledgement } from '../../../shared/domain/dayReports.js'
import type { DayEntry, ErrorCode, HistoryItem, PupilHistory, Reason, ReportKind, RosterPupil } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import { dayText, instantText, rangeText, timeText } from '../lib/staffLanguage.js'
import { statusText } from '../components/day-words.js'
import { REPORT_KIND_TEXT, STATUS_LABEL, statusColours } from './day-view.js'
import './asg-report-thread.js'
import { nowTime, type RunCommand } from './roll-view.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import { t } from './text.js'

const SOURCE: Record<string, string> = {
  guardian: t('historyByGuardian'),
  phone: t('historyByPhone'),
  teacher: t('historyByTeacher'),
  office: t('historyByOffice'),
  system: t('historyByAutomatic'),
}

/**
 * One pupil, opened from the roll call: today's guardian reports as a thread (each with its
 * 確認), 遅刻/早退 with a time, back to 出席, a report taken by phone (電話), a staff-only
 * note, and the history of this school year, newest first.
 * Sends its own commands through `run` and shows their errors in place.
 * @fires asg-close - when the sheet should close
 * @fires asg-acknowledge - detail: { reportId }, from the thread, when the teacher taps 確認
 */
export class AsgPupilSheet extends LitElement {
  static override properties = {
    pupil: { attribute: false },
    entry: { attribute: false },
    reasons: { attribute: false },
    run: { attribute: false },
    timeZone: { type: String },
    editable: { type: Boolean },
    history: { state: true },
    error: { state: true },
    done: { state: true },
    busy: { state: true },
  }
  declare pupil: RosterPupil | null
  declare entry: DayEntry | null
  declare reasons: readonly Reason[]
  declare run: RunCommand | null
  declare timeZone: string
  declare editable: boolean
  declare history: PupilHistory | null
  declare error: string
  declare done: string
  declare busy: boolean

  constructor() {
    super()
    this.pupil = null
    this.entry = null
    this.reasons = []
    this.run = null
    this.timeZone = SCHOOL_ZONE
    this.editable = false
    this.history = null
    this.error = ''
    this.done = ''
    this.busy = false
  }

  static override styles = [
    tokens,
    buttons,
    statusColours,
    css`
      :host { position: fixed; inset: 0; z-index: 20; background: rgb(0 0 0 / 0.35); display: flex; align-items: flex-end; justify-content: center; }
      .sheet { background: var(--asg-bg); width: min(100%, 40rem); max-height: 92vh; overflow: auto; border-radius: 16px 16px 0 0; padding: 1rem 1rem 2rem; box-sizing: border-box; }
      .top { display: flex; align-items: center; gap: 0.6rem; }
      h2 { margin: 0; font-size: 1.25rem; }
      .top button { margin-left: auto; }
      .status { font-weight: 700; border-radius: 6px; padding: 0.1em 0.6em; }
      section { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 0.7rem; margin-top: 0.7rem; display: grid; gap: 0.5rem; }
      h3 { margin: 0; font-size: 1rem; }
      .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
      input, select, textarea { font: inherit; min-height: 44px; border: 1px solid var(--asg-line); border-radius: 8px; padding: 0 0.6rem; background: #fff; box-sizing: border-box; }
      input[type='time'] { width: 9.5rem; }
      textarea { width: 100%; min-height: 4.5rem; padding: 0.5rem; }
      .error { color: var(--asg-absent); font-weight: 700; margin: 0.5rem 0 0; }
      .done { color: var(--asg-ok); font-weight: 700; margin: 0.5rem 0 0; }
      ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.4rem; }
      ol li { border-left: 3px solid var(--asg-line); padding: 0.1rem 0 0.1rem 0.6rem; font-size: 0.92rem; }
      ol li.note { border-left-color: var(--asg-accent); }
      ol li.report { border-left-color: var(--asg-late); }
      .when { color: var(--asg-ink-soft); font-size: 0.8rem; }
      .changed-mark { font-size: 0.78rem; font-weight: 700; color: #fff; background: var(--asg-absent); border-radius: 999px; padding: 0.05em 0.6em; }
    `,
  ]

  override connectedCallback(): void {
    super.connectedCallback()
    void this.loadHistory()
  }

  override render() {
    const p = this.pupil
    if (!p) return nothing
    const e = this.entry
    return html`<div class="sheet" role="dialog" aria-modal="true" aria-label=${p.name}>
      <div class="top">
        <h2>${p.attendanceNumber}. ${p.name}</h2>
        ${e ? html`<span class="status st-${e.status}">${statusText(e)}${e.time ? ` ${timeText(e.time)}` : ''}</span>` : html`<span class="status st-present">${STATUS_LABEL.present}</span>`}
        <button @click=${this.close}>${t('close')}</button>
      </div>
      ${e && e.reports.length > 0
        ? html`<section aria-label=${t('todayReports')}>
            <h3>${e.reports.length > 1 ? t('todayReportsCount', { n: e.reports.length }) : t('todayReports')}${changedAfterAcknowledgement(e.reports) ? html` <span class="changed-mark">${t('changedAfterAcknowledgement')}</span>` : nothing}</h3>
            <asg-report-thread .reports=${e.reports} .timeZone=${this.timeZone} ?editable=${this.editable}></asg-report-thread>
          </section>`
        : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.done ? html`<p class="done" role="status">${this.done}</p>` : nothing}
      ${this.editable ? this.renderActions() : nothing}
      <section aria-label=${t('historyLabel')}>
        <h3>${t('historyHeading')}</h3>
        ${this.history ? this.renderHistory(this.history.items) : html`<span class="when">${t('loading')}</span>`}
      </section>
    </div>`
  }

  private renderActions() {
    const now = nowTime(this.timeZone)
    return html`
      <section aria-label=${t('lateOrEarly')}>
        <h3>${t('lateOrEarly')}</h3>
        <div class="row">
          <input type="time" name="late" .value=${now.padStart(5, '0')} aria-label=${t('arrivalTime')} />
          <button ?disabled=${this.busy} @click=${() => this.mark('late', 'late')}>${t('markLate')}</button>
        </div>
        <div class="row">
          <input type="time" name="early" .value=${now.padStart(5, '0')} aria-label=${t('leavingTime')} />
          <button ?disabled=${this.busy} @click=${() => this.mark('early_leave', 'early')}>${t('markEarlyLeave')}</button>
          <button ?disabled=${this.busy} @click=${() => this.mark('present')}>${t('backToPresent')}</button>
        </div>
      </section>
      <section aria-label=${t('phoneLabel')}>
        <h3>${t('phoneHeading')}</h3>
        <div class="row">
          <select name="kind" aria-label=${t('kindLabel')}>${(['absent', 'late', 'early_leave'] as ReportKind[]).map((k) => html`<option value=${k}>${REPORT_KIND_TEXT[k]}</option>`)}</select>
          <select name="reason" aria-label=${t('reasonLabel')}>${this.reasons.map((r) => html`<option value=${r.id}>${r.label}</option>`)}</select>
          <input type="time" name="phoneTime" aria-label=${t('phoneTimeLabel')} />
        </div>
        <textarea name="phoneMessage" placeholder=${t('phonePlaceholder')}></textarea>
        <div class="row"><button class="primary" ?disabled=${this.busy} @click=${this.phone}>${t('recordPhone')}</button></div>
      </section>
      <section aria-label=${t('noteLabel')}>
        <h3>${t('noteHeading')}</h3>
        <textarea name="note" placeholder=${t('notePlaceholder')}></textarea>
        <div class="row"><button ?disabled=${this.busy} @click=${this.note}>${t('saveNote')}</button></div>
      </section>`
  }

  private renderHistory(items: readonly HistoryItem[]) {
    if (items.length === 0) return html`<span class="when">${t('noRecords')}</span>`
    return html`<ol>
      ${items.map((i) => {
        const when = html`<span class="when">${instantText(i.at)}</span>`
        if (i.type === 'note') return html`<li class="note">${when} ${t('historyNote', { by: i.by, body: i.body })}</li>`
        if (i.type === 'report') {
          const days = rangeText(i.fromDate, i.toDate)
          return html`<li class="report">${when} ${t('historyReport', { days, kind: REPORT_KIND_TEXT[i.kind], reason: i.reasonLabel })}${i.time ? ` ${timeText(i.time)}` : ''}${i.withdrawn ? t('historyWithdrawn') : ''}${i.replacedDays.length > 0 ? t('historyReplaced', { days: i.replacedDays.map((d) => dayText(d)).join(t('listSeparator')) }) : ''}${i.message ? html`<br />${t('quoted', { text: i.message })}` : nothing}</li>`
        }
        const source = i.by ? t('historySourceBy', { source: SOURCE[i.source] ?? '', by: i.by }) : t('historySource', { source: SOURCE[i.source] ?? '' })
        return html`<li>${when} ${dayText(i.date)} ${i.codeLabel ?? t('historyMarkedPresent')}${i.time ? ` ${timeText(i.time)}` : ''}${source}${i.note ? ` ${i.note}` : ''}</li>`
      })}
    </ol>`
  }

  private value(name: string): string {
    return (this.renderRoot.querySelector(`[name="${name}"]`) as HTMLInputElement | null)?.value ?? ''
  }

  private async act(work: () => Promise<{ ok: boolean; error?: { code: ErrorCode; message: string } }>, done: string) {
    this.busy = true
    this.error = ''
    this.done = ''
    const res = await work()
    this.busy = false
    if (!res.ok) this.error = res.error ? refusalText(res.error) : t('actionFailed')
    else {
      this.done = done
      void this.loadHistory()
    }
    return res.ok
  }

  private async mark(mark: 'late' | 'early_leave' | 'present', timeField?: string) {
    const p = this.pupil
    if (!p || !this.run) return
    const time = timeField ? this.value(timeField).replace(/^0(\d)/, '$1') || null : null
    await this.act(() => this.run!('pupil:mark', { pupilId: p.pupilId, mark, time }), mark === 'present' ? t('markedPresent') : t('recorded'))
  }

  private async phone() {
    const p = this.pupil
    if (!p || !this.run) return
    const kind = this.value('kind') as ReportKind
    const time = this.value('phoneTime').replace(/^0(\d)/, '$1') || null
    await this.act(() => this.run!('report:phone', { pupilId: p.pupilId, kind, reasonId: Number(this.value('reason')), time, message: this.value('phoneMessage') }), t('phoneRecorded'))
  }

  private async note() {
    const p = this.pupil
    if (!p || !this.run) return
    const ok = await this.act(() => this.run!('pupil:note', { pupilId: p.pupilId, body: this.value('note') }), t('noteSaved'))
    if (ok) (this.renderRoot.querySelector('[name="note"]') as HTMLTextAreaElement).value = ''
  }

  private async loadHistory() {
    const p = this.pupil
    if (!p || !this.run) return
    const res = await this.run('pupil:history', { pupilId: p.pupilId })
    if (res.ok) this.history = res.history
    else this.error = refusalText(res.error)
  }

  private close() {
    this.dispatchEvent(new CustomEvent('asg-close', { bubbles: true, composed: true }))
  }
}

customElements.define('asg-pupil-sheet', AsgPupilSheet)
declare global {
  interface HTMLElementTagNameMap {
    'asg-pupil-sheet': AsgPupilSheet
  }
  interface HTMLElementEventMap {
    'asg-close': CustomEvent<unknown>
  }
}
