import { LitElement, css, html, nothing } from 'lit'
import { COUNT_COLUMNS, type RegisterCounts } from '../../../shared/domain/register.js'
import type { RegisterMonth, RegisterPupil } from '../../../shared/protocol/index.js'
import { tokens } from '../lib/styles.js'
import { cumulativeBadge, streakBadge } from './badges.js'
import { speaksEnglish } from '../lib/staffLanguage.js'
import { t } from './text.js'

type Key = Parameters<typeof t>[0]
const WEEKDAYS: Key[] = ['weekday0', 'weekday1', 'weekday2', 'weekday3', 'weekday4', 'weekday5', 'weekday6']
const dayOfWeek = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay()
/** The full name of each count: the heading's title. */
const LABEL: Record<keyof RegisterCounts, Key> = {
  schoolDays: 'countSchoolDays', excusedDays: 'countExcusedDays', requiredDays: 'countRequiredDays', absentDays: 'countAbsentDays', attendedDays: 'countAttendedDays', late: 'countLate', earlyLeave: 'countEarlyLeave', unresolved: 'countUnresolved',
}
/** Short headings for the narrow count columns; the full name is the cell's title. */
const SHORT: Record<keyof RegisterCounts, Key> = {
  schoolDays: 'shortSchoolDays', excusedDays: 'shortExcusedDays', requiredDays: 'shortRequiredDays', absentDays: 'shortAbsentDays', attendedDays: 'shortAttendedDays', late: 'shortLate', earlyLeave: 'shortEarlyLeave', unresolved: 'shortUnresolved',
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
      .key { color: var(--asg-ink-soft); font-size: 0.8rem; margin: 0.4rem 0 0; }
      @media print {
        :host { overflow: visible; }
        table { font-size: 7pt; }
        th, td { padding: 1px 2px; }
        td.day { min-width: 1.5em; }
        .key { font-size: 7pt; }
      }
    `,
  ]

  override render() {
    const d = this.data
    if (!d) return nothing
    return html`<table>
      <thead>
        <tr>
          <th rowspan="2">${t('attendanceNumber')}</th><th rowspan="2" class="name">${t('name')}</th>
          ${d.days.map((day) => html`<th class=${dayOfWeek(day) === 6 ? 'sat' : ''}>${Number(day.slice(8))}</th>`)}
          <th colspan=${COUNT_COLUMNS.length} class="sum first">${t('thisMonth')}</th>
          <th colspan=${COUNT_COLUMNS.length} class="sum first">${t('soFarThisYear')}</th>
          <th rowspan="2">${t('alerts')}</th>
        </tr>
        <tr>
          ${d.days.map((day) => html`<th class=${dayOfWeek(day) === 6 ? 'sat' : ''}>${t(WEEKDAYS[dayOfWeek(day)]!)}</th>`)}
          ${[0, 1].map(() => COUNT_COLUMNS.map((c, i) => html`<th class="sum ${i === 0 ? 'first' : ''}" title=${t(LABEL[c.key])}>${t(SHORT[c.key])}</th>`))}
        </tr>
      </thead>
      <tbody>${d.pupils.map((p) => this.renderPupil(d, p))}</tbody>
    </table>${speaksEnglish() ? this.renderKey() : nothing}`
  }

  /**
   * In English, the short headings spelled out, each with the register's Japanese name: the
   * names the official forms use, which a title alone would hide from touch screens and print.
   */
  private renderKey() {
    const spelled = COUNT_COLUMNS.filter((c) => t(SHORT[c.key]) !== t(LABEL[c.key]))
    return html`<p class="key">${spelled.map((c, i) => html`${i ? ' · ' : ''}<b>${t(SHORT[c.key])}</b>: ${t(LABEL[c.key])} <span lang="ja">(${c.label})</span>`)}</p>`
  }

  private renderPupil(d: RegisterMonth, p: RegisterPupil) {
    const badges = [streakBadge(p.streak, d.consecutiveAbsenceBadge), cumulativeBadge(p.year.absentDays, d.cumulativeAbsenceBadges)].filter((b): b is string => !!b)
    return html`<tr>
      <td>${p.attendanceNumber}</td>
      <td class="name">${p.name}</td>
      ${d.days.map((day) => this.renderCell(d, p, day))}
      ${COUNT_COLUMNS.map((c, i) => html`<td class="sum ${i === 0 ? 'first' : ''}">${p.month[c.key]}</td>`)}
      ${COUNT_COLUMNS.map((c, i) => html`<td class="sum ${i === 0 ? 'first' : ''}">${p.year[c.key]}</td>`)}
      <td>${badges.map((b, i) => html`<span class="badge ${i === 0 && p.streak >= d.consecutiveAbsenceBadge ? '' : 'soft'}">${b}</span>`)}${p.year.unresolved ? html`<span class="badge soft">${t('unresolvedBadge', { n: p.year.unresolved })}</span>` : nothing}</td>
    </tr>`
  }

  private renderCell(d: RegisterMonth, p: RegisterPupil, day: string) {
    if (day < p.enrolledOn || (p.leftOn !== null && day > p.leftOn)) return html`<td class="day outside" title=${t('notEnrolled')}>―</td>`
    const c = p.cells[day]
    const code = c?.codeId ? d.codes.find((k) => k.id === c.codeId) : undefined
    const cls = c?.closed ? 'closed' : !code ? '' : code.provisional ? 'provisional' : code.excused ? 'excused' : code.countsAbsent ? 'absent' : code.shortLabel === '出' ? '' : 'late'
    const text = c?.closed ? t('closedMark') : code && code.shortLabel !== '出' ? code.shortLabel : ''
    const title = `${day} ${c?.closed ? t('classOrGradeClosure') : (code?.label ?? t('present'))}${c?.corrected ? t('correctedSuffix') : ''}`
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
