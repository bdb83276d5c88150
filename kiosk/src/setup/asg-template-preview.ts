import { LitElement, css, html } from 'lit'
import { templateRanges, type CalendarTemplateId } from '../../../shared/domain/calendarTemplates.js'
import { formatDateJa } from '../../../shared/time/format.js'
import { tokens } from '../lib/styles.js'

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
      ${ranges.map((r) => html`<li><b>${r.label}</b> ${formatDateJa(r.from)}〜${formatDateJa(r.to)}</li>`)}
      <li>国民の祝日・振替休日は自動で休みになります</li>
    </ul>`
  }
}

customElements.define('asg-template-preview', AsgTemplatePreview)
declare global {
  interface HTMLElementTagNameMap {
    'asg-template-preview': AsgTemplatePreview
  }
}
