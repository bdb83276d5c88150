import { LitElement, css, html, nothing } from 'lit'
import { officeLists } from '../../../shared/domain/officeLists.js'
import type { ClassInfo, DayEntry } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import { timeText } from '../lib/staffLanguage.js'
import { aroundCount, REPORT_KIND_TEXT, STATUS_LABEL, statusColours } from './day-view.js'
import { t } from './text.js'

/** officeLists' reasons for a discrepancy, by their Japanese words. */
const WHY: Record<string, string> = {
  '欠席の連絡あり・学校は出席と記録': t('whyMarkedPresent'),
  '欠席の連絡あり・登校済': t('whyArrived'),
}

/**
 * The office / vice-principal's morning lists, live: unexplained 未登校, reports not
 * yet acknowledged, discrepancies, and classes that have not taken the roll.
 * @fires asg-select-class - detail: { classId }, to open a class
 */
export class AsgOfficeLists extends LitElement {
  static override properties = {
    classes: { attribute: false },
    entries: { attribute: false },
    rollCallOverdue: { type: Boolean },
  }
  declare classes: readonly ClassInfo[]
  declare entries: readonly DayEntry[]
  /** The roll-call time has passed: classes without roll are shown as late. */
  declare rollCallOverdue: boolean

  constructor() {
    super()
    this.classes = []
    this.entries = []
    this.rollCallOverdue = false
  }

  static override styles = [
    tokens,
    buttons,
    statusColours,
    css`
      :host { display: block; margin: 0 0 1.2rem; }
      h2 { font-size: 1.15rem; margin: 0 0 0.5rem; }
      .grid { display: grid; gap: 8px; }
      @media (min-width: 900px) { .grid { grid-template-columns: repeat(2, minmax(0, 1fr)); align-items: start; } }
      ul.classes { display: flex; flex-wrap: wrap; gap: 4px; }
      ul.classes li button { width: auto; border: 1px solid var(--asg-line); }
      section { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 0.6rem 0.8rem; }
      section.alert { border-color: var(--asg-not-arrived-bg); box-shadow: inset 4px 0 0 var(--asg-not-arrived-bg); }
      h3 { margin: 0 0 0.4rem; font-size: 1rem; display: flex; align-items: baseline; gap: 0.5rem; }
      .n { font-size: 1.4rem; font-variant-numeric: tabular-nums; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; }
      li button { width: 100%; min-height: 40px; text-align: left; border: 0; border-radius: 6px; background: transparent; padding: 0.25rem 0.3rem;
        display: flex; flex-wrap: wrap; gap: 0.1rem 0.6rem; align-items: baseline; }
      li button:hover { background: var(--asg-bg); }
      .cls { color: var(--asg-ink-soft); font-size: 0.85rem; min-width: 4.5em; }
      .name { font-weight: 700; }
      .chip { font-size: 0.8rem; font-weight: 700; border-radius: 6px; padding: 0 0.5em; }
      .why { font-size: 0.85rem; color: var(--asg-absent); }
      .none { color: var(--asg-ink-soft); font-size: 0.9rem; }
    `,
  ]

  override render() {
    const lists = officeLists(this.classes, this.entries)
    const label = new Map(this.classes.map((c) => [c.id, c.label]))
    const pupil = (e: DayEntry, extra: unknown = nothing) =>
      html`<li><button @click=${() => this.open(e.classId)}><span class="cls">${label.get(e.classId) ?? ''}</span><span class="name">${e.attendanceNumber}. ${e.name}</span>${extra}</button></li>`
    // The count is styled apart inside the sentence, wherever the language puts it.
    const heading = (key: Parameters<typeof t>[0], n: number) => {
      const [before, after] = aroundCount((mark) => t(key, { n: mark }))
      return html`${before}<span class="n">${n}</span>${after}`
    }
    return html`<h2>${t('morningCheck')}</h2>
      <div class="grid">
        <section class=${lists.unexplained.length ? 'alert' : ''} aria-label=${t('unexplainedLabel')}>
          <h3>${heading('unexplainedHeading', lists.unexplained.length)}</h3>
          ${lists.unexplained.length ? html`<ul>${lists.unexplained.map((e) => pupil(e, html`<span class="chip st-not_arrived">${STATUS_LABEL.not_arrived}</span>`))}</ul>` : html`<p class="none">${t('none')}</p>`}
        </section>
        <section class=${this.rollCallOverdue && lists.classesWithoutRoll.length ? 'alert' : ''} aria-label=${t('withoutRollLabel')}>
          <h3>${heading('withoutRollHeading', lists.classesWithoutRoll.length)}</h3>
          ${lists.classesWithoutRoll.length
            ? html`<ul class="classes">${lists.classesWithoutRoll.map((c) => html`<li><button @click=${() => this.open(c.id)}><span class="name">${c.label}</span><span class="cls">${c.homeroomTeacher ?? t('noHomeroomTeacher')}</span></button></li>`)}</ul>`
            : html`<p class="none">${t('allRollsTaken')}</p>`}
        </section>
        <section aria-label=${t('unacknowledgedLabel')}>
          <h3>${heading('unacknowledgedHeading', lists.unacknowledged.length)}</h3>
          ${lists.unacknowledged.length
            ? html`<ul>${lists.unacknowledged.map(({ entry, report }) => pupil(entry, html`<span class="chip st-${report.kind}">${REPORT_KIND_TEXT[report.kind]}</span>${report.time ? html`<span>${timeText(report.time)}</span>` : nothing}`))}</ul>`
            : html`<p class="none">${t('none')}</p>`}
        </section>
        <section class=${lists.discrepancies.length ? 'alert' : ''} aria-label=${t('discrepanciesLabel')}>
          <h3>${heading('discrepanciesHeading', lists.discrepancies.length)}</h3>
          ${lists.discrepancies.length
            ? html`<ul>${lists.discrepancies.map((d) => pupil(d.entry, html`<span class="chip st-${d.entry.status}">${STATUS_LABEL[d.entry.status]}</span><span class="why">${WHY[d.why] ?? d.why}</span>`))}</ul>`
            : html`<p class="none">${t('none')}</p>`}
        </section>
      </div>`
  }

  private open(classId: number) {
    this.dispatchEvent(new CustomEvent<{ classId: number }>('asg-select-class', { detail: { classId }, bubbles: true, composed: true }))
  }
}

customElements.define('asg-office-lists', AsgOfficeLists)
declare global {
  interface HTMLElementTagNameMap {
    'asg-office-lists': AsgOfficeLists
  }
}
