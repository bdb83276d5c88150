import { LitElement, css, html } from 'lit'
import { templateRanges, type CalendarTemplateId } from '../../../shared/domain/calendarTemplates.js'
import type { setup } from '../../../shared/i18n/staff/ja/setup.js'
import { rangeText } from '../lib/staffLanguage.js'
import { tokens } from '../lib/styles.js'
import { t } from './text.js'

/** The templates' vacation names (Japanese in shared/) as this page's messages; another name shows as it is. */
const VACATION_KEY: Record<string, keyof typeof setup> = { 春休み: 'springBreak', 夏休み: 'summerBreak', 冬休み: 'winterBreak', 学年末休業: 'yearEndBreak' }

/** The vacations a calendar template writes for a school year, so the choice is concrete. */
export class AsgTemplatePreview extends LitElement {
  static override properties = { template: {}, fiscalYear: { type: Number } }
  declare template: CalendarTemplateId
  declare fiscalYear: number

  static override styles = [
    tokens,
    css`
      :host { display: block; font-size: 0.9rem; color: var(--asg-ink-soft); }
      ul { margin: 4px 0 0; padding-left: 1.2em; }
      li { margin: 2px 0; }
      b { color: var(--asg-ink); font-weight: 600; }
    `,
  ]

  override render() {
    const ranges = templateRanges(this.template, this.fiscalYear)
    return html`<ul>
      ${ranges.map((r) => html`<li><b>${VACATION_KEY[r.label] ? t(VACATION_KEY[r.label]!) : r.label}</b> ${rangeText(r.from, r.to)}</li>`)}
      <li>${t('nationalHolidays')}</li>
    </ul>`
  }
}

customElements.define('asg-template-preview', AsgTemplatePreview)
declare global {
  interface HTMLElementTagNameMap {
    'asg-template-preview': AsgTemplatePreview
  }
}
