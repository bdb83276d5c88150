import { LitElement, css, html, nothing } from 'lit'
import type { CityDay } from '../../../shared/protocol/index.js'
import { CitySettings } from '../../../shared/protocol/index.js'
import { routes } from '../../../shared/protocol/routes.js'
import { call, errorText, fromForm, hrefOf } from '../lib/api.js'
import { dayText } from '../lib/staffLanguage.js'
import { buttons, tokens } from '../lib/styles.js'
import { t } from './text.js'

/**
 * The city's CSVs for the day and month shown, and the alert threshold.
 * @fires asg-threshold-changed - after the threshold was saved
 */
export class AsgCityFiles extends LitElement {
  static override properties = { data: { attribute: false }, message: { state: true }, busy: { state: true } }
  declare data: CityDay
  declare message: string
  declare busy: boolean

  constructor() {
    super()
    this.message = ''
    this.busy = false
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; margin-top: 12px; }
      section { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 8px 12px; display: flex; flex-wrap: wrap; gap: 6px 28px; align-items: center; }
      h2 { font-size: 0.95rem; margin: 0; }
      a { margin-left: 8px; color: var(--asg-accent); }
      form { display: flex; align-items: center; gap: 6px; }
      input { font: inherit; width: 4.5em; padding: 4px; border: 1px solid var(--asg-line); border-radius: 6px; }
      form button { min-height: 32px; padding: 0.2em 0.8em; }
      .none { color: var(--asg-ink-soft); margin: 0; }
    `,
  ]

  override render() {
    const d = this.data
    const month = d.date.slice(0, 7)
    return html`<section>
      <h2>${t('csvHeading')}</h2>
      <div>${t('dailyCsv', { date: dayText(d.date) })}
        <a href=${hrefOf(routes.cityDay.dailyCsv, { query: { date: d.date, encoding: 'sjis' } })} download>Shift_JIS</a>
        <a href=${hrefOf(routes.cityDay.dailyCsv, { query: { date: d.date, encoding: 'utf8' } })} download>UTF-8</a></div>
      <div>${t('longAbsenceCsv', { month: Number(month.slice(5)) })}
        <a href=${hrefOf(routes.cityDay.longAbsenceCsv, { query: { month, encoding: 'sjis' } })} download>Shift_JIS</a>
        <a href=${hrefOf(routes.cityDay.longAbsenceCsv, { query: { month, encoding: 'utf8' } })} download>UTF-8</a></div>
      <form @submit=${this.save}>
        <label for="threshold">${t('threshold')}</label>
        <input id="threshold" name="absenceAlertPercent" type="number" min="1" max="100" .value=${String(d.alertPercent)} />${t('thresholdUnit')}
        <button type="submit" ?disabled=${this.busy}>${t('save')}</button>
      </form>
      ${this.message ? html`<p class="none" role="status">${this.message}</p>` : nothing}
    </section>`
  }

  private save = async (e: SubmitEvent) => {
    e.preventDefault()
    const raw = Object.fromEntries(new FormData(e.target as HTMLFormElement))
    this.busy = true
    try {
      const body = fromForm(CitySettings, { absenceAlertPercent: Number(raw.absenceAlertPercent) })
      await call(routes.cityDay.settings, { body })
      this.message = t('saved')
      this.dispatchEvent(new CustomEvent('asg-threshold-changed', { bubbles: true, composed: true }))
    } catch (err) {
      this.message = errorText(err)
    } finally {
      this.busy = false
    }
  }
}

customElements.define('asg-city-files', AsgCityFiles)
declare global {
  interface HTMLElementTagNameMap {
    'asg-city-files': AsgCityFiles
  }
}
