import { LitElement, css, html, nothing } from 'lit'
import { answerText } from '../../../shared/domain/surveyAnswers.js'
import type { OptionCounts, SurveyQuestion, SurveyResults } from '../../../shared/protocol/surveys.js'
import { routes } from '../../../shared/protocol/routes.js'
import { ApiError, call, errorText, hrefOf } from '../lib/api.js'
import { instantText } from '../lib/staffLanguage.js'
import { buttons, tokens } from '../lib/styles.js'
import { t } from './text.js'

/**
 * A survey's results as they come in: the totals with each option's count, then per class the
 * counts, every pupil's answer and the ones not answered (with the families' phones); the
 * office reminds the non-responders, exports CSV and prints.
 * @fires asg-changed - the survey was closed or reminded (the page reloads)
 */
export class AsgSurveyResults extends LitElement {
  static override properties = { results: { attribute: false }, canBuild: { type: Boolean }, message: { state: true }, busy: { state: true } }
  declare results: SurveyResults
  declare canBuild: boolean
  declare message: string
  declare busy: boolean

  constructor() {
    super()
    this.canBuild = false
    this.message = ''
    this.busy = false
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; }
      .head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.4rem 1rem; }
      h2 { margin: 0; font-size: 1.25rem; }
      .status { font-weight: 700; }
      .tools { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.5rem 0; align-items: center; }
      .tools a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 0.8em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); background: var(--asg-surface); color: var(--asg-ink); text-decoration: none; }
      .total { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 0.6rem; margin: 0.6rem 0 1rem; }
      .box { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 0.5rem 0.8rem; }
      .big { font-size: 1.8rem; font-weight: 700; }
      .bar { display: grid; grid-template-columns: 7em 1fr 2.5em; gap: 0.4rem; align-items: center; font-size: 0.9rem; }
      .bar .fill { height: 0.8rem; background: var(--asg-accent); border-radius: 3px; }
      section.class { margin: 0 0 1.2rem; break-inside: avoid; }
      h3 { font-size: 1.05rem; margin: 0 0 0.3rem; }
      table { border-collapse: collapse; width: 100%; background: var(--asg-surface); font-size: 0.9rem; }
      th, td { border: 1px solid var(--asg-line); padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
      th { background: #f0eee7; }
      tr.missing td { background: #fff4f0; }
      .todo { color: var(--asg-absent); font-weight: 700; }
      .ok { color: var(--asg-ok); }
      .message { color: var(--asg-ok); font-weight: 700; }
      @media print { .tools { display: none; } :host { font-size: 10pt; } }
    `,
  ]

  override render() {
    const r = this.results
    const open = r.status === 'open' && Date.parse(r.deadline) > Date.now()
    return html`<div class="head">
        <h2>${r.title}</h2>
        <span class="status">${r.status === 'draft' ? t('statusDraft') : open ? t('statusOpen') : t('statusClosed')}</span>
        <span>${t('deadline', { when: instantText(r.deadline) })}</span>
        <span>${r.per === 'family' ? t('perFamilyShort') : t('perChild')}</span>
      </div>
      <div class="tools">
        ${r.canRemind && open ? html`<button type="button" ?disabled=${this.busy} @click=${this.remind}>${t('remind')}</button>` : nothing}
        ${r.remindedAt ? html`<span>${t('lastReminder', { when: instantText(r.remindedAt) })}</span>` : nothing}
        <a href=${hrefOf(routes.surveys.resultsCsv, { params: { id: r.id }, query: { encoding: 'utf8' } })} download>${t('csvUtf8')}</a>
        <a href=${hrefOf(routes.surveys.resultsCsv, { params: { id: r.id }, query: { encoding: 'sjis' } })} download>${t('csvShiftJis')}</a>
        <button type="button" @click=${() => window.print()}>${t('print')}</button>
        ${this.canBuild && r.status === 'open' ? html`<button type="button" ?disabled=${this.busy} @click=${this.close}>${t('close')}</button>` : nothing}
        ${this.message ? html`<span class="message" role="status">${this.message}</span>` : nothing}
      </div>
      <div class="total">
        <div class="box" data-total>
          <div>${t('answered')} <span class="big" data-answered>${r.total.answered}</span> / <span data-expected>${r.total.expected}</span>${t('expectedUnit', { expected: r.total.expected, per: r.per })}</div>
          <div class="todo">${t('notAnsweredCount', { n: r.total.expected - r.total.answered })}</div>
        </div>
        ${r.questions.filter((q) => r.total.counts[q.id]).map((q) => this.bars(q, r.total.counts))}
      </div>
      ${r.classes.length === 0 ? html`<p>${t('noClasses')}</p>` : nothing}
      ${r.classes.map((c) => html`<section class="class" data-class=${c.classId} aria-labelledby="class-${c.classId}">
        <h3 id="class-${c.classId}">${c.label} ${t('classAnswered', { answered: c.answered, expected: c.expected })}${c.answered < c.expected ? html` <span class="todo">${t('classNotAnswered', { n: c.expected - c.answered })}</span>` : nothing}</h3>
        <table>
          <thead><tr><th>${t('numberColumn')}</th><th>${t('nameColumn')}</th><th>${t('statusColumn')}</th>${r.questions.map((q) => html`<th>${q.label}</th>`)}<th>${t('answeredByColumn')}</th></tr></thead>
          <tbody>${c.rows.map((row) => html`<tr class=${row.answers ? '' : 'missing'} data-pupil=${row.pupilId}>
            <td>${row.number}</td><td>${row.name}</td>
            <td>${row.answers ? html`<span class="ok">${t('answeredMark')}</span>` : html`<span class="todo">${t('notAnsweredMark')}</span>${row.phones.length ? html`<br />${row.phones.join(' / ')}` : nothing}`}</td>
            ${r.questions.map((q) => html`<td>${answerText(q, row.answers?.[q.id])}</td>`)}
            <td>${row.answeredAt ? `${row.answeredBy ?? ''} ${instantText(row.answeredAt)}` : ''}</td>
          </tr>`)}</tbody>
        </table>
      </section>`)}`
  }

  private bars(q: SurveyQuestion, counts: OptionCounts) {
    if (q.kind !== 'single' && q.kind !== 'multiple') return nothing
    const c = counts[q.id]!
    const max = Math.max(1, ...c)
    return html`<div class="box" data-question=${q.id}><div><strong>${q.label}</strong></div>
      ${q.options.map((o, i) => html`<div class="bar"><span>${o}</span><span class="fill" style="width:${(c[i]! / max) * 100}%"></span><span data-count=${i}>${c[i]}</span></div>`)}</div>`
  }

  private async remind() {
    if (!confirm(t('remindConfirm'))) return
    await this.act(async () => {
      const { guardians } = await call(routes.surveys.remind, { params: { id: this.results.id } })
      this.message = guardians > 0 ? t('reminded', { n: guardians }) : t('noneUnanswered')
    })
  }

  private async close() {
    if (!confirm(t('closeConfirm'))) return
    await this.act(async () => {
      await call(routes.surveys.close, { params: { id: this.results.id } })
      this.message = t('closed')
    })
  }

  private async act(run: () => Promise<void>) {
    this.busy = true
    try {
      await run()
      this.dispatchEvent(new CustomEvent('asg-changed', { bubbles: true, composed: true }))
    } catch (err) {
      this.message = ''
      alert(err instanceof ApiError ? errorText(err) : t('actionFailed'))
    }
    this.busy = false
  }
}

customElements.define('asg-survey-results', AsgSurveyResults)
declare global {
  interface HTMLElementTagNameMap {
    'asg-survey-results': AsgSurveyResults
  }
}
