import { LitElement, css, html, nothing } from 'lit'
import {
  SafetyPickup,
  SafetyStatus,
  SafetyWhereabouts,
  type GuardianSafety,
  type GuardianSafetyChild,
  type SafetyAnswerView,
  type SafetyChildAnswer,
} from '../../../shared/protocol/safety.js'
import { ApiError, call } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { buttons, tokens } from '../lib/styles.js'
import { formatInstant, formatTime } from './dates.js'
import { errorText, messages, type Locale } from './messages.js'
import { guardianStyles } from './styles.js'

/** What the guardian has chosen for one child (or for all of them together). */
interface Draft {
  status: SafetyStatus | null
  whereabouts: SafetyWhereabouts | null
  pickup: SafetyPickup | null
  pickupTime: string
  note: string
}

const TOGETHER = 0
const empty = (): Draft => ({ status: null, whereabouts: null, pickup: null, pickupTime: '', note: '' })
const fromAnswer = (a: SafetyAnswerView | null): Draft =>
  a ? { status: a.status, whereabouts: a.whereabouts, pickup: a.pickup, pickupTime: a.pickupTime ?? '', note: a.note } : empty()
const sameDraft = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b)

/**
 * One safety confirmation (安否確認) on the guardian page: a banner that cannot be missed while it
 * is open (訓練 said in words), one answer per child — siblings together by default — with
 * where they are (outside school hours) or the pick-up (in school hours) and a note; what was
 * answered, by whom and when; changes until the school closes it.
 * @fires asg-safety-answered - the answers were saved; the page re-reads the confirmations
 * @fires asg-unauthenticated - the session ran out
 */
export class AsgGuardianSafety extends LitElement {
  static override properties = {
    safety: { attribute: false },
    locale: { type: String },
    editing: { state: true },
    together: { state: true },
    drafts: { state: true },
    checked: { state: true },
    busy: { state: true },
    error: { state: true },
    sent: { state: true },
  }
  declare safety: GuardianSafety
  declare locale: Locale
  /** The form is open (no answer yet, or 回答を変更する). */
  declare editing: boolean
  /** Siblings answered together: one set of choices for every child. */
  declare together: boolean
  /** By pupil id; TOGETHER holds the shared choices. */
  declare drafts: ReadonlyMap<number, Draft>
  declare checked: boolean
  declare busy: boolean
  declare error: string
  declare sent: boolean

  private preparedFor = -1

  constructor() {
    super()
    this.locale = 'ja'
    this.editing = false
    this.together = true
    this.drafts = new Map()
    this.checked = false
    this.busy = false
    this.error = ''
    this.sent = false
  }

