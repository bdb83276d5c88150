import { LitElement, css, html, nothing } from 'lit'
import {
  SAFETY_QUESTIONS,
  SAFETY_SITUATION_LABEL,
  SAFETY_TEMPLATES,
  SafetyTemplate,
  type SafetySituation,
  type SafetyTarget,
  type StartSafetyRequest,
} from '../../../shared/protocol/safety.js'
import type { ClassInfo } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import { templateLabel } from './labels.js'
import { t } from './text.js'

type TargetKind = SafetyTarget['kind']

/**
 * Starting a 安否確認 in two taps: a template (地震, 台風・大雨, 不審者, 火災, 訓練, 自由記述),
 * then 送信. Before sending, the target (the whole school, grades, classes), in or out of
 * school hours (the guardians' questions differ), the title, the message and scheduled
 * reminders can be changed; what families will read is shown as it is.
 * @fires asg-start - detail: StartSafetyRequest, when 送信 is pressed with a complete form
 */
export class AsgSafetyStart extends LitElement {
  static override properties = {
    classes: { attribute: false },
    defaultSituation: { type: String },
    busy: { type: Boolean },
    template: { state: true },
    situation: { state: true },
    targetKind: { state: true },
    grades: { state: true },
    classIds: { state: true },
    title: { state: true },
    message: { state: true },
    reminder: { state: true },
    problem: { state: true },
  }
  declare classes: readonly ClassInfo[]
  /** In school hours on a school day the children are at school. */
  declare defaultSituation: SafetySituation
  declare busy: boolean
  declare template: SafetyTemplate | null
  declare situation: SafetySituation
  declare targetKind: TargetKind
  declare grades: ReadonlySet<number>
  declare classIds: ReadonlySet<number>
  declare title: string
  declare message: string
  declare reminder: 15 | 30 | 60 | null
  declare problem: string

