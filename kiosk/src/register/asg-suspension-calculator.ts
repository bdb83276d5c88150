import { LitElement, css, html, nothing } from 'lit'
import { DISEASE_RULES, Disease, type SuspensionInput } from '../../../shared/domain/suspension.js'
import type { RegisterPupil, SuspensionPlan } from '../../../shared/protocol/index.js'
import { ApiError, call, errorText } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { buttons, tokens } from '../lib/styles.js'
import { dayText, speaksEnglish } from '../lib/staffLanguage.js'
import { diseaseText, ruleText } from './diseases.js'
import { t } from './text.js'

type Key = Parameters<typeof t>[0]
/** What the nurse still has to enter, by the field the plan misses. */
const MISSING: Record<string, Key> = { feverBroke: 'enterFeverBroke', symptomsEased: 'enterSymptomsEased', doctorReturnOn: 'enterDoctorReturnOn' }
/** The notes the server adds after the rule's wording (suspensionPeriod in shared/domain/suspension.ts), matched as it writes them. */
const NOTE: Record<string, Key | null> = {
  '': null,
  '(登校可能日が発症日以前です)': 'noteReturnNotAfterOnset',
  '(医師の判断による)': 'noteDoctorJudged',
  '(全身状態は医師が確認)': 'noteDoctorChecksCondition',
}

/**
 * The plan's basis (the disease, the rule and a note): as the server wrote it in Japanese; in
 * English from the catalogue when it is the rule as known here, else (a rule changed since) as
 * written, marked as Japanese.
 */
function basisText(basis: string, disease: Disease | undefined) {
  if (!speaksEnglish()) return basis
  const asWritten = html`<span lang="ja">${basis}</span>`
  if (!disease) return asWritten
  const rule = DISEASE_RULES[disease]
  const head = `${rule.label}: ${rule.text}`
  if (!basis.startsWith(head)) return asWritten
  const note = NOTE[basis.slice(head.length)]
  if (note === undefined) return asWritten
  return `${diseaseText(disease)}: ${ruleText(disease)}${note ? t(note) : ''}`
}

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
    return html`<h3>${t('calculatorHeading')}</h3>
      <form @submit=${this.onPropose}>
        <label>${t('pupil')}<select name="pupil">${this.pupils.map((p) => html`<option value=${p.pupilId}>${p.attendanceNumber} ${p.name}</option>`)}</select></label>
        <label>${t('disease')}<select name="disease">${Disease.options.map((d) => html`<option value=${d}>${diseaseText(d)}</option>`)}</select></label>
        <label>${t('onset')}<input type="date" name="onset" required /></label>
        <label>${t('feverBroke')}<input type="date" name="feverBroke" /></label>
        <label>${t('symptomsEased')}<input type="date" name="symptomsEased" /></label>
        <label>${t('doctorReturnOn')}<input type="date" name="doctorReturnOn" /></label>
        <button>${t('calculate')}</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.done ? html`<p class="done" role="status">${this.done}</p>` : nothing}
      ${this.plan ? this.renderPlan(this.plan) : nothing}`
  }

  private renderPlan(p: SuspensionPlan) {
    if (!p.ok) return html`<div class="plan">${basisText(p.basis, this.last?.input.disease)}<br /><strong>${t(MISSING[p.missing]!)}</strong></div>`
    return html`<div class="plan">
      <div>${basisText(p.basis, this.last?.input.disease)}</div>
      <dl>
        <dt>${t('suspension')}</dt><dd><strong>${t('suspensionRange', { from: dayText(p.from), to: dayText(p.lastDay) })}</strong>${t('suspensionSchoolDays', { n: p.schoolDays.length })}</dd>
        <dt>${t('returnOn')}</dt><dd>${p.returnOn ? html`<strong>${dayText(p.returnOn)}</strong>${t('firstSchoolDayAfter', { day: dayText(p.lastDay) })}` : t('noSchoolDayFound')}</dd>
      </dl>
      ${this.canApply
        ? html`<button class="primary" ?disabled=${p.schoolDays.length === 0} @click=${this.onApply}>${t('applySuspension')}</button>`
        : html`<p>${t('onlyOfficeApplies')}</p>`}
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
      this.error = err instanceof ApiError ? errorText(err) : t('calculateFailed')
    }
  }

  private async onApply() {
    if (!this.last) return
    try {
      const r = await call(routes.register.applySuspension, { body: this.last })
      this.done = t('suspensionRecorded', { n: r.plan.schoolDays.length })
      this.plan = null
      this.dispatchEvent(new CustomEvent('asg-applied', { bubbles: true, composed: true }))
    } catch (err) {
      this.error = err instanceof ApiError ? errorText(err) : t('recordFailed')
    }
  }
}

customElements.define('asg-suspension-calculator', AsgSuspensionCalculator)
declare global {
  interface HTMLElementTagNameMap {
    'asg-suspension-calculator': AsgSuspensionCalculator
  }
}
