import { LitElement, css, html, nothing } from 'lit'
import { ORGANISATION_KIND_LABEL, type CitySchools } from '../../../shared/protocol/index.js'
import { routes } from '../../../shared/protocol/routes.js'
import { call, errorText } from '../lib/api.js'
import { speaksEnglish } from '../lib/staffLanguage.js'
import { tokens } from '../lib/styles.js'
import { t } from './text.js'

/**
 * A city administrator's page: every school of the organisation with its administrators and
 * pupils. New schools are added with `npm run admin -- create-school` or the city route.
 */
export class AsgCitySchools extends LitElement {
  static override properties = { data: { state: true }, error: { state: true } }
  declare data: CitySchools | null
  declare error: string

  constructor() {
    super()
    this.data = null
    this.error = ''
  }

  static override styles = [
    tokens,
    css`
      :host { display: block; }
      h2 { font-size: 1.1rem; margin: 0 0 12px; }
      table { border-collapse: collapse; width: 100%; background: var(--asg-surface); }
      th, td { border: 1px solid var(--asg-line); padding: 6px 10px; text-align: left; }
      td.n { text-align: right; font-variant-numeric: tabular-nums; }
      .warn { color: var(--asg-absent); font-weight: 600; }
      .error { color: var(--asg-absent); }
    `,
  ]

  override async connectedCallback() {
    super.connectedCallback()
    try {
      this.data = await call(routes.city.schools)
    } catch (e) {
      this.error = errorText(e)
    }
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`
    if (!this.data) return html`<p>${t('loading')}</p>`
    const { organisation, schools } = this.data
    return html`<h2>${t('citySchoolsHeading', { organisation: organisation.name, kind: ORGANISATION_KIND_LABEL[organisation.kind][speaksEnglish() ? 'en' : 'ja'], n: schools.length })}</h2>
      <table>
        <thead><tr><th>${t('colSchoolName')}</th><th>${t('colSchoolCode')}</th><th>${t('colYear')}</th><th>${t('colAdmins')}</th><th>${t('colPupils')}</th></tr></thead>
        <tbody>
          ${schools.map((s) => html`<tr>
            <td>${s.name}</td><td>${s.schoolCode ?? '—'}</td><td>${s.currentYear ? t('yearCell', { year: s.currentYear }) : '—'}</td>
            <td class="n">${s.admins ? t('peopleCount', { n: s.admins }) : html`<span class="warn">${t('none')}</span>`}</td><td class="n">${t('peopleCount', { n: s.pupils })}</td>
          </tr>`)}
        </tbody>
      </table>
      ${schools.length === 0 ? html`<p>${t('noSchools')}</p>` : nothing}`
  }
}

customElements.define('asg-city-schools', AsgCitySchools)
declare global {
  interface HTMLElementTagNameMap {
    'asg-city-schools': AsgCitySchools
  }
}
