import { LitElement, css, html, nothing } from 'lit'
import { COUNT_COLUMNS, type RegisterCounts } from '../../../shared/domain/register.js'
import type { RegisterMonth, RegisterPupil } from '../../../shared/protocol/index.js'
import { tokens } from '../lib/styles.js'
import { cumulativeBadge, streakBadge } from './badges.js'

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土']
const weekdayOf = (day: string) => WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]!
/** Short headings for the narrow count columns; the full name is the cell's title. */
const SHORT: Record<keyof RegisterCounts, string> = {
  schoolDays: '授業', excusedDays: '停止等', requiredDays: '要出席', absentDays: '欠席', attendedDays: '出席', late: '遅刻', earlyLeave: '早退', unresolved: '未',
}

/**
 * The register grid: pupils × school days with the current marks, then the month's and the
 * year's counts and the badges. Display only; a cell press asks the page for its history.
 * @fires asg-open-history - detail: { pupilId, name, date }
 */
export class AsgRegisterGrid extends LitElement {
  static override properties = { data: { attribute: false } }
  declare data: RegisterMonth | null

  constructor() {
    super()
    this.data = null
  }

  static override styles = [
    tokens,
    css`
      :host { display: block; overflow-x: auto; }
      table { border-collapse: collapse; background: var(--asg-surface); font-size: 0.85rem; font-variant-numeric: tabular-nums; }
      th, td { border: 1px solid var(--asg-line); padding: 2px 4px; text-align: center; white-space: nowrap; }
      th { background: #eef0f5; font-weight: 600; }
      td.name, th.name { text-align: left; min-width: 6.5em; }
      td.day { padding: 0; min-width: 1.9em; }
      td.day button { all: unset; display: block; width: 100%; min-height: 1.9em; line-height: 1.9em; cursor: pointer; position: relative; }
      td.day button:focus-visible { outline: 2px solid #ffbf47; }
      .absent { background: var(--asg-absent-bg); color: var(--asg-absent); font-weight: 700; }
      .excused, .closed { background: var(--asg-excused-bg); color: var(--asg-excused); }
      .late { background: var(--asg-late-bg); color: var(--asg-late); }
      .provisional { background: var(--asg-not-arrived-bg); color: #fff; }
      .outside { background: #f0f0f0; color: #999; }
      .corrected::after { content: '・'; position: absolute; top: -0.55em; right: 0; color: var(--asg-accent); font-weight: 700; }
      .sum { background: #fafaf7; }
      .sum.first { border-left: 2px solid var(--asg-ink-soft); }
      .badge { display: inline-block; border-radius: 6px; padding: 0 0.4em; margin: 0 0.15em; font-size: 0.78rem; background: var(--asg-absent); color: #fff; }
      .badge.soft { background: var(--asg-absent-bg); color: var(--asg-absent); border: 1px solid var(--asg-absent); }
      .sat { color: #1f4fa8; }
      @media print {
        :host { overflow: visible; }
        table { font-size: 7pt; }
        th, td { padding: 1px 2px; }
        td.day { min-width: 1.5em; }
      }
    `,
  ]

  override render() {
    const d = this.data
    if (!d) return nothing
    return html`<table>
      <thead>
        <tr>
          <th rowspan="2">番号</th><th rowspan="2" class="name">氏名</th>
          ${d.days.map((day) => html`<th class=${weekdayOf(day) === '土' ? 'sat' : ''}>${Number(day.slice(8))}</th>`)}
          <th colspan=${COUNT_COLUMNS.length} class="sum first">今月</th>
          <th colspan=${COUNT_COLUMNS.length} class="sum first">年度累計</th>
          <th rowspan="2">注意</th>
        </tr>
        <tr>
          ${d.days.map((day) => html`<th class=${weekdayOf(day) === '土' ? 'sat' : ''}>${weekdayOf(day)}</th>`)}
          ${[0, 1].map(() => COUNT_COLUMNS.map((c, i) => html`<th class="sum ${i === 0 ? 'first' : ''}" title=${c.label}>${SHORT[c.key]}</th>`))}
        </tr>
      </thead>
      <tbody>${d.pupils.map((p) => this.renderPupil(d, p))}</tbody>
    </table>`
  }

  private renderPupil(d: RegisterMonth, p: RegisterPupil) {
    const badges = [streakBadge(p.streak, d.consecutiveAbsenceBadge), cumulativeBadge(p.year.absentDays, d.cumulativeAbsenceBadges)].filter((b): b is string => !!b)
    return html`<tr>
      <td>${p.attendanceNumber}</td>
      <td class="name">${p.name}</td>
      ${d.days.map((day) => this.renderCell(d, p, day))}
      ${COUNT_COLUMNS.map((c, i) => html`<td class="sum ${i === 0 ? 'first' : ''}">${p.month[c.key]}</td>`)}
      ${COUNT_COLUMNS.map((c, i) => html`<td class="sum ${i === 0 ? 'first' : ''}">${p.year[c.key]}</td>`)}
      <td>${badges.map((b, i) => html`<span class="badge ${i === 0 && p.streak >= d.consecutiveAbsenceBadge ? '' : 'soft'}">${b}</span>`)}${p.year.unresolved ? html`<span class="badge soft">未登校未解決${p.year.unresolved}</span>` : nothing}</td>
    </tr>`
  }

  private renderCell(d: RegisterMonth, p: RegisterPupil, day: string) {
    if (day < p.enrolledOn || (p.leftOn !== null && day > p.leftOn)) return html`<td class="day outside" title="在籍期間外">―</td>`
    const c = p.cells[day]
    const code = c?.codeId ? d.codes.find((k) => k.id === c.codeId) : undefined
    const cls = c?.closed ? 'closed' : !code ? '' : code.provisional ? 'provisional' : code.excused ? 'excused' : code.countsAbsent ? 'absent' : code.shortLabel === '出' ? '' : 'late'
    const text = c?.closed ? '閉' : code && code.shortLabel !== '出' ? code.shortLabel : ''
    const title = `${day} ${c?.closed ? '学級・学年閉鎖' : (code?.label ?? '出席')}${c?.corrected ? '(訂正あり)' : ''}`
    return html`<td class="day ${cls}"><button class=${c?.corrected ? 'corrected' : ''} title=${title} aria-label=${`${p.name} ${title}`}
      @click=${() => this.dispatchEvent(new CustomEvent('asg-open-history', { detail: { pupilId: p.pupilId, name: p.name, date: day }, bubbles: true, composed: true }))}>${text}</button></td>`
  }
}

customElements.define('asg-register-grid', AsgRegisterGrid)
declare global {
  interface HTMLElementTagNameMap {
    'asg-register-grid': AsgRegisterGrid
  }
}
