import { LitElement, css, html } from 'lit'
import type { CityDay } from '../../../shared/protocol/index.js'
import { tokens } from '../lib/styles.js'
import { percentText } from './rates.js'

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
    const t = d.totals
    const schoolDays = d.schools.filter((s) => s.schoolDay)
    const missing = d.schools.filter((s) => (s.rollMissing ?? 0) > 0).length
    const closed = d.schools.reduce((n, s) => n + s.closedClasses, 0)
    return html`<ul aria-label="市全体">
      <li><div class="k">学校</div><div class="v">${schoolDays.length}<small>/ ${d.schools.length}校 授業日</small></div></li>
      <li><div class="k">在籍(閉鎖学級を除く)</div><div class="v">${t.enrolled.toLocaleString('ja-JP')}<small>人</small></div></li>
      <li class="absent"><div class="k">欠席</div><div class="v">${t.absent}<small>${percentText(t.absent, t.enrolled)}</small></div></li>
      <li class="excused"><div class="k">出席停止・忌引等</div><div class="v">${t.excused}<small>${percentText(t.excused, t.enrolled)}</small></div></li>
      <li class="late"><div class="k">遅刻</div><div class="v">${t.late}</div></li>
      <li><div class="k">早退</div><div class="v">${t.earlyLeave}</div></li>
      <li><div class="k">未登校</div><div class="v">${t.notArrived}</div></li>
      <li class=${d.alerts.length ? 'warn' : ''}><div class="k">欠席率${d.alertPercent}%以上の学級</div><div class="v">${d.alerts.length}<small>学級</small></div></li>
      <li class=${closed ? 'warn' : ''}><div class="k">学級閉鎖</div><div class="v">${closed}<small>学級</small></div></li>
      <li class=${missing ? 'warn' : ''}><div class="k">点呼が済んでいない</div><div class="v">${d.today ? missing : '—'}<small>${d.today ? '校' : ''}</small></div></li>
    </ul>`
  }
}

customElements.define('asg-city-totals', AsgCityTotals)
declare global {
  interface HTMLElementTagNameMap {
    'asg-city-totals': AsgCityTotals
  }
}
