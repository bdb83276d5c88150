import { LitElement, css, html, nothing } from 'lit'
import type { SurveyList, SurveyResults, SurveyTargets } from '../../../shared/protocol/index.js'
import { routes } from '../../../shared/protocol/routes.js'
import { ReloadOnChange } from '../controllers/reload-on-change.js'
import { ApiError, call, errorText } from '../lib/api.js'
import { instantText } from '../lib/staffLanguage.js'
import { buttons, tokens } from '../lib/styles.js'
import { blankForm, formOf, type BuilderForm } from './asg-survey-builder.js'
import './asg-survey-builder.js'
import './asg-survey-results.js'
import { t } from './text.js'

type View = { kind: 'list' } | { kind: 'build'; id: number | null } | { kind: 'results'; id: number }

/** The view an address names: `#new`, `#edit-12`, `#results-12`, or the list. */
function viewOf(hash: string): View {
  const m = /^#(new|edit|results)(?:-(\d+))?$/.exec(hash)
  if (m?.[1] === 'new') return { kind: 'build', id: null }
  if (m?.[1] === 'edit' && m[2]) return { kind: 'build', id: Number(m[2]) }
  if (m?.[1] === 'results' && m[2]) return { kind: 'results', id: Number(m[2]) }
  return { kind: 'list' }
}

/**
 * The staff's surveys page: the list with each survey's answers so far; the builder for those
 * who may build; a survey's results, which reload live as families answer (a `school:changed`
 * with the part `surveys`). Homeroom teachers see their class's surveys and answers.
 */
export class AsgSurveysApp extends LitElement {
  static override properties = {
    list: { state: true },
    view: { state: true },
    results: { state: true },
    classes: { state: true },
    form: { state: true },
    error: { state: true },
  }
  declare list: SurveyList | null
  declare view: View
  declare results: SurveyResults | null
  declare classes: SurveyTargets['classes']
  declare form: BuilderForm | null
  declare error: string
  private live: ReloadOnChange | null = null
  private readonly onHash = () => this.go(viewOf(location.hash))

  constructor() {
    super()
    this.list = null
    this.view = { kind: 'list' }
    this.results = null
    this.classes = []
    this.form = null
    this.error = ''
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; }
      .top { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: center; margin-bottom: 0.7rem; }
      .top a { color: var(--asg-accent); }
      table { border-collapse: collapse; width: 100%; background: var(--asg-surface); }
      th, td { border-bottom: 1px solid var(--asg-line); padding: 0.45rem 0.6rem; text-align: left; }
      th { background: #f0eee7; font-size: 0.9rem; }
      a.new { display: inline-flex; align-items: center; min-height: 44px; padding: 0 1em; border-radius: var(--asg-radius); background: var(--asg-accent); color: #fff; font-weight: 700; text-decoration: none; }
      .open { color: var(--asg-ok); font-weight: 700; }
      .error { color: var(--asg-absent); }
      @media print { .top { display: none; } }
    `,
  ]

  override connectedCallback(): void {
    super.connectedCallback()
    document.title = t('documentTitle')
    addEventListener('hashchange', this.onHash)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    removeEventListener('hashchange', this.onHash)
  }

  override render() {
    return html`<asg-staff-gate heading=${t('heading')} @asg-staff-ready=${() => this.start()}>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.view.kind !== 'list' ? html`<div class="top"><a href="#">${t('backToList')}</a></div>` : nothing}
      ${this.body()}
    </asg-staff-gate>`
  }

  private body() {
    const v = this.view
    if (!this.list) return html`<p>${t('loading')}</p>`
    if (v.kind === 'build') {
      if (!this.form) return html`<p>${t('loading')}</p>`
      return html`<asg-survey-builder .classes=${this.classes} .surveyId=${v.id} .form=${this.form}
        @asg-saved=${(e: CustomEvent<{ id: number; published: boolean }>) => (location.hash = e.detail.published ? `#results-${e.detail.id}` : '#')}
        @asg-cancel=${() => (location.hash = '#')}></asg-survey-builder>`
    }
    if (v.kind === 'results') {
      return this.results?.id === v.id
        ? html`<asg-survey-results .results=${this.results} ?canBuild=${this.list.canBuild} @asg-changed=${() => void this.reload()}></asg-survey-results>`
        : html`<p>${t('loading')}</p>`
    }
    return this.listView(this.list)
  }

  private listView(list: SurveyList) {
    const statusText = { draft: t('statusDraft'), open: t('statusOpen'), closed: t('statusClosed') }
    return html`<div class="top">
        ${list.canBuild ? html`<a class="new" href="#new">${t('newSurvey')}</a>` : nothing}
      </div>
      ${list.surveys.length === 0
        ? html`<p>${t('noSurveys')}</p>`
        : html`<table>
            <thead><tr><th>${t('titleColumn')}</th><th>${t('statusColumn')}</th><th>${t('deadlineColumn')}</th><th>${t('answersColumn')}</th></tr></thead>
            <tbody>${list.surveys.map((s) => {
              const open = s.status === 'open' && Date.parse(s.deadline) > Date.now()
              return html`<tr data-survey=${s.id}>
                <td><a href=${s.status === 'draft' ? `#edit-${s.id}` : `#results-${s.id}`}>${s.title}</a></td>
                <td class=${open ? 'open' : ''}>${s.status === 'open' && !open ? statusText.closed : statusText[s.status]}</td>
                <td>${instantText(s.deadline)}</td>
                <td>${s.status === 'draft' ? '' : `${s.answered} / ${s.expected}`}</td>
              </tr>`
            })}</tbody>
          </table>`}`
  }

  private start() {
    // Once per page: a second start would rebuild an open builder and drop what was typed.
    if (this.live) return
    // Answers arrive as changes of the school's surveys: the list and the results reload.
    this.live = new ReloadOnChange(this, { relevant: (c) => c.kind === 'school' && c.parts.includes('surveys'), reload: () => void this.reload() })
    void this.go(viewOf(location.hash))
  }

  private async go(view: View) {
    this.view = view
    this.error = ''
    if (view.kind === 'build') {
      this.form = null
      try {
        if (!this.classes.length) this.classes = (await call(routes.surveys.targets)).classes
        this.form = view.id === null ? blankForm() : formOf((await call(routes.surveys.detail, { params: { id: view.id } })).draft)
      } catch (err) {
        this.error = err instanceof ApiError ? errorText(err) : t('loadFailed')
      }
    }
    await this.reload()
  }

  /** Re-reads the list and the results shown (an answer, a reminder, a reconnect). */
  private async reload() {
    try {
      const [list, results] = await Promise.all([
        call(routes.surveys.list),
        this.view.kind === 'results' ? call(routes.surveys.results, { params: { id: this.view.id } }) : Promise.resolve(null),
      ])
      this.list = list
      this.results = results
    } catch (err) {
      this.error = err instanceof ApiError ? errorText(err) : t('loadFailed')
    }
  }
}

customElements.define('asg-surveys-app', AsgSurveysApp)
declare global {
  interface HTMLElementTagNameMap {
    'asg-surveys-app': AsgSurveysApp
  }
}
