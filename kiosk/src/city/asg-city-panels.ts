import { LitElement, css, html, nothing } from 'lit'
import type { CityDay } from '../../../shared/protocol/index.js'
import { SYMPTOMS } from '../../../shared/domain/symptoms.js'
import { dayText } from '../lib/staffLanguage.js'
import { tokens } from '../lib/styles.js'
import { clockText } from './rates.js'
import { t } from './text.js'

/** The symptoms guardians tick arrive as their Japanese values; each has its message here, another shows as it came. */
const SYMPTOM_KEY = new Map<string, (typeof SYMPTOMS)[number]['key']>(SYMPTOMS.map((s) => [s.value, s.key]))
const symptomText = (symptom: string) => {
  const key = SYMPTOM_KEY.get(symptom)
  return key ? t(key) : symptom
}

/**
 * The side of the city page: classes at or over the alert threshold (学級閉鎖 to be
 * considered), classes closed, schools whose roll is not taken, the symptoms families report,
 * with their figures.
 */
export class AsgCityPanels extends LitElement {
  static override properties = { data: { attribute: false } }
  declare data: CityDay

  static override styles = [
    tokens,
    css`
      :host { display: flex; flex-direction: column; gap: 10px; }
      section { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 8px 12px; }
      h2 { font-size: 0.95rem; margin: 0 0 6px; }
      ul { list-style: none; margin: 0; padding: 0; }
      li { display: flex; gap: 8px; padding: 2px 0; font-size: 0.92rem; }
      li .what { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      li .n { font-variant-numeric: tabular-nums; font-weight: 700; }
      section.alerts { border-color: var(--asg-absent); }
      section.alerts h2 { color: var(--asg-absent); }
      section.alerts .n { color: var(--asg-absent); }
      .none { color: var(--asg-ink-soft); font-size: 0.9rem; margin: 0; }
      .sym { display: grid; grid-template-columns: 7em 1fr 3em; align-items: center; gap: 6px; font-size: 0.92rem; }
      .sym .track { background: #efece3; height: 10px; border-radius: 5px; }
      .sym .fill { background: var(--asg-excused); height: 10px; border-radius: 5px; }
      .sym .n { text-align: right; font-variant-numeric: tabular-nums; }
      .more { color: var(--asg-ink-soft); font-size: 0.85rem; }
    `,
  ]

  override render() {
    return html`${this.alerts()}${this.closures()}${this.rolls()}${this.symptoms()}`
  }

  private alerts() {
    const { alerts, alertPercent } = this.data
    const shown = alerts.slice(0, 10)
    return html`<section class="alerts" aria-live="polite">
      <h2>${t('alertsHeading', { percent: alertPercent })}</h2>
      ${alerts.length === 0 ? html`<p class="none">${t('none')}</p>` : html`<ul>
        ${shown.map((a) => html`<li><span class="what">${a.schoolName} ${t('gradeClass', { grade: a.grade, className: a.className })}</span><span>${t('awayOfEnrolled', { away: a.away, enrolled: a.enrolled })}</span><span class="n">${a.rate.toFixed(1)}%</span></li>`)}
      </ul>${alerts.length > shown.length ? html`<p class="more">${t('moreClasses', { n: alerts.length - shown.length })}</p>` : nothing}`}
    </section>`
  }

  private closures() {
    const { closures } = this.data
    return html`<section>
      <h2>${t('closuresHeading')}</h2>
      ${closures.length === 0 ? html`<p class="none">${t('none')}</p>` : html`<ul>
        ${closures.map((c) => html`<li><span class="what">${c.schoolName} ${c.className === null ? t('wholeGrade', { grade: c.grade }) : t('gradeClass', { grade: c.grade, className: c.className })}</span><span>${t('closureDays', { from: dayText(c.fromDate), to: dayText(c.toDate) })}</span></li>`)}
      </ul>`}
    </section>`
  }

  private rolls() {
    const d = this.data
    if (!d.today) return nothing
    const late = d.schools.filter((s) => (s.rollMissing ?? 0) > 0)
    const waiting = d.schools.filter((s) => s.schoolDay && s.rollMissing === null)
    return html`<section>
      <h2>${t('rollsHeading')}</h2>
      ${late.length === 0 ? html`<p class="none">${waiting.length ? t('beforeRollTime', { n: waiting.length }) : t('none')}</p>` : html`<ul>
        ${late.map((s) => html`<li><span class="what">${s.name}</span><span>${t('rollFrom', { time: clockText(s.rollCallTime) })}</span><span class="n">${t('classCount', { n: s.rollMissing! })}</span></li>`)}
      </ul>`}
    </section>`
  }

  private symptoms() {
    const { symptoms } = this.data
    const top = symptoms.slice(0, 8)
    const max = Math.max(1, ...top.map((s) => s.count))
    return html`<section>
      <h2>${t('symptomsHeading')}</h2>
      ${top.length === 0 ? html`<p class="none">${t('none')}</p>` : html`<div class="sym">
        ${top.map((s) => html`<span>${symptomText(s.symptom)}</span><span class="track"><span class="fill" style="display:block;width:${(s.count * 100) / max}%"></span></span><span class="n">${s.count}</span>`)}
      </div>`}
    </section>`
  }
}

customElements.define('asg-city-panels', AsgCityPanels)
declare global {
  interface HTMLElementTagNameMap {
    'asg-city-panels': AsgCityPanels
  }
}