  constructor() {
    super()
    this.classes = []
    this.defaultSituation = 'out_of_school'
    this.busy = false
    this.template = null
    this.situation = 'out_of_school'
    this.targetKind = 'school'
    this.grades = new Set()
    this.classIds = new Set()
    this.title = ''
    this.message = ''
    this.reminder = 30
    this.problem = ''
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; }
      h2 { font-size: 1.15rem; margin: 0 0 0.6rem; }
      .templates { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: 10px; }
      .templates button { min-height: 72px; font-size: 1.2rem; font-weight: 700; }
      .templates button.drill { border: 2px dashed #5b4a9c; color: #5b4a9c; }
      .templates button[aria-pressed='true'] { background: var(--asg-accent); color: #fff; border-color: var(--asg-accent); }
      form { margin-top: 14px; background: var(--asg-surface); border: 2px solid var(--asg-accent); border-radius: var(--asg-radius); padding: 12px 14px; display: grid; gap: 12px; }
      form.drill { border-color: #5b4a9c; }
      .drillmark { font-weight: 800; color: #fff; background: #5b4a9c; border-radius: 6px; padding: 0 0.5em; margin-right: 0.4em; }
      fieldset { border: 1px solid var(--asg-line); border-radius: 8px; padding: 6px 10px 10px; margin: 0; min-width: 0; }
      legend { font-weight: 700; padding: 0 4px; }
      .row { display: flex; flex-wrap: wrap; gap: 6px 14px; }
      .row label { display: inline-flex; align-items: center; gap: 0.35rem; min-height: 44px; }
      .row input { width: 20px; height: 20px; margin: 0; }
      label.field { display: grid; gap: 4px; font-weight: 600; }
      input[type='text'], textarea, select { font: inherit; min-height: 44px; border: 1px solid var(--asg-line); border-radius: 8px; padding: 0 0.6rem; box-sizing: border-box; width: 100%; }
      textarea { min-height: 5rem; padding: 0.5rem; }
      .preview { background: #f6f8fa; border-radius: 8px; padding: 8px 10px; font-size: 0.95rem; }
      .preview p { margin: 0.2rem 0; }
      .actions { display: flex; flex-wrap: wrap; gap: 10px; }
      .actions .primary { flex: 1; min-height: 56px; font-size: 1.2rem; }
      .problem { color: var(--asg-absent); font-weight: 700; margin: 0; }
    `,
  ]

  override render() {
    return html`<h2>${t('startHeading')}</h2>
      <div class="templates" role="group" aria-label=${t('templates')}>
        ${SafetyTemplate.options.map(
          (k) => html`<button type="button" class=${k === 'drill' ? 'drill' : ''} aria-pressed=${this.template === k ? 'true' : 'false'}
            @click=${() => this.choose(k)}>${templateLabel(k)}</button>`,
        )}
      </div>
      ${this.template ? this.renderForm(this.template) : nothing}`
  }

  /** The person chose in or out of school hours themselves: the page's default no longer applies. */
  private situationChosen = false

  protected override willUpdate(changed: Map<string, unknown>): void {
    // The default may arrive after the template was chosen (the day is still loading).
    if (changed.has('defaultSituation') && !this.situationChosen) this.situation = this.defaultSituation
  }

  private choose(k: SafetyTemplate) {
    this.template = k
    // What families read stays as the school wrote it, whatever the page's language.
    this.title = SAFETY_TEMPLATES[k].title
    this.message = SAFETY_TEMPLATES[k].message
    if (!this.situationChosen) this.situation = this.defaultSituation
    this.problem = ''
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('form button.primary')?.focus())
  }

  private renderForm(template: SafetyTemplate) {
    const drill = template === 'drill'
    const grades = [...new Set(this.classes.map((c) => c.grade))].sort((a, b) => a - b)
    const q = SAFETY_QUESTIONS[this.situation]
    const radio = <V extends string>(name: string, value: V, current: V, label: string, set: (v: V) => void) =>
      html`<label><input type="radio" name=${name} .checked=${current === value} @change=${() => set(value)} />${label}</label>`
    return html`<form class=${drill ? 'drill' : ''} @submit=${this.submit} aria-label=${t('formLabel')}>
      <fieldset>
        <legend>${t('target')}</legend>
        <div class="row">
          ${radio<TargetKind>('target', 'school', this.targetKind, t('wholeSchool'), (v) => (this.targetKind = v))}
          ${radio<TargetKind>('target', 'grades', this.targetKind, t('chooseGrades'), (v) => (this.targetKind = v))}
          ${radio<TargetKind>('target', 'classes', this.targetKind, t('chooseClasses'), (v) => (this.targetKind = v))}
        </div>
        ${this.targetKind === 'grades'
          ? html`<div class="row">${grades.map((g) => html`<label><input type="checkbox" name="grade" .checked=${this.grades.has(g)} @change=${() => (this.grades = toggle(this.grades, g))} />${t('grade', { grade: g })}</label>`)}</div>`
          : nothing}
        ${this.targetKind === 'classes'
          ? html`<div class="row">${this.classes.map((c) => html`<label><input type="checkbox" name="class" .checked=${this.classIds.has(c.id)} @change=${() => (this.classIds = toggle(this.classIds, c.id))} />${c.label}</label>`)}</div>`
          : nothing}
      </fieldset>
      <fieldset>
        <legend>${t('childrenAre')}</legend>
        <div class="row">
          ${(['in_school', 'out_of_school'] as const).map((s) => radio('situation', s, this.situation, s === 'in_school' ? t('inSchool') : t('outOfSchool'), (v) => this.chooseSituation(v)))}
        </div>
      </fieldset>
      <label class="field">${t('subject')}<input type="text" name="title" maxlength="100" .value=${this.title} @input=${(e: Event) => (this.title = (e.target as HTMLInputElement).value)} /></label>
      <label class="field">${template === 'free' ? t('messageToGuardiansRequired') : t('messageToGuardians')}<textarea name="message" maxlength="500" .value=${this.message}
        @input=${(e: Event) => (this.message = (e.target as HTMLTextAreaElement).value)}></textarea></label>
      <label class="field">${t('reminderField')}
        <select name="reminder" @change=${(e: Event) => (this.reminder = reminderOf((e.target as HTMLSelectElement).value))}>
          ${[null, 15, 30, 60].map((v) => html`<option value=${v ?? ''} ?selected=${this.reminder === v}>${v ? t('reminderEvery', { n: v }) : t('reminderManual')}</option>`)}
        </select>
      </label>
      <div class="preview" aria-label=${t('preview')}>
        <p>${drill ? html`<span class="drillmark">${t('drill')}</span>` : nothing}<strong>${this.title || SAFETY_TEMPLATES[template].title}</strong>(${SAFETY_SITUATION_LABEL[this.situation]})</p>
        <p>${q.lead}</p>
        <p>${t('previewQuestions', { questions: [q.status, q.whereabouts, q.pickup, q.note].filter(Boolean).join(' / ') })}</p>
      </div>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t('sending') : t('sendTo', { target: this.targetText() })}</button>
        <button type="button" @click=${() => (this.template = null)}>${t('cancel')}</button>
      </div>
    </form>`
  }

  private chooseSituation(v: SafetySituation) {
    this.situation = v
    this.situationChosen = true
  }

  private targetText(): string {
    if (this.targetKind === 'grades') return this.grades.size ? [...this.grades].sort().map((grade) => t('grade', { grade })).join(t('gradeSeparator')) : t('targetChosenGrades')
    if (this.targetKind === 'classes') return this.classIds.size ? t('targetClasses', { n: this.classIds.size }) : t('targetChosenClasses')
    return t('targetSchool')
  }

  private submit = (e: Event) => {
    e.preventDefault()
    const template = this.template
    if (!template) return
    let target: SafetyTarget = { kind: 'school' }
    if (this.targetKind === 'grades') target = { kind: 'grades', grades: [...this.grades] }
    if (this.targetKind === 'classes') target = { kind: 'classes', classIds: [...this.classIds] }
    if (target.kind === 'grades' && target.grades.length === 0) return void (this.problem = t('problemGrades'))
    if (target.kind === 'classes' && target.classIds.length === 0) return void (this.problem = t('problemClasses'))
    if (template === 'free' && !this.message.trim()) return void (this.problem = t('problemMessage'))
    this.problem = ''
    const detail: StartSafetyRequest = { template, situation: this.situation, target, title: this.title.trim(), message: this.message.trim(), reminderEveryMinutes: this.reminder }
    this.dispatchEvent(new CustomEvent<StartSafetyRequest>('asg-start', { detail, bubbles: true, composed: true }))
  }
}

function toggle<T>(set: ReadonlySet<T>, v: T): Set<T> {
  const next = new Set(set)
  if (next.has(v)) next.delete(v)
  else next.add(v)
  return next
}

const reminderOf = (v: string) => (v === '15' ? 15 : v === '30' ? 30 : v === '60' ? 60 : null)

customElements.define('asg-safety-start', AsgSafetyStart)
declare global {
  interface HTMLElementTagNameMap {
    'asg-safety-start': AsgSafetyStart
  }
}
