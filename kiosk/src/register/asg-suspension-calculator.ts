import { LitElement, css, html, nothing } from 'lit'
import { DISEASE_RULES, Disease, type SuspensionInput } from '../../../shared/domain/suspension.js'
import type { RegisterPupil, SuspensionPlan } from '../../../shared/protocol/index.js'
import { formatDateJa } from '../../../shared/time/format.js'
import { ApiError, call } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { buttons, tokens } from '../lib/styles.js'

const MISSING: Record<string, string> = { feverBroke: '解熱した日', symptomsEased: '症状が軽快した日', doctorReturnOn: '医師が登校を認めた日' }

/**
 * The 出席停止 calculator (学校保健安全法施行規則 第19条) for the nurse: disease and dates in,
 * the proposed range, its last day, the day the pupil comes back (the first school day after
 * it) and the school days it covers out; applied only on confirmation.
 * @fires asg-applied - the 出席停止 was recorded
 */
export class AsgSuspensionCalculator extends LitElement {
  static override properties = { pupils: { attribute: false }, canApply: { attribute: false }, plan: { state: true }, error: { state: true }, done: { state: true } }
  declare pupils: RegisterPupil[]
  /** Whether this person may record the period (the office and the nurse); others only work it out. */
  declare canApply: boolean
  declare plan: SuspensionPlan | null
  declare error: string
  declare done: string
  private last: { pupilId: number; input: SuspensionInput } | null = null

  constructor() {
    super()
    this.pupils = []
    this.canApply = false
    this.plan = null
    this.error = ''
    this.done = ''
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 0.8rem 1rem; margin: 0 0 0.9rem; }
      h3 { margin: 0 0 0.5rem; font-size: 1rem; }
      form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
      label { display: grid; gap: 0.15rem; font-size: 0.85rem; }
      input, select { font: inherit; min-height: 40px; padding: 0 0.5em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); }
      .plan { margin-top: 0.7rem; padding: 0.6rem 0.8rem; background: var(--asg-excused-bg); border-radius: var(--asg-radius); }
      dl { display: grid; grid-template-columns: auto 1fr; gap: 0.2rem 0.8rem; margin: 0.5rem 0; }
      dt { font-weight: 600; }
      dd { margin: 0; }
      .error { color: var(--asg-absent); }
      .done { color: var(--asg-ok); }
      @media print { :host { display: none; } }
    `,
  ]

  override render() {
    return html`<h3>出席停止の期間(学校保健安全法施行規則 第19条)</h3>
      <form @submit=${this.onPropose}>
        <label>児童<select name="pupil">${this.pupils.map((p) => html`<option value=${p.pupilId}>${p.attendanceNumber} ${p.name}</option>`)}</select></label>
        <label>病名<select name="disease">${Disease.options.map((d) => html`<option value=${d}>${DISEASE_RULES[d].label}</option>`)}</select></label>
        <label>発症日<input type="date" name="onset" required /></label>
        <label>解熱した日<input type="date" name="feverBroke" /></label>
        <label>症状が軽快した日<input type="date" name="symptomsEased" /></label>
        <label>医師の登校許可日<input type="date" name="doctorReturnOn" /></label>
        <button>期間を計算</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.done ? html`<p class="done" role="status">${this.done}</p>` : nothing}
      ${this.plan ? this.renderPlan(this.plan) : nothing}`
  }

  private renderPlan(p: SuspensionPlan) {
    if (!p.ok) return html`<div class="plan">${p.basis}<br /><strong>${MISSING[p.missing]}を入力してください。</strong></div>`
    return html`<div class="plan">
      <div>${p.basis}</div>
      <dl>
        <dt>出席停止</dt><dd><strong>${formatDateJa(p.from)}〜${formatDateJa(p.lastDay)}</strong>(うち授業日 ${p.schoolDays.length}日)</dd>
        <dt>登校日</dt><dd>${p.returnOn ? html`<strong>${formatDateJa(p.returnOn)}</strong>(${formatDateJa(p.lastDay)}の後の最初の授業日)` : '学校の暦に授業日が見つかりません。暦を確認してください。'}</dd>
      </dl>
      ${this.canApply
        ? html`<button class="primary" ?disabled=${p.schoolDays.length === 0} @click=${this.onApply}>この期間を出席停止として記録</button>`
        : html`<p>記録は職員室・養護教諭が行います。</p>`}
    </div>`
  }

  private async onPropose(e: SubmitEvent) {
    e.preventDefault()
    const f = new FormData(e.target as HTMLFormElement)
    const opt = (k: string) => (f.get(k) ? String(f.get(k)) : null)
    this.last = {
      pupilId: Number(f.get('pupil')),
      input: { disease: f.get('disease') as Disease, onset: String(f.get('onset')), feverBroke: opt('feverBroke'), symptomsEased: opt('symptomsEased'), doctorReturnOn: opt('doctorReturnOn') },
    }
    this.error = ''
    this.done = ''
    try {
      this.plan = (await call(routes.register.proposeSuspension, { body: this.last })).plan
    } catch (err) {
      this.plan = null
      this.error = err instanceof ApiError ? err.message : '計算できませんでした。'
    }
  }

  private async onApply() {
    if (!this.last) return
    try {
      const r = await call(routes.register.applySuspension, { body: this.last })
      this.done = `出席停止を${r.plan.schoolDays.length}日分記録しました。`
      this.plan = null
      this.dispatchEvent(new CustomEvent('asg-applied', { bubbles: true, composed: true }))
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : '記録できませんでした。'
    }
  }
}

customElements.define('asg-suspension-calculator', AsgSuspensionCalculator)
declare global {
  interface HTMLElementTagNameMap {
    'asg-suspension-calculator': AsgSuspensionCalculator
  }
}
