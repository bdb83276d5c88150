import { LitElement, css, html, nothing } from 'lit'
import { checkAnswers, type AnswerProblem } from '../../../shared/domain/surveyAnswers.js'
import type { GuardianSurvey, GuardianSurveySubject, SurveyAnswers, SurveyQuestion } from '../../../shared/protocol/surveys.js'
import { routes } from '../../../shared/protocol/routes.js'
import { ApiError, call } from '../lib/api.js'
import { buttons, tokens } from '../lib/styles.js'
import { errorText, type Locale } from './messages.js'
import { clearSurveyDraft, loadSurveyDraft, saveSurveyDraft } from './survey-draft.js'
import { surveyTexts } from './survey-texts.js'
import { guardianStyles } from './styles.js'

/**
 * The answer form of one survey for one child (or, per family, for the family): each question
 * as the school wrote it, checked here with the server's own rule before sending. What is typed
 * is kept in the browser until sent. In `preview` the staff builder shows it without sending.
 * @fires asg-survey-answered - the answer was saved
 * @fires asg-cancel - the guardian closed the form
 * @fires asg-unauthenticated - the session ran out
 */
export class AsgSurveyForm extends LitElement {
  static override properties = {
    survey: { attribute: false },
    subject: { attribute: false },
    locale: { type: String },
    preview: { type: Boolean },
    values: { state: true },
    problems: { state: true },
    busy: { state: true },
    error: { state: true },
  }
  declare survey: GuardianSurvey
  declare subject: GuardianSurveySubject
  declare locale: Locale
  declare preview: boolean
  declare values: SurveyAnswers
  declare problems: Record<string, AnswerProblem>
  declare busy: boolean
  declare error: string

  constructor() {
    super()
    this.locale = 'ja'
    this.preview = false
    this.values = {}
    this.problems = {}
    this.busy = false
    this.error = ''
  }

  static override styles = [
    tokens,
    buttons,
    guardianStyles,
    css`
      form { display: grid; gap: 14px; }
      fieldset { border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 10px 12px 12px; margin: 0; min-width: 0; }
      fieldset.bad { border-color: var(--asg-absent); }
      legend { font-weight: 700; padding: 0 4px; overflow-wrap: anywhere; }
      .badge { display: inline-block; font-size: 0.8rem; font-weight: 600; border-radius: 4px; padding: 0 6px; margin-left: 6px; vertical-align: 1px; }
      .badge.req { background: var(--asg-absent-bg); color: var(--asg-absent); }
      .badge.opt { background: #eef0f3; color: var(--asg-ink-soft); }
      .choices { display: grid; gap: 8px; }
      .choice { display: flex; align-items: center; gap: 10px; min-height: 44px; padding: 4px 10px; border: 1px solid var(--asg-line); border-radius: 8px; background: var(--asg-surface); overflow-wrap: anywhere; }
      .choice:has(input:checked) { border-color: var(--asg-accent); background: var(--asg-accent-bg); font-weight: 700; }
      .choice input { width: 22px; height: 22px; flex: none; margin: 0; }
      input.field { font: inherit; min-height: 44px; border: 1px solid var(--asg-line); border-radius: 8px; padding: 0 0.6rem; box-sizing: border-box; width: 100%; }
      .row { display: flex; align-items: center; gap: 8px; }
      .row input.field { max-width: 10em; }
      .hint { color: var(--asg-ink-soft); font-size: 0.9rem; margin: 4px 0 0; }
      .summary { border: 2px solid var(--asg-absent); border-radius: var(--asg-radius); padding: 8px 12px; background: var(--asg-absent-bg); }
      .summary:focus { outline: 3px solid #ffbf47; }
      .buttons { display: grid; gap: 10px; }
    `,
  ]

  override connectedCallback(): void {
    super.connectedCallback()
    this.values = (!this.preview && loadSurveyDraft(this.survey.id, this.subject.pupilId)) || { ...(this.subject.answers ?? {}) }
  }

