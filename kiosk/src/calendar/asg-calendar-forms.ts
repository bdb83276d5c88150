import { LitElement, css, html, nothing } from 'lit'
import type { CalendarYear } from '../../../shared/protocol/index.js'
import { ApiError, call, fromForm } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { buttons, tokens } from '../lib/styles.js'

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
    const range = html`<label>開始日<input type="date" name="from" required min=${c.startsOn} max=${c.endsOn} /></label>
      <label>終了日<input type="date" name="to" required min=${c.startsOn} max=${c.endsOn} /></label>`
    return html`
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.done ? html`<p class="done" role="status">${this.done}</p>` : nothing}
      <form @submit=${(e: SubmitEvent) => this.send(e, (f) => call(routes.calendar.setDays, { body: fromForm(routes.calendar.setDays.body, { from: f.get('from'), to: f.get('to'), kind: f.get('kind'), label: f.get('label') }) }))}>
        <h3>休業日・休校・土曜授業</h3>${range}
        <label>種類<select name="kind"><option value="closed">休業日・休校</option><option value="extra_school_day">授業日にする(土曜授業など)</option><option value="clear">指定を解除</option></select></label>
        <label>名称<input name="label" maxlength="40" placeholder="冬季休業" /></label>
        <button class="primary">登録</button>
      </form>
      <form @submit=${(e: SubmitEvent) => this.send(e, (f) => {
        const t = String(f.get('target'))
        const raw = { from: f.get('from'), to: f.get('to'), label: f.get('label'), classId: t.startsWith('c') ? Number(t.slice(1)) : null, grade: t.startsWith('g') ? Number(t.slice(1)) : null }
        return call(routes.calendar.createClosure, { body: fromForm(routes.calendar.createClosure.body, raw) })
      })}>
        <h3>学級閉鎖・学年閉鎖</h3>${range}
        <label>対象<select name="target">
          ${c.classes.map((k) => html`<option value="c${k.id}">${k.label}(学級閉鎖)</option>`)}
          ${grades.map((g) => html`<option value="g${g}">${g}年(学年閉鎖)</option>`)}
        </select></label>
        <label>理由<input name="label" maxlength="40" placeholder="インフルエンザ" /></label>
        <button class="primary">登録</button>
      </form>
      <form @submit=${(e: SubmitEvent) => this.send(e, (f) => call(routes.calendar.createEvent, { body: fromForm(routes.calendar.createEvent.body, { from: f.get('from'), to: f.get('to'), title: f.get('title'), visibleToGuardians: f.get('visible') === 'on' }) }))}>
        <h3>行事</h3>${range}
        <label>行事名<input name="title" maxlength="100" required placeholder="音楽会" /></label>
        <label class="check"><input type="checkbox" name="visible" checked /> 保護者に表示</label>
        <button class="primary">登録</button>
      </form>`
  }

  private async send(e: SubmitEvent, submit: (f: FormData) => Promise<unknown>) {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    this.error = ''
    this.done = ''
    try {
      await submit(new FormData(form))
      form.reset()
      this.done = '登録しました。'
      this.dispatchEvent(new CustomEvent('asg-changed', { bubbles: true, composed: true }))
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : '登録できませんでした。'
    }
  }
}

customElements.define('asg-calendar-forms', AsgCalendarForms)
declare global {
  interface HTMLElementTagNameMap {
    'asg-calendar-forms': AsgCalendarForms
  }
}
