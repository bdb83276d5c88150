import { LitElement, css, html, nothing } from 'lit'
import type { CalendarYear } from '../../../shared/protocol/index.js'
import { ApiError, call, fromForm, errorText } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { buttons, tokens } from '../lib/styles.js'
import { speaksEnglish } from '../lib/staffLanguage.js'
import { t } from './text.js'

/**
 * The calendar editor's forms: vacations/closures (休業日・休校) and extra school days, class and
 * grade closures (学級閉鎖・学年閉鎖), and school events, each over a range of days.
 * @fires asg-changed - after a successful change
 */
export class AsgCalendarForms extends LitElement {
  static override properties = { cal: { attribute: false }, error: { state: true }, done: { state: true } }
  declare cal: CalendarYear | null
  declare error: string
  declare done: string

  constructor() {
    super()
    this.cal = null
    this.error = ''
    this.done = ''
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: grid; gap: 0.8rem; }
      form { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 0.7rem 0.9rem; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
      h3 { width: 100%; margin: 0; font-size: 1rem; }
      label { display: grid; gap: 0.15rem; font-size: 0.85rem; }
      input, select { font: inherit; min-height: 40px; padding: 0 0.5em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); }
      label.check { display: flex; align-items: center; gap: 0.3rem; }
      .error { color: var(--asg-absent); }
      .done { color: var(--asg-ok); }
    `,
  ]

  override render() {
    const c = this.cal
    if (!c) return nothing
    const grades = [...new Set(c.classes.map((k) => k.grade))]
    const range = html`<label>${t('from')}<input type="date" name="from" required min=${c.startsOn} max=${c.endsOn} /></label>
      <label>${t('to')}<input type="date" name="to" required min=${c.startsOn} max=${c.endsOn} /></label>`
    return html`
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.done ? html`<p class="done" role="status">${this.done}</p>` : nothing}
      <form @submit=${(e: SubmitEvent) => this.send(e, (f) => call(routes.calendar.setDays, { body: fromForm(routes.calendar.setDays.body, { from: f.get('from'), to: f.get('to'), kind: f.get('kind'), label: f.get('label') }) }))}>
        <h3>${t('daysHeading')}</h3>${range}
        <label>${t('kind')}<select name="kind"><option value="closed">${t('kindClosed')}</option><option value="extra_school_day">${t('kindExtraSchoolDay')}</option><option value="clear">${t('kindClear')}</option></select></label>
        <label>${t('name')}<input name="label" maxlength="40" placeholder=${t('namePlaceholder')} /></label>
        <button class="primary">${t('add')}</button>
      </form>
      <form @submit=${(e: SubmitEvent) => this.send(e, (f) => {
        const target = String(f.get('target'))
        const raw = { from: f.get('from'), to: f.get('to'), label: f.get('label'), classId: target.startsWith('c') ? Number(target.slice(1)) : null, grade: target.startsWith('g') ? Number(target.slice(1)) : null }
        return call(routes.calendar.createClosure, { body: fromForm(routes.calendar.createClosure.body, raw) })
      })}>
        <h3>${t('closures')}</h3>${range}
        <label>${t('target')}<select name="target">
          ${speaksEnglish() ? this.targetsInEnglish(c, grades) : html`
            ${c.classes.map((k) => html`<option value="c${k.id}">${t('classClosureOption', { cls: k.label })}</option>`)}
            ${grades.map((g) => html`<option value="g${g}">${t('gradeClosure', { grade: g })}</option>`)}`}
        </select></label>
        <label>${t('reason')}<input name="label" maxlength="40" placeholder=${t('reasonPlaceholder')} /></label>
        <button class="primary">${t('add')}</button>
      </form>
      <form @submit=${(e: SubmitEvent) => this.send(e, (f) => call(routes.calendar.createEvent, { body: fromForm(routes.calendar.createEvent.body, { from: f.get('from'), to: f.get('to'), title: f.get('title'), visibleToGuardians: f.get('visible') === 'on' }) }))}>
        <h3>${t('events')}</h3>${range}
        <label>${t('eventName')}<input name="title" maxlength="100" required placeholder=${t('eventPlaceholder')} /></label>
        <label class="check"><input type="checkbox" name="visible" checked /> ${t('showToGuardians')}</label>
        <button class="primary">${t('add')}</button>
      </form>`
  }

  /** In English the classes (named in Japanese) and the grades go under a heading each, so no option mixes the two languages. */
  private targetsInEnglish(c: CalendarYear, grades: number[]) {
    return html`<optgroup label=${t('classClosures')}>${c.classes.map((k) => html`<option value="c${k.id}" lang="ja">${k.label}</option>`)}</optgroup>
      <optgroup label=${t('gradeClosures')}>${grades.map((g) => html`<option value="g${g}">${t('gradeOption', { grade: g })}</option>`)}</optgroup>`
  }

  private async send(e: SubmitEvent, submit: (f: FormData) => Promise<unknown>) {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    this.error = ''
    this.done = ''
    try {
      await submit(new FormData(form))
      form.reset()
      this.done = t('added')
      this.dispatchEvent(new CustomEvent('asg-changed', { bubbles: true, composed: true }))
    } catch (err) {
      this.error = err instanceof ApiError ? errorText(err) : t('addFailed')
    }
  }
}

customElements.define('asg-calendar-forms', AsgCalendarForms)
declare global {
  interface HTMLElementTagNameMap {
    'asg-calendar-forms': AsgCalendarForms
  }
}
