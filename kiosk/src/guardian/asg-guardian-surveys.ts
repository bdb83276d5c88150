import { LitElement, css, html, nothing, type PropertyValues } from 'lit'
import { answerText } from '../../../shared/domain/surveyAnswers.js'
import type { GuardianSurvey, GuardianSurveySubject } from '../../../shared/protocol/surveys.js'
import { routes } from '../../../shared/protocol/routes.js'
import { ApiError, call } from '../lib/api.js'
import { buttons, tokens, visuallyHidden } from '../lib/styles.js'
import './asg-survey-form.js'
import { formatInstant } from './dates.js'
import type { Locale } from './messages.js'
import { surveyTexts } from './survey-texts.js'
import { guardianStyles } from './styles.js'

/**
 * The family's surveys on the guardian page: each open survey with, per child (or once for the
 * family), what was answered and a button to answer or change it until the deadline; closed
 * ones show the answers given. Shows nothing when there are none.
 * @fires asg-unauthenticated - the session ran out
 */
export class AsgGuardianSurveys extends LitElement {
  static override properties = {
    locale: { type: String },
    changes: { type: Number },
    surveys: { state: true },
    editing: { state: true },
    saved: { state: true },
  }
  declare locale: Locale
  /** How many times the page's socket said something of the family changed: each time, the list is read again. */
  declare changes: number
  declare surveys: GuardianSurvey[]
  /** `surveyId:pupilId` of the form that is open. */
  declare editing: string
  /** Said once after sending (a polite live region). */
  declare saved: string

  constructor() {
    super()
    this.locale = 'ja'
    this.surveys = []
    this.editing = ''
    this.saved = ''
  }

  static override styles = [
    tokens,
    buttons,
    visuallyHidden,
    guardianStyles,
    css`
      :host { display: block; margin: 0 0 16px; }
      section.survey { background: var(--asg-surface); border: 2px solid var(--asg-accent); border-radius: var(--asg-radius); padding: 14px; margin: 0 0 12px; }
      section.survey.closed { border-color: var(--asg-line); border-width: 1px; }
      h2 { font-size: 1.05rem; margin: 0 0 8px; color: var(--asg-accent); }
      h3 { font-size: 1.1rem; margin: 0 0 4px; overflow-wrap: anywhere; }
      .deadline { font-weight: 700; margin: 0 0 6px; }
      .description { white-space: pre-wrap; margin: 0 0 8px; }
      .subject { border-top: 1px solid var(--asg-line); padding-top: 10px; margin-top: 10px; }
      .who { font-weight: 700; margin: 0 0 4px; overflow-wrap: anywhere; }
      .state { margin: 0 0 6px; }
      .state.done { color: var(--asg-ok); font-weight: 700; }
      .state.todo { color: var(--asg-absent); font-weight: 700; }
      dl { margin: 0 0 8px; display: grid; gap: 2px; }
      dt { color: var(--asg-ink-soft); font-size: 0.9rem; }
      dd { margin: 0 0 6px; overflow-wrap: anywhere; }
      button.go { width: 100%; }
    `,
  ]

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  // A survey published, closed or reminded while the page is open comes as a family event.
  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('changes') && this.hasUpdated) void this.load()
  }

  override render() {
    const t = surveyTexts(this.locale)
    const status = html`<p class=${this.saved ? 'note' : 'visually-hidden'} role="status">${this.saved}</p>`
    if (this.surveys.length === 0) return status
    return html`<h2 id="surveys">${t.heading}</h2>
      ${status}
      ${this.surveys.map((s) => this.survey(s))}`
  }

  private survey(s: GuardianSurvey) {
    const t = surveyTexts(this.locale)
    return html`<section class="survey ${s.open ? '' : 'closed'}" data-survey=${s.id} aria-labelledby="survey-${s.id}">
      <h3 id="survey-${s.id}" lang="ja">${s.title}</h3>
      <p class="deadline">${t.deadline(formatInstant(s.deadline, this.locale))}</p>
      ${s.open ? nothing : html`<p class="muted">${t.closedNote}</p>`}
      ${s.description
        ? this.locale === 'ja'
          ? html`<p class="description">${s.description}</p>`
          : html`<details><summary>${t.original}</summary><p class="description" lang="ja">${s.description}</p></details>`
        : nothing}
      ${s.subjects.map((sub) => this.subject(s, sub))}
    </section>`
  }

  private subject(s: GuardianSurvey, sub: GuardianSurveySubject) {
    const t = surveyTexts(this.locale)
    const key = `${s.id}:${sub.pupilId}`
    const names = sub.names.join('・')
    const editing = this.editing === key && s.open
    return html`<div class="subject" data-subject=${sub.pupilId}>
      <p class="who">${s.per === 'family' ? t.forFamily(names) : t.forChild(names)}</p>
      ${sub.answeredAt
        ? html`<p class="state done">${t.answered(formatInstant(sub.answeredAt, this.locale), sub.answeredBy ?? '')}</p>`
        : html`<p class="state todo">${t.notAnswered}</p>`}
      ${editing
        ? html`<asg-survey-form .survey=${s} .subject=${sub} locale=${this.locale}
            @asg-survey-answered=${() => this.onAnswered()} @asg-cancel=${() => (this.editing = '')}></asg-survey-form>`
        : html`${sub.answers ? this.answers(s, sub) : nothing}
            ${s.open
              ? html`<button class=${sub.answers ? 'go' : 'go primary'} type="button" @click=${() => this.open(key)}>${sub.answers ? t.change : t.answer}</button>`
              : nothing}`}
    </div>`
  }

  private answers(s: GuardianSurvey, sub: GuardianSurveySubject) {
    const t = surveyTexts(this.locale)
    return html`<dl aria-label=${t.yourAnswer}>
      ${s.questions.map((q) => html`<dt lang="ja">${q.label}</dt><dd lang="ja">${answerText(q, sub.answers?.[q.id]) || t.noAnswer}</dd>`)}
    </dl>`
  }

  private async open(key: string) {
    this.editing = key
    this.saved = ''
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>('asg-survey-form')?.scrollIntoView({ block: 'nearest' })
  }

  private async onAnswered() {
    this.editing = ''
    this.saved = surveyTexts(this.locale).saved
    await this.load()
  }

  private async load() {
    try {
      this.surveys = (await call(routes.guardianSurveys.list)).surveys
    } catch (err) {
      if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') this.dispatchEvent(new CustomEvent('asg-unauthenticated', { bubbles: true, composed: true }))
      // Surveys are an extra on this page: the reports still work without them.
    }
  }
}

customElements.define('asg-guardian-surveys', AsgGuardianSurveys)
declare global {
  interface HTMLElementTagNameMap {
    'asg-guardian-surveys': AsgGuardianSurveys
  }
}
