import { LitElement, css, html, nothing, type PropertyValues } from 'lit'
import type { GuardianNotice, NoticeAnswerKind, Reason } from '../../../shared/protocol/index.js'
import { formatDay, formatInstant, formatTime } from './dates.js'
import { errorText, messages, type Locale } from './messages.js'
import { ApiError, call } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { buttons, tokens } from '../lib/styles.js'

const ANSWERS: NoticeAnswerKind[] = ['late', 'absent', 'should_be_at_school', 'will_call']

/**
 * The school's "your child has not arrived" notices on the guardian page, answered
 * with one tap (遅刻します + time, 欠席します + reason, 登校しているはずです, 学校に電話します)
 * and an optional message. Shows nothing when there are no notices.
 * @fires asg-unauthenticated - the session ran out
 */
export class AsgGuardianNotices extends LitElement {
  static override properties = {
    locale: { type: String },
    changes: { type: Number },
    reasons: { attribute: false },
    notices: { state: true },
    choice: { state: true },
    error: { state: true },
    busy: { state: true },
  }
  declare locale: Locale
  /** How many times the page's socket said something of the family changed: each time, the list is read again. */
  declare changes: number
  declare reasons: readonly Reason[]
  declare notices: GuardianNotice[]
  /** The answer being filled in, per notice. */
  declare choice: Record<number, NoticeAnswerKind>
  declare error: string
  declare busy: boolean

  constructor() {
    super()
    this.locale = 'ja'
    this.reasons = []
    this.notices = []
    this.choice = {}
    this.error = ''
    this.busy = false
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; }
      .notice { background: #fff4f0; border: 2px solid var(--asg-not-arrived-bg); border-radius: var(--asg-radius); padding: 14px; margin: 0 0 16px; }
      .notice.done { background: var(--asg-surface); border-color: var(--asg-line); }
      h2 { margin: 0 0 6px; font-size: 1.1rem; }
      .body { white-space: pre-wrap; margin: 0 0 10px; }
      .answers { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 8em), 1fr)); gap: 8px; }
      .answers button { white-space: normal; overflow-wrap: anywhere; }
      .answers button[aria-pressed='true'] { background: var(--asg-accent); color: #fff; border-color: var(--asg-accent); font-weight: 700; }
      label { display: grid; gap: 4px; margin-top: 10px; font-weight: 600; }
      input, select, textarea { font: inherit; min-height: 44px; border: 1px solid var(--asg-line); border-radius: 8px; padding: 0 0.6rem; box-sizing: border-box; width: 100%; }
      textarea { min-height: 4rem; padding: 0.5rem; }
      .send { margin-top: 12px; width: 100%; }
      .muted { color: var(--asg-ink-soft); font-size: 0.9rem; }
      .error { color: var(--asg-absent); font-weight: 700; }
      .answered { font-weight: 700; color: var(--asg-ok); }
    `,
  ]

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  // A notice sent while the page is open changes the child's day: a family event.
  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('changes') && this.hasUpdated) void this.load()
  }

  override render() {
    if (this.notices.length === 0) return nothing
    return html`${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.notices.map((n) => (n.open ? this.renderOpen(n) : this.renderDone(n)))}`
  }

  private renderOpen(n: GuardianNotice) {
    const m = messages(this.locale)
    const c = this.choice[n.id]
    return html`<section class="notice" data-notice=${n.id} aria-labelledby="notice-${n.id}">
      <h2 id="notice-${n.id}">${this.heading(n)}</h2>
      ${this.schoolText(n)}
      <div class="answers" role="group" aria-label=${m.answersLabel}>
        ${ANSWERS.map((a) => html`<button type="button" aria-pressed=${c === a ? 'true' : 'false'} @click=${() => (this.choice = { ...this.choice, [n.id]: a })}>${m.answer[a]}</button>`)}
      </div>
      ${c === 'late' ? html`<label>${m.noticeArrivalTime}<input type="time" name="time-${n.id}" /></label>` : nothing}
      ${c === 'absent'
        ? html`<label>${m.noticeReason}<select name="reason-${n.id}">${this.reasons.map((r) => html`<option value=${r.id} lang="ja">${r.label}</option>`)}</select></label>`
        : nothing}
      ${c ? html`<label>${m.noticeMessage}<textarea name="message-${n.id}"></textarea></label>
            <button class="primary send" ?disabled=${this.busy} @click=${() => this.answer(n, c)}>${m.noticeSend}</button>` : nothing}
    </section>`
  }

  /** The school's own words: as they are in Japanese; in another language under an explanation, marked as Japanese. */
  private schoolText(n: GuardianNotice) {
    const m = messages(this.locale)
    if (this.locale === 'ja') return html`<p class="body">${n.body}</p>`
    return html`<p>${m.noticeIntro(n.pupilName)}</p>
      <details>
        <summary>${m.noticeOriginal}</summary>
        <p class="body" lang="ja"><strong>${n.subject}</strong><br />${n.body}</p>
      </details>`
  }

  /** In Japanese the school's own subject; otherwise the same fact in the guardian's language. */
  private heading(n: GuardianNotice) {
    return this.locale === 'ja' ? n.subject : messages(this.locale).noticeHeading(n.pupilName, formatDay(n.date, this.locale))
  }

  private renderDone(n: GuardianNotice) {
    const m = messages(this.locale)
    return html`<section class="notice done" data-notice=${n.id} aria-labelledby="notice-${n.id}">
      <h2 id="notice-${n.id}">${this.heading(n)}</h2>
      <p class="muted">${m.noticeReceivedAt(formatInstant(n.sentAt, this.locale))}</p>
      ${n.answer
        ? html`<p class="answered">${m.noticeAnswered(`${m.answer[n.answer]}${n.answerTime ? ` ${formatTime(n.answerTime, this.locale)}` : ''}`)}</p>`
        : html`<p class="muted">${m.noticeClosed}</p>`}
    </section>`
  }

  private field(name: string): string {
    return (this.renderRoot.querySelector(`[name="${name}"]`) as HTMLInputElement | null)?.value ?? ''
  }

  private async answer(n: GuardianNotice, answer: NoticeAnswerKind) {
    this.busy = true
    this.error = ''
    try {
      const time = answer === 'late' ? this.field(`time-${n.id}`).replace(/^0(\d)/, '$1') || null : null
      const reasonId = answer === 'absent' ? Number(this.field(`reason-${n.id}`)) || null : null
      await call(routes.guardian.answerNotice, { params: { id: n.id }, body: { answer, time, reasonId, message: this.field(`message-${n.id}`) } })
      await this.load()
    } catch (err) {
      if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') this.dispatchEvent(new CustomEvent('asg-unauthenticated', { bubbles: true, composed: true }))
      this.error = err instanceof ApiError ? errorText(err, this.locale) : messages(this.locale).noticeSendFailed
    }
    this.busy = false
  }

  private async load() {
    try {
      this.notices = (await call(routes.guardian.notices)).notices
    } catch {
      // Notices are an extra on this page: the reports still work without them.
    }
  }
}

customElements.define('asg-guardian-notices', AsgGuardianNotices)
declare global {
  interface HTMLElementTagNameMap {
    'asg-guardian-notices': AsgGuardianNotices
  }
}
