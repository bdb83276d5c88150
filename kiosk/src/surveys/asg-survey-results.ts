import { LitElement, css, html, nothing } from 'lit'
import { answerText } from '../../../shared/domain/surveyAnswers.js'
import type { OptionCounts, SurveyQuestion, SurveyResults } from '../../../shared/protocol/surveys.js'
import { routes } from '../../../shared/protocol/routes.js'
import { formatInstantJa } from '../../../shared/time/format.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import { ApiError, call, hrefOf } from '../lib/api.js'
import { buttons, tokens } from '../lib/styles.js'

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
        <span class="status">${r.status === 'draft' ? '下書き' : open ? '受付中' : '締切済'}</span>
        <span>締切 ${formatInstantJa(r.deadline, SCHOOL_ZONE)}</span>
        <span>${r.per === 'family' ? '家庭ごとに1回答' : '児童ごとに回答'}</span>
      </div>
      <div class="tools">
        ${r.canRemind && open ? html`<button type="button" ?disabled=${this.busy} @click=${this.remind}>未回答の家庭に催促を送る</button>` : nothing}
        ${r.remindedAt ? html`<span>最後の催促 ${formatInstantJa(r.remindedAt, SCHOOL_ZONE)}</span>` : nothing}
        <a href=${hrefOf(routes.surveys.resultsCsv, { params: { id: r.id }, query: { encoding: 'utf8' } })} download>CSV(UTF-8)</a>
        <a href=${hrefOf(routes.surveys.resultsCsv, { params: { id: r.id }, query: { encoding: 'sjis' } })} download>CSV(Shift_JIS)</a>
        <button type="button" @click=${() => window.print()}>印刷</button>
        ${this.canBuild && r.status === 'open' ? html`<button type="button" ?disabled=${this.busy} @click=${this.close}>締め切る</button>` : nothing}
        ${this.message ? html`<span class="message" role="status">${this.message}</span>` : nothing}
      </div>
      <div class="total">
        <div class="box" data-total>
          <div>回答 <span class="big" data-answered>${r.total.answered}</span> / <span data-expected>${r.total.expected}</span>${r.per === 'family' ? '家庭' : '人'}</div>
          <div class="todo">未回答 ${r.total.expected - r.total.answered}</div>
        </div>
        ${r.questions.filter((q) => r.total.counts[q.id]).map((q) => this.bars(q, r.total.counts))}
      </div>
      ${r.classes.length === 0 ? html`<p>表示できる学級がありません。</p>` : nothing}
      ${r.classes.map((c) => html`<section class="class" data-class=${c.classId} aria-labelledby="class-${c.classId}">
        <h3 id="class-${c.classId}">${c.label} 回答 ${c.answered} / ${c.expected}${c.answered < c.expected ? html` <span class="todo">(未回答 ${c.expected - c.answered})</span>` : nothing}</h3>
        <table>
          <thead><tr><th>番号</th><th>氏名</th><th>状況</th>${r.questions.map((q) => html`<th>${q.label}</th>`)}<th>回答者・日時</th></tr></thead>
          <tbody>${c.rows.map((row) => html`<tr class=${row.answers ? '' : 'missing'} data-pupil=${row.pupilId}>
            <td>${row.number}</td><td>${row.name}</td>
            <td>${row.answers ? html`<span class="ok">回答済</span>` : html`<span class="todo">未回答</span>${row.phones.length ? html`<br />${row.phones.join(' / ')}` : nothing}`}</td>
            ${r.questions.map((q) => html`<td>${answerText(q, row.answers?.[q.id])}</td>`)}
            <td>${row.answeredAt ? `${row.answeredBy ?? ''} ${formatInstantJa(row.answeredAt, SCHOOL_ZONE)}` : ''}</td>
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
    if (!confirm('まだ回答していない家庭にだけ、催促のお知らせとメールを送ります。よろしいですか。')) return
    await this.act(async () => {
      const { guardians } = await call(routes.surveys.remind, { params: { id: this.results.id } })
      this.message = guardians > 0 ? `${guardians}人の保護者に催促を送りました。` : '未回答の家庭はありません。'
    })
  }

  private async close() {
    if (!confirm('締め切ると、保護者は回答・変更できなくなります。よろしいですか。')) return
    await this.act(async () => {
      await call(routes.surveys.close, { params: { id: this.results.id } })
      this.message = '締め切りました。'
    })
  }

  private async act(run: () => Promise<void>) {
    this.busy = true
    try {
      await run()
      this.dispatchEvent(new CustomEvent('asg-changed', { bubbles: true, composed: true }))
    } catch (err) {
      this.message = ''
      alert(err instanceof ApiError ? err.message : '操作できませんでした。')
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
