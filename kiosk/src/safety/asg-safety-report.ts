import { LitElement, css, html, nothing } from 'lit'
import { CALL_OUTCOME_LABEL } from '../../../shared/protocol/index.js'
import {
  SAFETY_PICKUP_LABEL,
  SAFETY_SITUATION_LABEL,
  SAFETY_STATUS_LABEL,
  SAFETY_TALLY_LABEL as L,
  SAFETY_WHEREABOUTS_LABEL,
  type SafetyReport,
} from '../../../shared/protocol/safety.js'
import { formatInstantJa, formatInstantTimeJa, formatTimeJa } from '../../../shared/time/format.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import { buttons, tokens } from '../lib/styles.js'

/**
 * The report of a closed confirmation, laid out for A4 portrait: what was sent and when, the
 * totals per class, and every child with the answer that counts (who, when), the other
 * guardians' answers and the calls made. 訓練 is marked in the title.
 */
export class AsgSafetyReport extends LitElement {
  static override properties = {
    report: { attribute: false },
    timeZone: { type: String },
  }
  declare report: SafetyReport
  declare timeZone: string

  constructor() {
    super()
    this.timeZone = SCHOOL_ZONE
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; background: #fff; max-width: 190mm; margin: 0 auto; padding: 8mm; font-size: 10pt; }
      h1 { font-size: 15pt; margin: 0 0 2mm; }
      .mark { border: 1.5px solid #5b4a9c; color: #5b4a9c; border-radius: 4px; padding: 0 0.4em; margin-right: 0.4em; }
      p { margin: 0 0 2mm; }
      table { border-collapse: collapse; width: 100%; margin: 0 0 5mm; font-variant-numeric: tabular-nums; }
      th, td { border: 0.5px solid #777; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
      th { background: #eee; font-weight: 700; }
      td.n { text-align: right; }
      tr { break-inside: avoid; }
      .support { font-weight: 700; color: #b42318; }
      .none { font-weight: 700; color: #8a5a00; }
      .print { margin: 0 0 4mm; }
      @page { size: A4 portrait; margin: 12mm; }
      @media print { :host { padding: 0; max-width: none; } .print { display: none; } }
    `,
  ]

  override render() {
    const { report: r, timeZone: zone } = this
    const s = r.safety
    return html`<button class="print primary" type="button" @click=${() => window.print()}>印刷する(A4)</button>
      <h1>${s.drill ? html`<span class="mark">訓練</span>` : nothing}${s.title} 報告書</h1>
      <p>${r.schoolName} ・ ${SAFETY_SITUATION_LABEL[s.situation]} ・ ${formatInstantJa(s.startedAt, zone)} ${s.startedBy} 送信 ・
        ${s.closedAt ? `${formatInstantJa(s.closedAt, zone)} 締切` : '実施中'} ・ 再送 ${s.reminders}回</p>
      ${s.message ? html`<p>「${s.message}」</p>` : nothing}
      <table>
        <thead><tr><th>学級</th><th>対象</th><th>${L.answered}</th><th>${L.safe}</th><th>${L.support}</th><th>${L.unanswered}</th></tr></thead>
        <tbody>
          ${s.classes.map((c) => html`<tr><td>${c.label}</td><td class="n">${c.targets}</td><td class="n">${c.answered}</td><td class="n">${c.safe}</td><td class="n">${c.support}</td><td class="n">${c.unanswered}</td></tr>`)}
          <tr><th>合計</th><th>${s.totals.targets}</th><th>${s.totals.answered}</th><th>${s.totals.safe}</th><th>${s.totals.support}</th><th>${s.totals.unanswered}</th></tr>
        </tbody>
      </table>
      <table>
        <thead><tr><th>学級</th><th>番号</th><th>氏名</th><th>状況</th><th>場所・お迎え</th><th>回答者・時刻</th><th>連絡事項・電話</th></tr></thead>
        <tbody>
          ${r.rows.map((row) => {
            const a = row.answer
            const where = a ? [a.whereabouts ? SAFETY_WHEREABOUTS_LABEL[a.whereabouts] : '', a.pickup ? SAFETY_PICKUP_LABEL[a.pickup] : '', a.pickupTime ? formatTimeJa(a.pickupTime) : ''].filter(Boolean).join(' ') : ''
            return html`<tr>
              <td>${row.classLabel}</td><td class="n">${row.attendanceNumber}</td><td>${row.name}</td>
              <td class=${a ? (a.status === 'injured' || a.status === 'unknown' ? 'support' : '') : 'none'}>${a ? SAFETY_STATUS_LABEL[a.status] : '未回答'}</td>
              <td>${where}</td>
              <td>${a ? `${a.guardian} ${formatInstantTimeJa(a.answeredAt, zone)}` : ''}${row.answers.filter((x) => !x.counts).map((x) => html`<br />(${x.guardian} ${SAFETY_STATUS_LABEL[x.status]} ${formatInstantTimeJa(x.answeredAt, zone)})`)}</td>
              <td>${a?.note ?? ''}${row.calls.map((c) => html`<br />電話 ${formatInstantTimeJa(c.at, zone)} ${c.by} ${CALL_OUTCOME_LABEL[c.outcome]}${c.note ? ` ${c.note}` : ''}`)}</td>
            </tr>`
          })}
        </tbody>
      </table>`
  }
}

customElements.define('asg-safety-report', AsgSafetyReport)
declare global {
  interface HTMLElementTagNameMap {
    'asg-safety-report': AsgSafetyReport
  }
}