  static override styles = [
    tokens,
    buttons,
    guardianStyles,
    css`
      :host { display: block; margin: 0 0 18px; }
      section { border: 3px solid #b42318; border-radius: var(--asg-radius); background: #fff; overflow: hidden; }
      section.drill { border-color: #5b4a9c; }
      section.closed { border-width: 1px; border-color: var(--asg-line); }
      .band { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; background: #b42318; color: #fff; padding: 10px 14px; }
      .drill .band { background: #5b4a9c; }
      .closed .band { background: #eef0f5; color: var(--asg-ink); }
      .band h2 { margin: 0; font-size: 1.25rem; line-height: 1.35; }
      .mark { font-weight: 800; background: #fff; color: #5b4a9c; border-radius: 6px; padding: 0 8px; white-space: nowrap; }
      .closed .mark { border: 1px solid #5b4a9c; }
      .from { font-size: 0.9rem; width: 100%; }
      .in { padding: 12px 14px 16px; }
      .lead { font-weight: 700; font-size: 1.1rem; margin: 0 0 6px; }
      .body { white-space: pre-wrap; margin: 0 0 8px; }
      .drill-note { background: #ece8fa; color: #3b2f6e; border-radius: 6px; padding: 6px 10px; font-weight: 700; margin: 0 0 10px; }
      fieldset { border: 1px solid var(--asg-line); border-radius: var(--asg-radius); margin: 12px 0 0; padding: 8px 12px 12px; min-width: 0; }
      fieldset.invalid { border-color: var(--asg-absent); box-shadow: 0 0 0 1px var(--asg-absent); }
      legend { font-weight: 700; padding: 0 4px; }
      .who { font-weight: 700; font-size: 1.1rem; margin: 14px 0 0; }
      .grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; }
      .stack { display: grid; gap: 8px; }
      .tile { position: relative; display: flex; align-items: center; justify-content: center; text-align: center; min-height: 52px; box-sizing: border-box;
        padding: 6px 8px; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); background: var(--asg-surface); cursor: pointer;
        font-weight: 700; overflow-wrap: anywhere; -webkit-tap-highlight-color: transparent; }
      .stack .tile { justify-content: flex-start; text-align: left; font-weight: 400; }
      .tile input { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
      .tile:has(input:focus-visible) { outline: 3px solid #ffbf47; outline-offset: 2px; }
      .tile.on { border: 2px solid var(--asg-accent); background: var(--asg-accent-bg); padding: 5px 7px; }
      .stack .tile.on { font-weight: 700; }
      .tile.on.st-safe { border-color: var(--asg-ok); background: #e3f4e4; color: #14602a; }
      .tile.on.st-injured, .tile.on.st-unknown { border-color: var(--asg-absent); background: var(--asg-absent-bg); color: var(--asg-absent); }
      label.field { display: grid; gap: 4px; margin-top: 12px; font-weight: 600; }
      input[type='time'], textarea { font: inherit; min-height: 44px; border: 1px solid var(--asg-line); border-radius: 8px; padding: 0 0.6rem; box-sizing: border-box; width: 100%; background: #fff; }
      textarea { min-height: 4.5rem; padding: 0.5rem; }
      .tile.together { justify-content: flex-start; gap: 10px; text-align: left; margin-top: 4px; }
      .box { flex: none; width: 24px; height: 24px; border: 2px solid var(--asg-ink-soft); border-radius: 6px; display: grid; place-items: center;
        background: #fff; color: #fff; font-size: 16px; line-height: 1; }
      .on .box { background: var(--asg-accent); border-color: var(--asg-accent); }
      .send { width: 100%; margin-top: 14px; font-size: 1.1rem; min-height: 52px; }
      dl { margin: 8px 0 0; display: grid; gap: 8px; }
      .answer { border: 1px solid var(--asg-line); border-radius: 8px; padding: 8px 10px; }
      .answer dt { font-weight: 700; }
      .answer dd { margin: 2px 0 0; }
      .status { font-weight: 700; }
      .status.st-safe { color: var(--asg-ok); }
      .status.st-injured, .status.st-unknown { color: var(--asg-absent); }
      .other { font-size: 0.9rem; color: var(--asg-ink-soft); }
      .ok { color: var(--asg-ok); font-weight: 700; margin: 10px 0 0; }
    `,
  ]

  protected override willUpdate(changed: Map<string, unknown>): void {
    // Fresh data from the server (after sending, or live): start from what is on record.
    if (changed.has('safety') && this.preparedFor !== this.safety.id) this.prepare()
  }

  /** Starts the form from this guardian's answers on record (or the counting one): a change starts from what was said. */
  private prepare() {
    this.preparedFor = this.safety.id
    const drafts = new Map<number, Draft>()
    for (const c of this.safety.children) drafts.set(c.pupilId, fromAnswer(c.mine ?? c.counting))
    const first = this.safety.children[0]
    const all = [...drafts.values()]
    this.together = this.safety.children.length > 1 && all.every((d) => sameDraft(d, all[0]!))
    drafts.set(TOGETHER, first ? drafts.get(first.pupilId)! : empty())
    this.drafts = drafts
    this.editing = this.safety.open && this.safety.children.some((c) => !c.mine && !c.counting)
  }

  override render() {
    const s = this.safety
    const m = messages(this.locale)
    const cls = `${s.drill ? 'drill' : ''} ${s.open ? '' : 'closed'}`
    return html`<section class=${cls} aria-labelledby="safety-${s.id}">
      <div class="band">
        ${s.drill ? html`<span class="mark">${m.safetyDrill}</span>` : nothing}
        <h2 id="safety-${s.id}">${this.locale === 'ja' ? s.title : m.safetyLabel}</h2>
        <span class="from">${m.safetyFrom(formatInstant(s.startedAt, this.locale))}${s.open ? '' : ` — ${m.safetyClosed}`}</span>
      </div>
      <div class="in">
        ${s.drill ? html`<p class="drill-note">${m.safetyDrillNote}</p>` : nothing}
        ${s.open ? html`<p class="lead">${s.situation === 'in_school' ? m.safetyLeadInSchool : m.safetyLeadOutOfSchool}</p>` : nothing}
        ${this.schoolText()}
        ${this.editing && s.open ? this.renderForm() : this.renderAnswers()}
      </div>
    </section>`
  }

