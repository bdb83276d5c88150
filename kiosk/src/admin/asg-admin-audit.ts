import { LitElement, css, html, nothing } from 'lit'
import { AUDIT_ACTIONS, type AuditAction, type AuditPage, type AuditRow } from '../../../shared/protocol/index.js'
import { routes } from '../../../shared/protocol/routes.js'
import { instantText, rangeText } from '../lib/staffLanguage.js'
import { call, errorText, hrefOf } from '../lib/api.js'
import { buttons, tokens } from '../lib/styles.js'
import { panel } from './styles.js'
import '../components/asg-pager.js'
import { actionText, t } from './text.js'

const PAGE_SIZE = 50


interface Filter {
  from: string
  to: string
  staffId: number | null
  pupilId: number | null
  pupilName: string
  action: AuditAction | ''
}

/**
 * The audit log for 校長・教頭: who read health notes or a pupil's history and who corrected
 * the register, newest first, filtered by period, person, pupil and act; CSV of the same filter.
 */
export class AsgAdminAudit extends LitElement {
  static override properties = { filter: { state: true }, page: { state: true }, data: { state: true }, error: { state: true }, busy: { state: true } }
  declare filter: Filter
  declare page: number
  declare data: AuditPage | null
  declare error: string
  declare busy: boolean

  constructor() {
    super()
    this.filter = { from: '', to: '', staffId: null, pupilId: null, pupilName: '', action: '' }
    this.page = 1
    this.data = null
    this.error = ''
    this.busy = false
  }

  static override styles = [
    tokens,
    buttons,
    panel,
    css`
      td { font-size: 0.92rem; }
      td.when, td.who, td.pupil { white-space: nowrap; }
      td.addr { font-family: ui-monospace, 'Noto Sans Mono', monospace; font-size: 0.85rem; }
      button.link { border: none; background: none; padding: 0; min-height: 0; color: var(--asg-accent); text-decoration: underline; cursor: pointer; font: inherit; }
    `,
  ]

  override connectedCallback() {
    super.connectedCallback()
    void this.load()
  }

  private query() {
    const f = this.filter
    return {
      from: f.from || undefined,
      to: f.to || undefined,
      staffId: f.staffId ?? undefined,
      pupilId: f.pupilId ?? undefined,
      action: f.action || undefined,
    }
  }

  async load() {
    this.busy = true
    this.error = ''
    try {
      this.data = await call(routes.audit.list, { query: { ...this.query(), page: this.page, pageSize: PAGE_SIZE } })
    } catch (e) {
      this.error = errorText(e)
    } finally {
      this.busy = false
    }
  }

  private set(change: Partial<Filter>) {
    this.filter = { ...this.filter, ...change }
    this.page = 1
    void this.load()
  }

  private go(page: number) {
    this.page = page
    void this.load()
  }

  override render() {
    const d = this.data
    return html`
      <section>
        <h2>${t('auditHeading')}</h2>
        <p class="muted">${t('auditIntro')}</p>
        <div class="row">
          <label>${t('period')} <input type="date" aria-label=${t('periodFrom')} .value=${this.filter.from} @change=${(e: Event) => this.set({ from: (e.target as HTMLInputElement).value })} /></label>
          <label>${t('periodUntil')} <input type="date" aria-label=${t('periodTo')} .value=${this.filter.to} @change=${(e: Event) => this.set({ to: (e.target as HTMLInputElement).value })} /></label>
          <label>${t('filterStaff')}
            <select @change=${(e: Event) => this.set({ staffId: Number((e.target as HTMLSelectElement).value) || null })}>
              <option value="">${t('all')}</option>
              ${d?.staff.map((s) => html`<option value=${s.id} ?selected=${this.filter.staffId === s.id}>${s.name}</option>`)}
            </select>
          </label>
          <label>${t('filterAction')}
            <select @change=${(e: Event) => this.set({ action: (e.target as HTMLSelectElement).value as AuditAction | '' })}>
              <option value="">${t('all')}</option>
              ${AUDIT_ACTIONS.map((a) => html`<option value=${a} ?selected=${this.filter.action === a}>${actionText(a)}</option>`)}
            </select>
          </label>
          ${this.filter.pupilId ? html`<span>${t('filterPupil', { name: this.filter.pupilName })} <button class="link" @click=${() => this.set({ pupilId: null, pupilName: '' })}>${t('clearFilter')}</button></span>` : nothing}
          <a href=${hrefOf(routes.audit.csv, { query: this.query() })} download>${t('exportCsv')}</a>
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${d ? this.renderRows(d.rows) : nothing}
        ${d && d.total > 0
          ? html`<asg-pager .page=${d.page} .pageSize=${d.pageSize} .total=${d.total} ?busy=${this.busy} @asg-page=${(e: CustomEvent<{ page: number }>) => this.go(e.detail.page)}></asg-pager>`
          : nothing}
      </section>
    `
  }

  private renderRows(rows: AuditRow[]) {
    if (rows.length === 0) return html`<p class="muted">${t('noRecords')}</p>`
    return html`<table>
      <thead><tr><th>${t('colWhen')}</th><th>${t('colStaff')}</th><th>${t('colAction')}</th><th>${t('colPupilClass')}</th><th>${t('colDays')}</th><th>${t('colDetail')}</th><th>${t('colAddress')}</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr>
        <td class="when">${instantText(r.at)}</td>
        <td class="who">${r.staffName ?? '—'}</td>
        <td>${actionText(r.action)}</td>
        <td class="pupil">${r.pupilId && r.pupilName
          ? html`<button class="link" title=${t('filterByPupil')} @click=${() => this.set({ pupilId: r.pupilId, pupilName: r.pupilName! })}>${r.pupilName}</button>`
          : nothing} ${r.classLabel ?? ''}</td>
        <td>${this.period(r)}</td>
        <td>${r.detail}</td>
        <td class="addr">${r.address}</td>
      </tr>`)}</tbody>
    </table>`
  }

  private period(r: AuditRow): string {
    if (!r.dateFrom) return ''
    return rangeText(r.dateFrom, r.dateTo ?? r.dateFrom)
  }
}

customElements.define('asg-admin-audit', AsgAdminAudit)
declare global {
  interface HTMLElementTagNameMap {
    'asg-admin-audit': AsgAdminAudit
  }
}
