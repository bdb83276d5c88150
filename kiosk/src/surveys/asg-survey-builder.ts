import { LitElement, css, html, nothing } from 'lit'
import { DateTime } from 'luxon'
import { SURVEY_TEMPLATES } from '../../../shared/domain/surveyTemplates.js'
import { SurveyDraft, type GuardianSurvey, type SurveyQuestion, type SurveyTarget, type SurveyTargets } from '../../../shared/protocol/surveys.js'
import { routes } from '../../../shared/protocol/routes.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import '../guardian/asg-survey-form.js'
import { ApiError, call, errorText, fromForm } from '../lib/api.js'
import { buttons, tokens } from '../lib/styles.js'
import './asg-question-editor.js'
import { t } from './text.js'

type Classes = SurveyTargets['classes']

/** The builder's working copy: the deadline and reminder as the school's wall-clock date and time. */
export interface BuilderForm {
  title: string
  description: string
  per: 'child' | 'family'
  target: SurveyTarget
  deadlineDate: string
  deadlineTime: string
  remindDate: string
  remindTime: string
  questions: SurveyQuestion[]
}

const local = (iso: string) => DateTime.fromISO(iso).setZone(SCHOOL_ZONE)
const instant = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: SCHOOL_ZONE }).toISO()

/** A blank survey due a week from today at 17:00 (its はい/いいえ are what families will read, as the school writes it). */
export function blankForm(): BuilderForm {
  const week = DateTime.now().setZone(SCHOOL_ZONE).plus({ days: 7 }).toISODate()!
  return { title: '', description: '', per: 'child', target: { kind: 'school' }, deadlineDate: week, deadlineTime: '17:00', remindDate: '', remindTime: '07:00', questions: [{ id: 'q1', kind: 'single', label: '', required: true, options: ['はい', 'いいえ'] }] }
}

export function formOf(d: SurveyDraft): BuilderForm {
  const deadline = local(d.deadline)
  const remind = d.remindAt ? local(d.remindAt) : null
  return { ...d, deadlineDate: deadline.toISODate()!, deadlineTime: deadline.toFormat('HH:mm'), remindDate: remind?.toISODate() ?? '', remindTime: remind?.toFormat('HH:mm') ?? '07:00' }
}

/**
 * The survey builder: start from a template or blank, write the questions, choose who it goes
 * to, per child or per family, the deadline and an optional reminder; preview it as a guardian
 * will see it on the phone; save as a draft or publish.
 * @fires asg-saved - detail: { id, published } once saved (and published)
 * @fires asg-cancel
 */
export class AsgSurveyBuilder extends LitElement {
  static override properties = {
    classes: { attribute: false },
    surveyId: { attribute: false },
    form: { attribute: false },
    error: { state: true },
    fields: { state: true },
    busy: { state: true },
  }
  declare classes: Classes
  declare surveyId: number | null
  declare form: BuilderForm
  declare error: string
  declare fields: Record<string, string>
  declare busy: boolean

