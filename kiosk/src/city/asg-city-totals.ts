import { LitElement, css, html } from 'lit'
import type { CityDay } from '../../../shared/protocol/index.js'
import { tokens } from '../lib/styles.js'
import { percentText } from './rates.js'
import { t } from './text.js'

/** The city's day in a line of figures: enrolment, 欠席, 出席停止, 遅刻, 未登校, closures, rolls not taken. */
export class AsgCityTotals extends LitElement {
  static override properties = { data: { attribute: false } }
  declare data: CityDay

  static override styles = [
    tokens,
    css`
      :host { display: block; padding: 10px 20px 0; }
      ul { list-style: none; display: flex; gap: 10px; margin: 0; padding: 0; flex-wrap: wrap; }
      li { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 6px 14px; min-width: 120px; }
      .k { font-size: 0.85rem; color: var(--asg-ink-soft); }
      .v { font-size: 1.45rem; font-weight: 700; font-variant-numeric: tabular-nums; }
      .v small { font-size: 0.9rem; font-weight: 600; margin-left: 6px; color: var(--asg-ink-soft); }
      li.absent .v { color: var(--asg-absent); }
      li.excused .v { color: var(--asg-excused); }
      li.late .v { color: var(--asg-late); }
      li.warn { border-color: var(--asg-absent); background: var(--asg-absent-bg); }
    `,
  ]

  override render() {
    const d = this.data
    const n = d.totals
    const schoolDays = d.schools.filter((s) => s.schoolDay)
    const missing = d.schools.filter((s) => (s.rollMissing ?? 0) > 0).length
    const closed = d.schools.reduce((n, s) => n + s.closedClasses, 0)
    return html`<ul aria-label=${t('totalsLabel')}>
      <li><div class="k">${t('schools')}</div><div class="v">${schoolDays.length}<small>${t('ofSchoolsOpen', { n: d.schools.length })}</small></div></li>
      <li><div class="k">${t('enrolledOpen')}</div><div class="v">${n.enrolled.toLocaleString('ja-JP')}<small>${t('pupilsUnit')}</small></div></li>
      <li class="absent"><div class="k">${t('absent')}</div><div class="v">${n.absent}<small>${percentText(n.absent, n.enrolled)}</small></div></li>
      <li class="excused"><div class="k">${t('excused')}</div><div class="v">${n.excused}<small>${percentText(n.excused, n.enrolled)}</small></div></li>
      <li class="late"><div class="k">${t('late')}</div><div class="v">${n.late}</div></li>
      <li><div class="k">${t('earlyLeave')}</div><div class="v">${n.earlyLeave}</div></li>
      <li><div class="k">${t('notArrived')}</div><div class="v">${n.notArrived}</div></li>
      <li class=${d.alerts.length ? 'warn' : ''}><div class="k">${t('classesAtAlert', { percent: d.alertPercent })}</div><div class="v">${d.alerts.length}<small>${t('classesUnit')}</small></div></li>
      <li class=${closed ? 'warn' : ''}><div class="k">${t('classClosures')}</div><div class="v">${closed}<small>${t('classesUnit')}</small></div></li>
      <li class=${missing ? 'warn' : ''}><div class="k">${t('rollNotDone')}</div><div class="v">${d.today ? missing : '—'}<small>${d.today ? t('schoolsUnit') : ''}</small></div></li>
    </ul>`
  }
}

customElements.define('asg-city-totals', AsgCityTotals)
declare global {
  interface HTMLElementTagNameMap {
    'asg-city-totals': AsgCityTotals
  }
}
