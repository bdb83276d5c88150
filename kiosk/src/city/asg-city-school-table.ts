import { LitElement, css, html } from 'lit'
import type { CityDay, CitySchoolDay } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import { awayPercent } from '../../../shared/domain/absenceRate.js'
import { clockText, level } from './rates.js'
import { t } from './text.js'

type Order = 'school' | 'rate'

/** Rows that fit one column at 1920×1080; a larger city's list runs on in a second column. */
const ROWS_PER_COLUMN = 25

/**
 * Every school of the city on one screen: enrolment, 欠席, 出席停止・忌引等 and their share,
 * 遅刻, 早退, 未登校, classes closed and the roll. Rates are coloured against the city's alert
 * threshold, always with the figure, never colour alone.
 */
export class AsgCitySchoolTable extends LitElement {
  static override properties = { data: { attribute: false }, order: { state: true } }
  declare data: CityDay
  declare order: Order

  constructor() {
    super()
    this.order = 'school'
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; }
      .bar { display: flex; align-items: center; gap: 10px; margin-bottom: 6px; }
      .bar h2 { font-size: 1rem; margin: 0; flex: 1; }
      .bar button { min-height: 30px; padding: 0.15em 0.8em; font-size: 0.9rem; }
      .bar button[aria-pressed='true'] { border-color: var(--asg-accent); font-weight: 700; }
      .cols { display: grid; grid-template-columns: repeat(var(--cols), minmax(0, 1fr)); gap: 12px; align-items: start; }
      table { border-collapse: collapse; width: 100%; background: var(--asg-surface); font-size: 0.95rem; }
      th, td { border-bottom: 1px solid var(--asg-line); padding: 4px 6px; white-space: nowrap; }
      th { font-size: 0.8rem; font-weight: 600; color: var(--asg-ink-soft); text-align: right; background: #efece3; }
      th:first-child, td:first-child { text-align: left; }
      td { text-align: right; font-variant-numeric: tabular-nums; }
      td.name { max-width: 15em; overflow: hidden; text-overflow: ellipsis; }
      td.rate { font-weight: 700; }
      td.rate.alert { background: var(--asg-absent-bg); color: var(--asg-absent); }
      td.rate.watch { background: var(--asg-late-bg); color: var(--asg-late); }
      td.roll.missing { background: var(--asg-not-arrived-bg); color: var(--asg-not-arrived); font-weight: 700; }
      td.closed { color: var(--asg-excused); font-weight: 700; }
      tr.off td { color: var(--asg-ink-soft); }
      .zero { color: #b3b0a6; }
    `,
  ]

  override render() {
    const d = this.data
    const schools = this.order === 'rate' ? [...d.schools].sort((a, b) => awayPercent(b) - awayPercent(a)) : d.schools
    const columns = schools.length > ROWS_PER_COLUMN ? 2 : 1
    const per = Math.ceil(schools.length / columns)
    return html`
      <div class="bar">
        <h2>${t('bySchool', { n: d.schools.length })}</h2>
        <span>${t('order')}</span>
        <button aria-pressed=${this.order === 'school'} @click=${() => (this.order = 'school')}>${t('orderSchool')}</button>
        <button aria-pressed=${this.order === 'rate'} @click=${() => (this.order = 'rate')}>${t('orderRate')}</button>
      </div>
      <div class="cols" style="--cols: ${columns}">
        ${Array.from({ length: columns }, (_, i) => this.table(schools.slice(i * per, (i + 1) * per)))}
      </div>`
  }

  private table(schools: CitySchoolDay[]) {
    const threshold = this.data.alertPercent
    const n = (v: number) => (v === 0 ? html`<span class="zero">0</span>` : v)
    return html`<table>
      <thead><tr><th scope="col">${t('colSchool')}</th><th scope="col">${t('colEnrolled')}</th><th scope="col">${t('colAbsent')}</th><th scope="col">${t('colExcused')}</th><th scope="col" title=${t('colRateTitle')}>${t('colRate')}</th><th scope="col">${t('colLate')}</th><th scope="col">${t('colEarlyLeave')}</th><th scope="col">${t('colNotArrived')}</th><th scope="col">${t('colClosed')}</th><th scope="col">${t('colRoll')}</th></tr></thead>
      <tbody>
        ${schools.map((s) => {
          if (!s.schoolDay) return html`<tr class="off"><td class="name" title=${s.name}>${s.name}</td><td colspan="9">${t('notSchoolDay')}</td></tr>`
          const rate = awayPercent(s)
          return html`<tr>
            <td class="name" title=${s.name}>${s.name}</td>
            <td>${s.enrolled}</td><td>${n(s.absent)}</td><td>${n(s.excused)}</td>
            <td class="rate ${level(rate, threshold)}">${rate.toFixed(1)}%</td>
            <td>${n(s.late)}</td><td>${n(s.earlyLeave)}</td><td>${n(s.notArrived)}</td>
            <td class=${s.closedClasses ? 'closed' : ''}>${s.closedClasses ? t('classCount', { n: s.closedClasses }) : n(0)}</td>
            ${this.roll(s)}
          </tr>`
        })}
      </tbody>
    </table>`
  }

  private roll(s: CitySchoolDay) {
    if (s.rollMissing === null) return html`<td>${this.data.today ? t('rollAt', { time: clockText(s.rollCallTime) }) : '—'}</td>`
    if (s.rollMissing === 0) return html`<td>${t('rollDone')}</td>`
    return html`<td class="roll missing">${t('rollMissing', { n: s.rollMissing })}</td>`
  }
}

customElements.define('asg-city-school-table', AsgCitySchoolTable)
declare global {
  interface HTMLElementTagNameMap {
    'asg-city-school-table': AsgCitySchoolTable
  }
}
