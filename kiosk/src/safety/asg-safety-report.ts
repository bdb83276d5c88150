import { LitElement, css, html, nothing } from 'lit'
import type { SafetyReport } from '../../../shared/protocol/safety.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import { instantText, speaksEnglish, timeText } from '../lib/staffLanguage.js'
import { buttons, tokens } from '../lib/styles.js'
import { callOutcomeLabel, instantTimeText, pickupLabel, situationLabel, statusLabel, tallyLabel as L, whereaboutsLabel } from './labels.js'
import { t } from './text.js'

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
    return html`<button class="print primary" type="button" @click=${() => window.print()}>${t('print')}</button>
      <h1>${s.drill ? html`<span class="mark">${t('drill')}</span>` : nothing}${t('reportTitle', { title: s.title })}</h1>
      <p>${t('reportMeta', {
        school: r.schoolName,
        situation: situationLabel(s.situation),
        sentAt: instantText(s.startedAt),
        sentBy: s.startedBy,
        state: s.closedAt ? t('reportClosedAt', { time: instantText(s.closedAt) }) : t('reportOpen'),
        n: s.reminders,
      })}</p>
      ${s.message ? html`<p>${t('quoted', { text: s.message })}</p>` : nothing}
      <table>
        <thead><tr><th>${t('classColumn')}</th><th>${t('targetsColumn')}</th><th>${L('answered')}</th><th>${L('safe')}</th><th>${L('support')}</th><th>${L('unanswered')}</th></tr></thead>
        <tbody>
          ${s.classes.map((c) => html`<tr><td>${c.label}</td><td class="n">${c.targets}</td><td class="n">${c.answered}</td><td class="n">${c.safe}</td><td class="n">${c.support}</td><td class="n">${c.unanswered}</td></tr>`)}
          <tr><th>${t('total')}</th><th>${s.totals.targets}</th><th>${s.totals.answered}</th><th>${s.totals.safe}</th><th>${s.totals.support}</th><th>${s.totals.unanswered}</th></tr>
        </tbody>
      </table>
      <table>
        <thead><tr><th>${t('classColumn')}</th><th>${t('numberColumn')}</th><th>${t('nameColumn')}</th><th>${t('statusColumn')}</th><th>${t('whereColumn')}</th><th>${t('answeredByColumn')}</th><th>${t('notesColumn')}</th></tr></thead>
        <tbody>
          ${r.rows.map((row) => {
            const a = row.answer
            // Japanese runs these together with spaces; English sets them apart as the page's lists do.
            const where = a ? [a.whereabouts ? whereaboutsLabel(a.whereabouts) : '', a.pickup ? pickupLabel(a.pickup) : '', a.pickupTime ? timeText(a.pickupTime) : ''].filter(Boolean).join(speaksEnglish() ? ' · ' : ' ') : ''
            return html`<tr>
              <td>${row.classLabel}</td><td class="n">${row.attendanceNumber}</td><td>${row.name}</td>
              <td class=${a ? (a.status === 'injured' || a.status === 'unknown' ? 'support' : '') : 'none'}>${a ? statusLabel(a.status) : t('unanswered')}</td>
              <td>${where}</td>
              <td>${a ? `${a.guardian} ${instantTimeText(a.answeredAt, zone)}` : ''}${row.answers.filter((x) => !x.counts).map((x) => html`<br />${t('otherAnswerShort', { guardian: x.guardian, status: statusLabel(x.status), time: instantTimeText(x.answeredAt, zone) })}`)}</td>
              <td>${a?.note ?? ''}${row.calls.map((c) => html`<br />${t('reportCall', { time: instantTimeText(c.at, zone), by: c.by, outcome: callOutcomeLabel(c.outcome) })}${c.note ? ` ${c.note}` : ''}`)}</td>
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
