import { LitElement, css, html, nothing } from 'lit'
import { instantTimeText } from '../lib/staffLanguage.js'
import { CALL_OUTCOME_LABEL, type CallEntry, type CallOutcome, type GuardianPhone } from '../../../shared/protocol/notices.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import { buttons, tokens } from '../lib/styles.js'
import { t } from './text.js'

export interface CallDetail {
  pupilId: number
  outcome: CallOutcome
  note: string
}

const OUTCOMES = Object.keys(CALL_OUTCOME_LABEL) as CallOutcome[]

const OUTCOME_KEY = { reached: 'callOutcomeReached', no_answer: 'callOutcomeNoAnswer', left_message: 'callOutcomeLeftMessage' } as const satisfies Record<CallOutcome, string>
/** A call's outcome in the page's language (CALL_OUTCOME_LABEL in Japanese), wherever calls are listed. */
export const callOutcomeText = (o: CallOutcome): string => t(OUTCOME_KEY[o])

/**
 * The office's phone call to one family: the guardians' numbers (tap to call), the calls made so
 * far, and a note with one button per outcome to record the next. The not-arrived call list and
 * the 安否確認 non-responders both use it; the page records the call and passes the new list down.
 * @fires asg-call - detail: CallDetail, a call to record
 */
export class AsgCallRecord extends LitElement {
  static override properties = {
    pupilId: { type: Number },
    pupilName: { type: String },
    phones: { attribute: false },
    calls: { attribute: false },
    recording: { type: Boolean },
    busy: { type: Boolean },
    placeholder: { type: String },
    timeZone: { type: String },
  }
  declare pupilId: number
  /** For the note's accessible name: several of these stand on one page. */
  declare pupilName: string
  declare phones: readonly GuardianPhone[]
  declare calls: readonly CallEntry[]
  /** Whether a call can still be recorded (a closed 安否確認 shows the record only). */
  declare recording: boolean
  declare busy: boolean
  declare placeholder: string
  declare timeZone: string

  constructor() {
    super()
    this.pupilId = 0
    this.pupilName = ''
    this.phones = []
    this.calls = []
    this.recording = true
    this.busy = false
    this.placeholder = t('callNote')
    this.timeZone = SCHOOL_ZONE
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: grid; gap: 0.3rem; }
      .muted { color: var(--asg-ink-soft); font-size: 0.85rem; }
      .phone a { font-weight: 700; font-size: 1.1rem; color: var(--asg-accent); }
      .record { display: flex; flex-wrap: wrap; gap: 6px; }
      .record input { font: inherit; min-height: 44px; border: 1px solid var(--asg-line); border-radius: 8px; padding: 0 0.6rem; flex: 1; min-width: 10rem; }
    `,
  ]

  override render() {
    return html`${this.phones.length
        ? this.phones.map((p) => html`<div class="phone">${p.guardian} <a href="tel:${p.phone}">${p.phone}</a></div>`)
        : html`<div class="muted">${t('callNoPhone')}</div>`}
      ${this.calls.map((c) => html`<div class="muted">${t(c.note ? 'callLineWithNote' : 'callLine', { time: instantTimeText(c.at, this.timeZone), by: c.by, outcome: callOutcomeText(c.outcome), note: c.note })}</div>`)}
      ${this.recording
        ? html`<div class="record">
            <input name="note" placeholder=${this.placeholder} aria-label=${t('callNoteLabel', { name: this.pupilName })} />
            ${OUTCOMES.map((o) => html`<button type="button" ?disabled=${this.busy} @click=${() => this.record(o)}>${callOutcomeText(o)}</button>`)}
          </div>`
        : nothing}`
  }

  private record(outcome: CallOutcome) {
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[name="note"]')
    const note = input?.value ?? ''
    if (input) input.value = ''
    this.dispatchEvent(new CustomEvent<CallDetail>('asg-call', { detail: { pupilId: this.pupilId, outcome, note }, bubbles: true, composed: true }))
  }
}

customElements.define('asg-call-record', AsgCallRecord)
declare global {
  interface HTMLElementTagNameMap {
    'asg-call-record': AsgCallRecord
  }
}
