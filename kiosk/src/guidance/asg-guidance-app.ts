import { LitElement, css, html, nothing } from 'lit'
import type { GuidancePupil, GuidanceView } from '../../../shared/protocol/index.js'
import { ApiError, call, errorText } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { buttons, tokens } from '../lib/styles.js'
import { dayText } from '../lib/staffLanguage.js'
import { cumulativeBadge, streakBadge } from '../register/badges.js'
import { REASON } from './reasons.js'
import { t } from './text.js'

/**
 * The guidance view (生徒指導): pupils ranked by cumulative 欠席, with the last six weeks'
 * trend, who crossed a threshold this month, the memo and the board-of-education mark, and
 * the board-of-education CSV exports. By default only pupils with at least one 欠席 show.
 */
export class AsgGuidanceApp extends LitElement {
  static override properties = {
    view: { state: true },
    error: { state: true },
    showAll: { state: true },
    editing: { state: true },
  }
  declare view: GuidanceView | null
  declare error: string
  declare showAll: boolean
  declare editing: GuidancePupil | null

  constructor() {
    super()
    this.view = null
    this.error = ''
    this.showAll = false
    this.editing = null
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; }
      .controls { display: flex; flex-wrap: wrap; align-items: center; gap: 0.6rem; margin: 0 0 0.8rem; }
      a.button { display: inline-flex; align-items: center; min-height: 44px; padding: 0 1em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); background: var(--asg-surface); color: var(--asg-ink); text-decoration: none; }
      .spacer { flex: 1; }
      section.crossed { background: var(--asg-absent-bg); border: 1px solid var(--asg-absent); border-radius: var(--asg-radius); padding: 0.6rem 0.9rem; margin: 0 0 0.9rem; }
      section.crossed h2 { font-size: 1rem; margin: 0 0 0.3rem; color: var(--asg-absent); }
      section.crossed ul { margin: 0; padding-left: 1.2rem; }
      table { border-collapse: collapse; width: 100%; background: var(--asg-surface); font-variant-numeric: tabular-nums; }
      th, td { border-bottom: 1px solid var(--asg-line); padding: 0.4rem 0.5rem; text-align: left; vertical-align: middle; }
      th { background: #eef0f5; font-size: 0.9rem; }
      td.n { text-align: right; }
      td.big { font-size: 1.15rem; font-weight: 700; }
      .badge { display: inline-block; border-radius: 6px; padding: 0 0.45em; margin: 0 0.2em 0.1em 0; font-size: 0.8rem; background: var(--asg-absent-bg); color: var(--asg-absent); border: 1px solid var(--asg-absent); white-space: nowrap; }
      .badge.strong { background: var(--asg-absent); color: #fff; }
      .badge.ok { background: #e3f4e4; color: #1a7f37; border-color: #1a7f37; }
      .memo { font-size: 0.85rem; color: var(--asg-ink-soft); max-width: 18rem; white-space: pre-wrap; }
      td button { min-height: 36px; padding: 0.2em 0.8em; }
      .error { color: var(--asg-absent); }
      .empty { color: var(--asg-ink-soft); padding: 2rem; text-align: center; }
    `,
  ]

  override connectedCallback(): void {
    super.connectedCallback()
    document.title = t('pageTitle')
  }

  override render() {
    return html`<asg-staff-gate heading=${t('heading')} @asg-staff-ready=${() => this.load()}>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.view ? this.renderView(this.view) : this.error ? nothing : html`<p>${t('loading')}</p>`}
      ${this.editing
        ? html`<asg-guidance-note .pupil=${this.editing} @asg-close=${() => (this.editing = null)}
            @asg-saved=${() => { this.editing = null; void this.load() }}></asg-guidance-note>`
        : nothing}
    </asg-staff-gate>`
  }

  private renderView(v: GuidanceView) {
    const month = v.date.slice(0, 7)
    const crossed = v.pupils.filter((p) => p.crossed.length > 0)
    const shown = this.showAll ? v.pupils : v.pupils.filter((p) => p.cumulative > 0)
    return html`
      <div class="controls">
        <strong>${t('upTo', { day: dayText(v.date) })}</strong>
        <label><input type="checkbox" .checked=${this.showAll} @change=${(e: Event) => (this.showAll = (e.target as HTMLInputElement).checked)} /> ${t('showAll')}</label>
        <span class="spacer"></span>
        <a class="button" href="/api/guidance/long-absence.csv?month=${month}" download>${t('longAbsenceCsv', { m: String(Number(month.slice(5))) })}</a>
        <a class="button" href="/api/guidance/daily-absentees.csv?date=${v.date}" download>${t('dailyAbsenteesCsv')}</a>
        <a class="button" href="/api/guidance/daily-absentees.csv?date=${v.date}&encoding=sjis" download>${t('dailyAbsenteesCsvSjis')}</a>
      </div>
      ${crossed.length
        ? html`<section class="crossed" aria-label=${t('crossedLabel')}>
            <h2>${t('crossedHeading', { thresholds: v.cumulativeAbsenceBadges.join(t('listSeparator')) })}</h2>
            <ul>${crossed.map((p) => html`<li><span lang="ja">${p.classLabel} ${p.name}</span>${t('crossedItem', { n: p.cumulative, crossed: p.crossed.map((n) => t('days', { n })).join(t('listSeparator')) })}</li>`)}</ul>
          </section>`
        : nothing}
      ${shown.length === 0
        ? html`<p class="empty">${t('noAbsences')}</p>`
        : html`<table>
            <thead><tr><th>${t('columnRank')}</th><th>${t('columnClass')}</th><th>${t('columnNumber')}</th><th>${t('columnName')}</th><th>${t('columnCumulative')}</th><th>${t('columnThisMonth')}</th><th>${t('columnStreak')}</th><th>${t('columnTrend')}</th><th>${t('columnAlerts')}</th><th>${t('columnNotes')}</th><th></th></tr></thead>
            <tbody>${shown.map((p, i) => this.renderRow(v, p, i + 1))}</tbody>
          </table>`}`
  }

  private renderRow(v: GuidanceView, p: GuidancePupil, rank: number) {
    const streak = streakBadge(p.streak, v.consecutiveAbsenceBadge)
    const cumulative = cumulativeBadge(p.cumulative, v.cumulativeAbsenceBadges)
    return html`<tr>
      <td class="n">${rank}</td>
      <td lang="ja">${p.classLabel}</td>
      <td class="n">${p.attendanceNumber}</td>
      <td>${p.name}</td>
      <td class="n big">${p.cumulative}</td>
      <td class="n">${p.monthAbsent}</td>
      <td class="n">${p.streak}</td>
      <td><asg-trend .weeks=${p.trend}></asg-trend></td>
      <td>${streak ? html`<span class="badge strong">${streak}</span>` : nothing}${cumulative ? html`<span class="badge">${cumulative}</span>` : nothing}${p.crossed.length ? html`<span class="badge strong">${t('crossedBadge', { n: Math.max(...p.crossed) })}</span>` : nothing}</td>
      <td>${p.reportedToBoardAt ? html`<span class="badge ok">${t('reportedBadge')}</span>` : nothing}${p.longAbsenceReason ? html`<span class="badge ok">${t(REASON[p.longAbsenceReason])}</span>` : nothing}
        ${p.memo ? html`<div class="memo">${p.memo}</div>` : nothing}</td>
      <td><button @click=${() => (this.editing = p)}>${t('edit')}</button></td>
    </tr>`
  }

  private async load() {
    try {
      this.view = await call(routes.guidance.view)
      this.error = ''
    } catch (err) {
      this.error = err instanceof ApiError ? errorText(err) : t('loadFailed')
    }
  }
}

customElements.define('asg-guidance-app', AsgGuidanceApp)
declare global {
  interface HTMLElementTagNameMap {
    'asg-guidance-app': AsgGuidanceApp
  }
}
