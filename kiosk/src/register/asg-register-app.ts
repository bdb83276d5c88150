import { LitElement, css, html, nothing } from 'lit'
import { can } from '../../../shared/policy/policy.js'
import type { Me, RegisterMonth, SchoolPart } from '../../../shared/protocol/index.js'
import { ReloadOnChange } from '../controllers/reload-on-change.js'
import { ApiError, call, hrefOf, errorText } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { buttons, tokens } from '../lib/styles.js'
import { t } from './text.js'

/** School changes the register shows: school days and closures, codes, pupils and classes, badges and the school name, teachers. */
const REGISTER_PARTS: readonly SchoolPart[] = ['calendar', 'codes', 'roster', 'settings', 'staff']

/** The twelve months (April–March) of the school year containing `month`. */
function schoolYearMonths(month: string): string[] {
  if (!month) return []
  const y = Number(month.slice(0, 4))
  const fy = Number(month.slice(5)) >= 4 ? y : y - 1
  return Array.from({ length: 12 }, (_, i) => {
    const m = ((i + 3) % 12) + 1
    return `${i < 9 ? fy : fy + 1}-${String(m).padStart(2, '0')}`
  })
}

/** A month's year and month as the catalogue takes them (strings: a number would be grouped, 2,026). */
const monthParts = (month: string) => ({ y: String(Number(month.slice(0, 4))), m: String(Number(month.slice(5))) })
const monthText = (month: string) => t('monthOption', monthParts(month))

/**
 * The register page (出席簿): one class, one month. The class and month live in the URL
 * (?class=12&month=2026-11) so a link or a reload opens the same register. Prints on A4
 * landscape; exports CSV in UTF-8 (with BOM) or Shift_JIS.
 */
export class AsgRegisterApp extends LitElement {
  static override properties = {
    classes: { state: true },
    classId: { state: true },
    month: { state: true },
    data: { state: true },
    error: { state: true },
    loading: { state: true },
    history: { state: true },
    calculator: { state: true },
    me: { state: true },
  }
  declare classes: { id: number; label: string }[]
  declare classId: number | null
  declare month: string
  declare data: RegisterMonth | null
  declare error: string
  declare loading: boolean
  declare history: { pupilId: number; name: string; date: string } | null
  declare calculator: boolean
  declare me: Extract<Me, { kind: 'staff' }> | null
  private live: ReloadOnChange | null = null