  /** The school's own words: as written in Japanese; in another language under an explanation, marked as Japanese. */
  private schoolText() {
    const s = this.safety
    const m = messages(this.locale)
    if (!s.message) return nothing
    if (this.locale === 'ja') return html`<p class="body">${s.message}</p>`
    return html`${s.open ? html`<p>${m.safetyIntro}</p>` : nothing}
      <details>
        <summary>${m.safetyOriginal}</summary>
        <p class="body" lang="ja"><strong>${s.title}</strong><br />${s.message}</p>
      </details>`
  }

  private renderAnswers() {
    const s = this.safety
    const m = messages(this.locale)
    return html`<dl>${s.children.map((c) => this.renderChildAnswer(c))}</dl>
      ${this.sent ? html`<p class="ok" role="status">${m.safetySent}</p>` : nothing}
      ${s.open
        ? html`<p class="muted">${m.safetyCanChange}</p>
            <button class="send" type="button" @click=${this.edit}>${m.safetyEdit}</button>`
        : nothing}`
  }

  private renderChildAnswer(c: GuardianSafetyChild) {
    const m = messages(this.locale)
    const a = c.counting
    const others = c.answers.filter((x) => !x.counts)
    return html`<div class="answer" data-pupil=${c.pupilId}>
      <dt>${m.safetyChild(c.name)}</dt>
      <dd>
        ${a
          ? html`<span class="status st-${a.status}">${m.safetyStatus[a.status]}</span>${this.details(a)}
              <div class="muted">${m.safetyAnsweredAt(formatInstant(a.answeredAt, this.locale))}${c.mine?.counts ? '' : ` · ${m.safetyOtherGuardian(a.guardian)}`}</div>`
          : html`<span class="status">${m.safetyNotAnswered}</span>`}
        ${others.map((o) => html`<div class="other">${m.safetyOtherGuardian(o.guardian)}: ${m.safetyStatus[o.status]}${this.details(o)}</div>`)}
      </dd>
    </div>`
  }

  private details(a: SafetyAnswerView) {
    const m = messages(this.locale)
    const parts = [
      // In school hours the school is where they are: saying so adds nothing.
      a.whereabouts && this.safety.situation === 'out_of_school' ? m.safetyWhereabouts[a.whereabouts] : '',
      a.pickup ? m.safetyPickupChoice[a.pickup] : '',
      a.pickupTime ? formatTime(a.pickupTime, this.locale) : '',
    ].filter(Boolean)
    return html`${parts.length ? ` · ${parts.join(' · ')}` : ''}${a.note ? html`<div class="other">「${a.note}」</div>` : nothing}`
  }

  private renderForm() {
    const s = this.safety
    const m = messages(this.locale)
    const many = s.children.length > 1
    return html`<form novalidate @submit=${this.submit}>
      ${many
        ? html`<label class="tile together ${this.together ? 'on' : ''}"><input type="checkbox" name="together" .checked=${this.together} @change=${this.toggleTogether} /><span
              class="box" aria-hidden="true">${this.together ? '✓' : ''}</span>${m.safetyTogether}</label>`
        : nothing}
      ${this.together || !many
        ? this.renderChoices(many ? TOGETHER : s.children[0]!.pupilId, s.children.map((c) => m.safetyChild(c.name)).join('・'))
        : s.children.map((c) => this.renderChoices(c.pupilId, m.safetyChild(c.name)))}
      ${this.error ? html`<p class="error-box" role="alert">${this.error}</p>` : nothing}
      <button class="primary send" type="submit" ?disabled=${this.busy}>${this.busy ? m.safetySending : s.children.some((c) => c.mine) ? m.safetyChange : m.safetySend}</button>
    </form>`
  }