  constructor() {
    super()
    this.classes = []
    this.surveyId = null
    this.form = blankForm()
    this.error = ''
    this.fields = {}
    this.busy = false
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; }
      .cols { display: grid; grid-template-columns: minmax(0, 3fr) minmax(300px, 2fr); gap: 1rem; align-items: start; }
      @media (max-width: 900px) { .cols { grid-template-columns: 1fr; } }
      .templates { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin-bottom: 0.6rem; }
      .templates button { min-height: 36px; padding: 0.2em 0.8em; }
      fieldset { border: 1px solid var(--asg-line); border-radius: var(--asg-radius); background: var(--asg-surface); margin: 0 0 0.7rem; padding: 0.5rem 0.8rem 0.7rem; }
      legend { font-weight: 700; }
      label { display: grid; gap: 2px; font-size: 0.9rem; margin-top: 0.3rem; }
      label.inline { display: inline-flex; align-items: center; gap: 0.3rem; margin-right: 0.8rem; }
      input, textarea, select { font: inherit; border: 1px solid var(--asg-line); border-radius: 6px; padding: 0.3rem 0.5rem; }
      textarea { min-height: 4em; }
      .row { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: end; }
      .pick { display: flex; flex-wrap: wrap; gap: 0.2rem 0.8rem; margin-top: 0.3rem; }
      details { margin-top: 0.3rem; }
      asg-question-editor { margin-bottom: 0.5rem; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.6rem; }
      .error { color: var(--asg-absent); font-weight: 600; }
      ul.errors { color: var(--asg-absent); margin: 0.3rem 0; }
      .phone { width: 360px; max-width: 100%; border: 8px solid #333; border-radius: 24px; padding: 12px; background: #f7f5ef; box-sizing: border-box; }
      .phone h3 { margin: 0 0 0.3rem; }
      .phone .desc { white-space: pre-wrap; font-size: 0.95rem; }
      h2 { font-size: 1.05rem; margin: 0 0 0.4rem; }
    `,
  ]

  override render() {
    const f = this.form
    return html`<div class="cols">
      <div>
        <div class="templates" role="group" aria-label=${t('templates')}>
          <span>${t('templatesLead')}</span>
          ${SURVEY_TEMPLATES.map((s) => html`<button type="button" @click=${() => this.useTemplate(s.key)}>${templateName(s)}</button>`)}
          <button type="button" @click=${() => (this.form = blankForm())}>${t('blank')}</button>
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${Object.keys(this.fields).length ? html`<ul class="errors">${Object.entries(this.fields).map(([k, v]) => html`<li>${fieldName(k)}: ${v}</li>`)}</ul>` : nothing}
        <fieldset>
          <legend>${t('survey')}</legend>
          <label>${t('title')}<input name="title" maxlength="60" .value=${f.title} @input=${(e: Event) => this.set({ title: value(e) })} /></label>
          <label>${t('description')}<textarea name="description" .value=${f.description} @input=${(e: Event) => this.set({ description: value(e) })}></textarea></label>
          <div class="pick" role="radiogroup" aria-label=${t('answerUnit')}>
            <label class="inline"><input type="radio" name="per" .checked=${f.per === 'child'} @change=${() => this.set({ per: 'child' })} />${t('perChild')}</label>
            <label class="inline"><input type="radio" name="per" .checked=${f.per === 'family'} @change=${() => this.set({ per: 'family' })} />${t('perFamily')}</label>
          </div>
        </fieldset>
        ${this.targetPicker()}
        <fieldset>
          <legend>${t('deadlineAndReminder')}</legend>
          <div class="row">
            <label>${t('deadlineDate')}<input type="date" name="deadlineDate" .value=${f.deadlineDate} @input=${(e: Event) => this.set({ deadlineDate: value(e) })} /></label>
            <label>${t('time')}<input type="time" name="deadlineTime" .value=${f.deadlineTime} @input=${(e: Event) => this.set({ deadlineTime: value(e) })} /></label>
            <label>${t('remindDate')}<input type="date" name="remindDate" .value=${f.remindDate} @input=${(e: Event) => this.set({ remindDate: value(e) })} /></label>
            <label>${t('time')}<input type="time" name="remindTime" .value=${f.remindTime} @input=${(e: Event) => this.set({ remindTime: value(e) })} /></label>
          </div>
        </fieldset>
        <fieldset>
          <legend>${t('questions')}</legend>
          ${f.questions.map((q, i) => html`<asg-question-editor .question=${q} .index=${i} .count=${f.questions.length}
            @asg-question=${(e: CustomEvent<SurveyQuestion>) => this.setQuestion(i, e.detail)}
            @asg-question-move=${(e: CustomEvent<number>) => this.move(i, e.detail)}
            @asg-question-remove=${() => this.set({ questions: f.questions.filter((_, j) => j !== i) })}></asg-question-editor>`)}
          <button type="button" @click=${this.addQuestion}>${t('addQuestion')}</button>
        </fieldset>
        <div class="actions">
          <button type="button" ?disabled=${this.busy} @click=${() => this.save(false)}>${t('saveDraft')}</button>
          <button class="primary" type="button" ?disabled=${this.busy} @click=${() => this.save(true)}>${t('publish')}</button>
          <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('asg-cancel', { bubbles: true, composed: true }))}>${t('cancel')}</button>
        </div>
      </div>
      <div>
        <h2>${t('preview')}</h2>
        <div class="phone">
          <h3>${f.title || t('untitled')}</h3>
          <p class="desc">${f.description}</p>
          <asg-survey-form preview .survey=${this.previewSurvey()} .subject=${{ pupilId: 1, names: ['太郎'], answers: null, answeredAt: null, answeredBy: null }}></asg-survey-form>
        </div>
      </div>
    </div>`
  }

  // A class is named as everywhere else on the staff pages (1年1組, as the server labels it), in either language.
  private targetPicker() {
    const target = this.form.target
    const grades = [...new Set(this.classes.map((c) => c.grade))]
    const kind = (k: SurveyTarget['kind']): SurveyTarget =>
      k === 'school' ? { kind: 'school' } : k === 'grades' ? { kind: 'grades', grades: [] } : k === 'classes' ? { kind: 'classes', classIds: [] } : { kind: 'pupils', pupilIds: [] }
    const toggle = <T,>(list: readonly T[], x: T, on: boolean) => (on ? [...list, x] : list.filter((y) => y !== x))
    return html`<fieldset>
      <legend>${t('target')}</legend>
      <div class="pick" role="radiogroup" aria-label=${t('target')}>
        ${(['school', 'grades', 'classes', 'pupils'] as const).map((k) => html`<label class="inline"><input type="radio" name="target" value=${k} .checked=${target.kind === k}
          @change=${() => this.set({ target: kind(k) })} />${{ school: t('targetSchool'), grades: t('targetGrades'), classes: t('targetClasses'), pupils: t('targetPupils') }[k]}</label>`)}
      </div>
      ${target.kind === 'grades'
        ? html`<div class="pick">${grades.map((g) => html`<label class="inline"><input type="checkbox" .checked=${target.grades.includes(g)}
            @change=${(e: Event) => this.set({ target: { kind: 'grades', grades: toggle(target.grades, g, checked(e)) } })} />${t('grade', { grade: g })}</label>`)}</div>`
        : nothing}
      ${target.kind === 'classes'
        ? html`<div class="pick">${this.classes.map((c) => html`<label class="inline"><input type="checkbox" name="class" value=${c.id} .checked=${target.classIds.includes(c.id)}
            @change=${(e: Event) => this.set({ target: { kind: 'classes', classIds: toggle(target.classIds, c.id, checked(e)) } })} />${c.grade}年${c.name}</label>`)}</div>`
        : nothing}
      ${target.kind === 'pupils'
        ? this.classes.map((c) => html`<details><summary>${c.grade}年${c.name}${t('pupilsChosen', { n: c.pupils.filter((p) => target.pupilIds.includes(p.id)).length })}</summary>
            <div class="pick">${c.pupils.map((p) => html`<label class="inline"><input type="checkbox" .checked=${target.pupilIds.includes(p.id)}
              @change=${(e: Event) => this.set({ target: { kind: 'pupils', pupilIds: toggle(target.pupilIds, p.id, checked(e)) } })} />${p.number} ${p.name}</label>`)}</div></details>`)
        : nothing}
    </fieldset>`
  }

  private previewSurvey(): GuardianSurvey {
    const f = this.form
    return { id: 0, schoolName: '', title: f.title, description: f.description, per: f.per, deadline: instant(f.deadlineDate, f.deadlineTime) ?? new Date().toISOString(), open: true, questions: f.questions.map((q) => ('options' in q ? { ...q, options: q.options.filter((o) => o.trim()) } : q)), subjects: [] }
  }

  private set(patch: Partial<BuilderForm>) {
    this.form = { ...this.form, ...patch }
  }

  private setQuestion(i: number, q: SurveyQuestion) {
    this.set({ questions: this.form.questions.map((x, j) => (j === i ? q : x)) })
  }

  private move(i: number, by: number) {
    const qs = [...this.form.questions]
    const [q] = qs.splice(i, 1)
    qs.splice(i + by, 0, q!)
    this.set({ questions: qs })
  }

  private addQuestion() {
    const used = new Set(this.form.questions.map((q) => q.id))
    let n = this.form.questions.length + 1
    while (used.has(`q${n}`)) n++
    this.set({ questions: [...this.form.questions, { id: `q${n}`, kind: 'single', label: '', required: true, options: [...['はい', 'いいえ']] }] })
  }

  private useTemplate(key: string) {
    const t = SURVEY_TEMPLATES.find((x) => x.key === key)!
    this.set({ ...structuredClone(t.draft) })
  }

  private draft(): SurveyDraft {
    const f = this.form
    return fromForm(SurveyDraft, {
      title: f.title, description: f.description, per: f.per, target: f.target,
      deadline: instant(f.deadlineDate, f.deadlineTime),
      remindAt: f.remindDate ? instant(f.remindDate, f.remindTime) : null,
      questions: f.questions.map((q) => ('options' in q ? { ...q, options: q.options.map((o) => o.trim()).filter(Boolean) } : q)),
    })
  }

  private async save(publish: boolean) {
    this.busy = true
    this.error = ''
    this.fields = {}
    try {
      const body = this.draft()
      let id = this.surveyId
      if (id === null) id = (await call(routes.surveys.create, { body })).id
      else await call(routes.surveys.update, { params: { id }, body })
      this.surveyId = id
      if (publish) await call(routes.surveys.publish, { params: { id } })
      this.dispatchEvent(new CustomEvent('asg-saved', { detail: { id, published: publish }, bubbles: true, composed: true }))
    } catch (err) {
      this.error = err instanceof ApiError ? errorText(err) : t('saveFailed')
      if (err instanceof ApiError) this.fields = err.fields
    }
    this.busy = false
  }
}

/** A template's name in the page's language; its questions stay as the school will send them. */
function templateName(s: (typeof SURVEY_TEMPLATES)[number]): string {
  const key = TEMPLATE_NAMES[s.key]
  return key ? t(key) : s.name
}
const TEMPLATE_NAMES: Record<string, Parameters<typeof t>[0] | undefined> = { interview: 'templateInterview', event: 'templateEvent', health: 'templateHealth', handover: 'templateHandover' }

const value = (e: Event) => (e.target as HTMLInputElement).value
const checked = (e: Event) => (e.target as HTMLInputElement).checked

/** A field path of the draft in the words of the form. */
function fieldName(path: string): string {
  const m = /^questions\.(\d+)(?:\.(\w+))?/.exec(path)
  if (m) {
    const n = Number(m[1]) + 1
    return m[2] === 'options' ? t('fieldQuestionOptions', { n }) : m[2] === 'label' ? t('fieldQuestionLabel', { n }) : t('fieldQuestion', { n })
  }
  const fields: Record<string, string> = {
    title: t('fieldTitle'), description: t('fieldDescription'), deadline: t('fieldDeadline'), remindAt: t('fieldRemindAt'), target: t('fieldTarget'), questions: t('fieldQuestions'),
  }
  return fields[path.split('.')[0]!] ?? path
}

customElements.define('asg-survey-builder', AsgSurveyBuilder)
declare global {
  interface HTMLElementTagNameMap {
    'asg-survey-builder': AsgSurveyBuilder
  }
}