  constructor() {
    super()
    const q = new URLSearchParams(location.search)
    this.classes = []
    this.classId = Number(q.get('class')) || null
    this.month = /^\d{4}-\d{2}$/.test(q.get('month') ?? '') ? q.get('month')! : ''
    this.data = null
    this.error = ''
    this.loading = false
    this.history = null
    this.calculator = false
    this.me = null
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; }
      .controls { display: flex; flex-wrap: wrap; align-items: center; gap: 0.6rem; margin: 0 0 0.8rem; }
      select, input { font: inherit; min-height: 44px; padding: 0 0.6em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); background: var(--asg-surface); }
      a.button { display: inline-flex; align-items: center; min-height: 44px; padding: 0 1em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); background: var(--asg-surface); color: var(--asg-ink); text-decoration: none; }
      .spacer { flex: 1; }
      h2 { font-size: 1.15rem; margin: 0 0 0.5rem; }
      .error { color: var(--asg-absent); }
      .hint { color: var(--asg-ink-soft); font-size: 0.85rem; margin: 0.6rem 0 0; }
      @media print { .controls, .hint { display: none; } h2 { font-size: 12pt; } }
    `,
  ]

  override connectedCallback(): void {
    super.connectedCallback()
    document.title = t('pageTitle')
  }

  override render() {
    return html`<asg-staff-gate heading=${t('heading')} @asg-staff-ready=${(e: CustomEvent<Extract<Me, { kind: 'staff' }>>) => this.start(e.detail)}>
      <div class="controls">
        <select aria-label=${t('classLabel')} @change=${(e: Event) => this.go(Number((e.target as HTMLSelectElement).value), this.month)}>
          ${this.classes.map((c) => html`<option value=${c.id} ?selected=${c.id === this.classId} lang="ja">${c.label}</option>`)}
        </select>
        <select aria-label=${t('monthLabel')} @change=${(e: Event) => this.go(this.classId, (e.target as HTMLSelectElement).value)}>
          ${schoolYearMonths(this.month).map((m) => html`<option value=${m} ?selected=${m === this.month}>${monthText(m)}</option>`)}
        </select>
        <span class="spacer"></span>
        <button @click=${() => (this.calculator = !this.calculator)} aria-pressed=${this.calculator}>${t('suspensionCalculator')}</button>
        <button @click=${() => window.print()} ?disabled=${!this.data}>${t('print')}</button>
        ${this.classId && this.month
          ? html`<a class="button" href=${this.csvUrl(this.classId, 'utf8')} download>${t('csv')}</a>
              <a class="button" href=${this.csvUrl(this.classId, 'sjis')} download>${t('csvSjis')}</a>`
          : nothing}
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.calculator && this.data ? html`<asg-suspension-calculator .pupils=${this.data.pupils} .canApply=${can(this.me, 'suspension.apply')} @asg-applied=${() => this.load()}></asg-suspension-calculator>` : nothing}
      ${this.loading && !this.data ? html`<p>${t('loading')}</p>` : nothing}
      ${this.data
        ? html`<h2><span lang="ja">${this.data.schoolName} ${this.data.classLabel}</span> ${t('registerHeading', monthParts(this.month))}</h2>
            <asg-register-grid .data=${this.data} @asg-open-history=${(e: CustomEvent<{ pupilId: number; name: string; date: string }>) => (this.history = e.detail)}></asg-register-grid>
            <p class="hint">${t('hint')}</p>`
        : nothing}
      ${this.history && this.data
        ? html`<asg-mark-history .target=${this.history} .codes=${this.data.codes}
            @asg-close=${() => (this.history = null)} @asg-corrected=${() => this.load()}></asg-mark-history>`
        : nothing}
    </asg-staff-gate>`
  }

  private csvUrl(classId: number, encoding: 'utf8' | 'sjis'): string {
    return hrefOf(routes.register.monthCsv, { query: { classId, month: this.month, encoding } })
  }

  private async start(me: Extract<Me, { kind: 'staff' }>) {
    this.me = me
    this.live ??= new ReloadOnChange(this, {
      relevant: (c) => (c.kind === 'pupils' ? c.dates.some((d) => d.startsWith(this.month)) : c.kind === 'school' && c.parts.some((p) => REGISTER_PARTS.includes(p))),
      reload: () => void this.load(),
    })
    try {
      const r = await call(routes.register.classes)
      this.classes = r.classes
      if (!this.classId || !r.classes.some((c) => c.id === this.classId)) this.classId = r.classes[0]?.id ?? null
      if (!this.month) this.month = r.today.slice(0, 7)
      if (!this.classId) this.error = t('noClasses')
      else await this.load()
    } catch (err) {
      this.error = err instanceof ApiError ? errorText(err) : t('loadFailed')
    }
  }

  private go(classId: number | null, month: string) {
    if (!classId || !/^\d{4}-\d{2}$/.test(month)) return
    this.classId = classId
    this.month = month
    history.replaceState(null, '', `?class=${classId}&month=${month}`)
    void this.load()
  }

  private async load() {
    if (!this.classId) return
    this.loading = true
    this.error = ''
    try {
      this.data = await call(routes.register.month, { query: { classId: this.classId, month: this.month } })
    } catch (err) {
      this.data = null
      this.error = err instanceof ApiError ? errorText(err) : t('loadFailed')
    } finally {
      this.loading = false
    }
  }
}

customElements.define('asg-register-app', AsgRegisterApp)
declare global {
  interface HTMLElementTagNameMap {
    'asg-register-app': AsgRegisterApp
  }
}