  /** The questions for one child, or for all of them (key TOGETHER). */
  private renderChoices(key: number, who: string) {
    const s = this.safety
    const m = messages(this.locale)
    const d = this.drafts.get(key) ?? empty()
    const invalid = (missing: boolean) => (this.checked && missing ? 'invalid' : '')
    const radio = <V extends string>(field: 'status' | 'whereabouts' | 'pickup', value: V, label: string, extra = '') =>
      html`<label class="tile ${extra} ${d[field] === value ? 'on' : ''}">
        <input type="radio" name="${field}-${key}" .checked=${d[field] === value} @change=${() => this.set(key, { [field]: value })} />${label}
      </label>`
    const inSchool = s.situation === 'in_school'
    return html`<p class="who" id="who-${key}">${who}</p>
      <fieldset class=${invalid(!d.status)} data-field="status" aria-describedby="who-${key}">
        <legend>${inSchool ? m.safetyStatusInSchool : m.safetyStatusOutOfSchool}</legend>
        <div class="grid">${SafetyStatus.options.map((v) => radio('status', v, m.safetyStatus[v], `st-${v}`))}</div>
        ${this.checked && !d.status ? html`<p class="error">${m.safetyErrStatus}</p>` : nothing}
      </fieldset>
      ${inSchool
        ? html`<fieldset class=${invalid(!d.pickup)} data-field="pickup" aria-describedby="who-${key}">
              <legend>${m.safetyPickup}</legend>
              <div class="stack">${SafetyPickup.options.map((v) => radio('pickup', v, m.safetyPickupChoice[v]))}</div>
              ${this.checked && !d.pickup ? html`<p class="error">${m.safetyErrPickup}</p>` : nothing}
            </fieldset>
            ${d.pickup === 'parent' || d.pickup === 'other_person'
              ? html`<label class="field">${m.safetyPickupTime}<input type="time" name="pickupTime-${key}" .value=${d.pickupTime}
                  @change=${(e: Event) => this.set(key, { pickupTime: (e.target as HTMLInputElement).value })} /></label>`
              : nothing}`
        : html`<fieldset class=${invalid(!d.whereabouts)} data-field="whereabouts" aria-describedby="who-${key}">
            <legend>${m.safetyWhere}</legend>
            <div class="grid">${SafetyWhereabouts.options.map((v) => radio('whereabouts', v, m.safetyWhereabouts[v]))}</div>
            ${this.checked && !d.whereabouts ? html`<p class="error">${m.safetyErrWhere}</p>` : nothing}
          </fieldset>`}
      <label class="field">${m.safetyNote}<textarea name="note-${key}" maxlength="500" .value=${d.note}
        @input=${(e: Event) => this.set(key, { note: (e.target as HTMLTextAreaElement).value })}></textarea></label>`
  }

  private set(key: number, patch: Partial<Draft>) {
    const next = new Map(this.drafts)
    next.set(key, { ...(next.get(key) ?? empty()), ...patch })
    this.drafts = next
  }

  private toggleTogether = (e: Event) => {
    this.together = (e.target as HTMLInputElement).checked
    // Answering separately starts each child from the shared choices.
    if (!this.together) {
      const shared = this.drafts.get(TOGETHER) ?? empty()
      const next = new Map(this.drafts)
      for (const c of this.safety.children) if (!next.get(c.pupilId)?.status) next.set(c.pupilId, { ...shared })
      this.drafts = next
    }
  }

  private edit = async () => {
    this.sent = false
    this.editing = true
    await this.updateComplete
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus()
  }

  /** The answers to send, or null when something is missing (the form then says what). */
  private answers(): SafetyChildAnswer[] | null {
    const s = this.safety
    const inSchool = s.situation === 'in_school'
    const shared = s.children.length > 1 && this.together
    const out: SafetyChildAnswer[] = []
    for (const c of s.children) {
      const d = this.drafts.get(shared ? TOGETHER : c.pupilId) ?? empty()
      if (!d.status || (inSchool ? !d.pickup : !d.whereabouts)) return null
      const pickupTime = inSchool && (d.pickup === 'parent' || d.pickup === 'other_person') && d.pickupTime ? d.pickupTime.replace(/^0(\d)/, '$1') : null
      out.push({ pupilId: c.pupilId, status: d.status, whereabouts: inSchool ? null : d.whereabouts, pickup: inSchool ? d.pickup : null, pickupTime, note: d.note })
    }
    return out
  }

  private submit = async (e: Event) => {
    e.preventDefault()
    this.checked = true
    this.error = ''
    const answers = this.answers()
    if (!answers) {
      await this.updateComplete
      this.renderRoot.querySelector<HTMLElement>('fieldset.invalid input')?.focus()
      return
    }
    this.busy = true
    try {
      await call(routes.guardianSafety.answer, { params: { id: this.safety.id }, body: { answers } })
      this.checked = false
      this.editing = false
      this.sent = true
      // The page re-reads; the new data prepares the form afresh.
      this.preparedFor = -1
      this.dispatchEvent(new CustomEvent('asg-safety-answered', { bubbles: true, composed: true }))
    } catch (err) {
      if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') this.dispatchEvent(new CustomEvent('asg-unauthenticated', { bubbles: true, composed: true }))
      this.error = errorText(err, this.locale)
    } finally {
      this.busy = false
    }
  }
}

customElements.define('asg-guardian-safety', AsgGuardianSafety)
declare global {
  interface HTMLElementTagNameMap {
    'asg-guardian-safety': AsgGuardianSafety
  }
}