  override render() {
    const t = surveyTexts(this.locale)
    const count = Object.keys(this.problems).length
    return html`<form novalidate @submit=${this.onSubmit} @input=${this.onInput} @change=${this.onInput}>
      ${count > 0
        ? html`<div class="summary" role="alert" tabindex="-1"><strong>${t.errorSummary(count)}</strong></div>`
        : nothing}
      ${this.survey.questions.map((q) => this.question(q))}
      ${this.error ? html`<p class="error-box" role="alert">${this.error}</p>` : nothing}
      ${this.preview
        ? nothing
        : html`<p class="hint">${t.draftKept}</p>
            <div class="buttons">
              <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t.sending : t.send}</button>
              <button type="button" @click=${this.onCancel}>${t.cancel}</button>
            </div>`}
    </form>`
  }

  private question(q: SurveyQuestion) {
    const t = surveyTexts(this.locale)
    const problem = this.problems[q.id]
    const name = `q-${q.id}`
    const errId = `${name}-error`
    const v = this.values[q.id]
    const described = problem ? errId : nothing
    return html`<fieldset class=${problem ? 'bad' : ''} data-question=${q.id} aria-describedby=${described}>
      <legend><span lang="ja">${q.label}</span><span class="badge ${q.required ? 'req' : 'opt'}">${q.required ? t.required : t.optional}</span></legend>
      ${problem ? html`<p class="error" id=${errId}>${t.problem(problem)}</p>` : nothing}
      ${q.kind === 'single' || q.kind === 'multiple'
        ? html`${q.kind === 'multiple' ? html`<p class="hint">${t.chooseMany}</p>` : nothing}
            <div class="choices">
              ${q.options.map((o, i) => html`<label class="choice" lang="ja">
                <input type=${q.kind === 'single' ? 'radio' : 'checkbox'} name=${name} value=${i}
                  .checked=${q.kind === 'single' ? v === i : Array.isArray(v) && v.includes(i)} />${o}</label>`)}
            </div>`
        : nothing}
      ${q.kind === 'number'
        ? html`<div class="row"><input class="field" type="number" inputmode="decimal" step="any" name=${name} aria-label=${q.label}
              min=${q.min ?? nothing} max=${q.max ?? nothing} .value=${typeof v === 'number' ? String(v) : typeof v === 'string' ? v : ''} />
            <span lang="ja">${q.unit}</span></div>
            ${q.min !== null || q.max !== null ? html`<p class="hint">${t.numberRange(q.min === null ? '' : String(q.min), q.max === null ? '' : String(q.max))}</p>` : nothing}`
        : nothing}
      ${q.kind === 'text'
        ? html`<input class="field" type="text" name=${name} aria-label=${q.label} maxlength=${q.maxLength} .value=${typeof v === 'string' ? v : ''} />
            <p class="hint">${t.charsMax(q.maxLength)}</p>`
        : nothing}
      ${q.kind === 'date' ? html`<input class="field" type="date" name=${name} aria-label=${q.label} .value=${typeof v === 'string' ? v : ''} />` : nothing}
    </fieldset>`
  }

  /** Reads the form into answers of the questions' shapes. */
  private read(): SurveyAnswers {
    const out: SurveyAnswers = {}
    for (const q of this.survey.questions) {
      const inputs = [...this.renderRoot.querySelectorAll<HTMLInputElement>(`[name="q-${q.id}"]`)]
      if (q.kind === 'single') {
        const checked = inputs.find((i) => i.checked)
        if (checked) out[q.id] = Number(checked.value)
      } else if (q.kind === 'multiple') {
        const checked = inputs.filter((i) => i.checked).map((i) => Number(i.value))
        if (checked.length) out[q.id] = checked
      } else {
        const input = inputs[0]
        const raw = input?.value.trim() ?? ''
        // A number field holding letters reads as empty: say "not a number" rather than "required".
        if (q.kind === 'number' && input?.validity.badInput) out[q.id] = raw || 'x'
        else if (raw !== '') out[q.id] = q.kind === 'number' ? Number(raw) : raw
      }
    }
    return out
  }

  private onInput() {
    this.values = this.read()
    if (!this.preview) saveSurveyDraft(this.survey.id, this.subject.pupilId, this.values)
    // Once shown, problems follow the answers as they are corrected.
    if (Object.keys(this.problems).length) this.problems = checkAnswers(this.survey.questions, this.values).problems
  }

  private onCancel() {
    this.dispatchEvent(new CustomEvent('asg-cancel', { bubbles: true, composed: true }))
  }

  private async onSubmit(e: Event) {
    e.preventDefault()
    if (this.preview || this.busy) return
    const answers = this.read()
    const { problems } = checkAnswers(this.survey.questions, answers)
    this.problems = problems
    if (Object.keys(problems).length) {
      await this.updateComplete
      this.renderRoot.querySelector<HTMLElement>('.summary')?.focus()
      return
    }
    this.busy = true
    this.error = ''
    try {
      await call(routes.guardianSurveys.answer, { params: { id: this.survey.id }, body: { pupilId: this.subject.pupilId, answers } })
      clearSurveyDraft(this.survey.id, this.subject.pupilId)
      this.dispatchEvent(new CustomEvent('asg-survey-answered', { bubbles: true, composed: true }))
    } catch (err) {
      if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') this.dispatchEvent(new CustomEvent('asg-unauthenticated', { bubbles: true, composed: true }))
      this.error = errorText(err, this.locale)
    }
    this.busy = false
  }
}

customElements.define('asg-survey-form', AsgSurveyForm)
declare global {
  interface HTMLElementTagNameMap {
    'asg-survey-form': AsgSurveyForm
  }
}
