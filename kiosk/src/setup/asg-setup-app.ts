import { LitElement, css, html, nothing } from 'lit'
import { CALENDAR_TEMPLATES, type CalendarTemplateId } from '../../../shared/domain/calendarTemplates.js'
import { ADMIN_PASSWORD_RULE, ORGANISATION_KIND_LABEL, type OrganisationKind, type SetupCheckResponse } from '../../../shared/protocol/index.js'
import { routes } from '../../../shared/protocol/routes.js'
import { ApiError, call, errorText, fromForm } from '../lib/api.js'
import { instantText, staffLanguage } from '../lib/staffLanguage.js'
import { buttons, tokens } from '../lib/styles.js'
import './asg-template-preview.js'
import { t } from './text.js'

type Step = 'checking' | 'refused' | 'form' | 'done'

/**
 * The first start, opened from the link the server printed: the token is in the fragment (never
 * sent in a URL or a Referer), checked first, then the form creates the organisation, the first
 * school with its calendar and the first administrator in one request.
 */
export class AsgSetupApp extends LitElement {
  static override properties = {
    step: { state: true }, link: { state: true }, error: { state: true }, fields: { state: true }, busy: { state: true },
    kind: { state: true }, fiscalYear: { state: true }, template: { state: true }, loginId: { state: true },
  }
  declare step: Step
  declare link: SetupCheckResponse | null
  declare error: string
  declare fields: Record<string, string>
  declare busy: boolean
  declare kind: OrganisationKind
  declare fiscalYear: number
  declare template: CalendarTemplateId
  declare loginId: string
  private token = location.hash.slice(1)

  constructor() {
    super()
    this.step = 'checking'
    this.link = null
    this.error = ''
    this.fields = {}
    this.busy = false
    this.kind = 'municipality'
    this.fiscalYear = 0
    this.template = 'standard'
    this.loginId = ''
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; max-width: 720px; margin: 0 auto; padding: 16px 16px 48px; }
      h1 { font-size: 1.35rem; margin: 8px 0 4px; }
      .lead { color: var(--asg-ink-soft); margin: 0 0 12px; }
      fieldset { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 8px 16px 16px; margin: 14px 0; }
      legend { font-weight: 700; font-size: 1.05rem; padding: 0 6px; }
      label { display: block; margin: 12px 0 4px; font-weight: 600; }
      .hint { font-weight: 400; color: var(--asg-ink-soft); font-size: 0.85rem; }
      input, select { font: inherit; font-size: 1.05rem; width: 100%; box-sizing: border-box; padding: 0.55em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); background: #fff; }
      .choices { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 6px; }
      .choice { display: flex; align-items: flex-start; gap: 8px; font-weight: 400; margin: 0; padding: 10px 12px; border: 1px solid var(--asg-line); border-radius: var(--asg-radius); flex: 1 1 200px; cursor: pointer; }
      .choice input { width: auto; margin: 3px 0 0; }
      .choice:has(input:checked) { border-color: var(--asg-accent); background: #eef2fa; }
      .pair { display: flex; gap: 12px; } .pair > div { flex: 1; min-width: 0; }
      .rule { background: #f3f5f9; border-left: 4px solid var(--asg-accent); padding: 8px 10px; margin: 6px 0 0; font-size: 0.9rem; }
      .rule.bad { border-left-color: var(--asg-absent); background: var(--asg-absent-bg); }
      .field-error { color: var(--asg-absent); font-size: 0.9rem; margin: 4px 0 0; }
      .error { color: var(--asg-absent); font-weight: 600; }
      .card { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 16px; margin: 14px 0; }
      button.primary { width: 100%; font-size: 1.1rem; margin-top: 8px; }
      a.button { display: block; text-align: center; background: var(--asg-accent); color: #fff; padding: 0.8em; border-radius: var(--asg-radius); text-decoration: none; font-weight: 700; margin-top: 16px; }
      asg-template-preview { margin-top: 8px; }
      @media (max-width: 480px) { .pair { flex-direction: column; gap: 0; } }
    `,
  ]

  override async connectedCallback() {
    super.connectedCallback()
    document.title = t('documentTitle')
    try {
      this.link = await call(routes.setup.check, { body: { token: this.token } })
      this.fiscalYear = this.link.suggestedFiscalYear
      this.step = 'form'
    } catch (e) {
      this.error = e instanceof ApiError && e.code === 'BAD_REQUEST' ? t('openFromPrintedLink') : errorText(e)
      this.step = 'refused'
    }
  }

  override render() {
    return html`<h1>${t('heading')}</h1>${this.step === 'checking' ? html`<p>${t('checking')}</p>` : this.step === 'refused' ? this.refused() : this.step === 'form' ? this.form() : this.done()}`
  }

  private refused() {
    return html`<div class="card" role="alert"><p class="error">${this.error}</p>
      <p class="hint">${t('alreadyDoneBefore')}<a href="/admin/">${t('alreadyDoneLink')}</a>${t('alreadyDoneAfter')}</p></div>`
  }

  private form() {
    const years = [this.link!.suggestedFiscalYear - 1, this.link!.suggestedFiscalYear, this.link!.suggestedFiscalYear + 1]
    const ruleBroken = !!this.fields['admin.password']
    return html`
      <p class="lead">${t('lead', { expires: instantText(this.link!.expiresAt) })}</p>
      <form @submit=${this.submit} novalidate>
        <fieldset>
          <legend>${t('organisationLegend')}</legend>
          <div class="choices" role="radiogroup" aria-label=${t('organisationKind')}>
            ${(Object.keys(ORGANISATION_KIND_LABEL) as OrganisationKind[]).map((k) => html`<label class="choice">
              <input type="radio" name="organisation.kind" value=${k} .checked=${this.kind === k} @change=${() => (this.kind = k)} />${ORGANISATION_KIND_LABEL[k][staffLanguage()]}</label>`)}
          </div>
          <label for="org-name">${t(this.kind === 'municipality' ? 'municipalityName' : 'schoolCorporationName')}</label>
          <input id="org-name" name="organisation.name" placeholder=${t(this.kind === 'municipality' ? 'municipalityExample' : 'schoolCorporationExample')} required />${this.fieldError('organisation.name')}
        </fieldset>

        <fieldset>
          <legend>${t('schoolLegend')}</legend>
          <label for="school-name">${t('schoolName')}</label>
          <input id="school-name" name="school.name" placeholder=${t('schoolNameExample')} required />${this.fieldError('school.name')}
          <div class="pair">
            <div>
              <label for="school-code">${t('schoolCode')} <span class="hint">${t('schoolCodeHint')}</span></label>
              <input id="school-code" name="school.schoolCode" autocomplete="off" autocapitalize="characters" placeholder="B113210000017" />${this.fieldError('school.schoolCode')}
            </div>
            <div>
              <label for="fiscal-year">${t('fiscalYear')}</label>
              <select id="fiscal-year" name="school.fiscalYear" @change=${(e: Event) => (this.fiscalYear = Number((e.target as HTMLSelectElement).value))}>
                ${years.map((y) => html`<option value=${y} ?selected=${y === this.fiscalYear}>${t('fiscalYearOption', { year: String(y), next: String(y + 1) })}</option>`)}
              </select>${this.fieldError('school.fiscalYear')}
            </div>
          </div>
          <label id="template-label">${t('calendarTemplate')} <span class="hint">${t('calendarTemplateHint')}</span></label>
          <div class="choices" role="radiogroup" aria-labelledby="template-label">
            ${CALENDAR_TEMPLATES.map((c) => html`<label class="choice">
              <input type="radio" name="school.calendarTemplate" value=${c.id} .checked=${this.template === c.id} @change=${() => (this.template = c.id)} />${c.label[staffLanguage()]}</label>`)}
          </div>
          <asg-template-preview .template=${this.template} .fiscalYear=${this.fiscalYear}></asg-template-preview>
        </fieldset>

        <fieldset>
          <legend>${t('adminLegend')}</legend>
          <div class="pair">
            <div><label for="family">${t('familyName')}</label><input id="family" name="admin.familyName" autocomplete="family-name" required />${this.fieldError('admin.familyName')}</div>
            <div><label for="given">${t('givenName')}</label><input id="given" name="admin.givenName" autocomplete="given-name" required />${this.fieldError('admin.givenName')}</div>
          </div>
          <label for="login">${t('loginId')} <span class="hint">${t('loginIdHint')}</span></label>
          <input id="login" name="admin.loginId" autocomplete="username" autocapitalize="none" required />${this.fieldError('admin.loginId')}
          <label for="password">${t('password')}</label>
          <input id="password" name="admin.password" type="password" autocomplete="new-password" aria-describedby="rule" required />
          <p id="rule" class="rule ${ruleBroken ? 'bad' : ''}" role=${ruleBroken ? 'alert' : nothing}>${ADMIN_PASSWORD_RULE[staffLanguage()]}</p>
          <label for="password2">${t('passwordAgain')}</label>
          <input id="password2" name="password2" type="password" autocomplete="new-password" required />${this.fieldError('password2')}
        </fieldset>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.busy}>${t(this.busy ? 'submitting' : 'submit')}</button>
      </form>`
  }

  private done() {
    return html`<div class="card" role="status">
        <p>${t('done')}</p>
        <p>${t('nextBefore')}<b>${this.loginId}</b>${t('nextAfter')}</p>
      </div>
      <a class="button" href="/admin/">${t('toAdminPage')}</a>`
  }

  private fieldError(name: string) {
    return this.fields[name] ? html`<p class="field-error">${this.fields[name]}</p>` : nothing
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault()
    const f = new FormData(e.target as HTMLFormElement)
    this.busy = true
    this.error = ''
    this.fields = {}
    try {
      if (f.get('admin.password') !== f.get('password2')) {
        // Said here rather than thrown: an English page shows a thrown error by its code alone.
        this.error = t('passwordMismatch')
        this.fields = { password2: t('passwordAgainHint') }
        return
      }
      const body = fromForm(routes.setup.complete.body, {
        token: this.token,
        organisation: { kind: this.kind, name: f.get('organisation.name') },
        school: { name: f.get('school.name'), schoolCode: f.get('school.schoolCode') ?? '', fiscalYear: this.fiscalYear, calendarTemplate: this.template },
        admin: { familyName: f.get('admin.familyName'), givenName: f.get('admin.givenName'), loginId: f.get('admin.loginId'), password: f.get('admin.password') },
      })
      const r = await call(routes.setup.complete, { body })
      this.loginId = r.loginId
      this.step = 'done'
      // The link is spent: drop it from the address bar and the history.
      history.replaceState(null, '', location.pathname)
    } catch (err) {
      this.error = errorText(err)
      if (err instanceof ApiError) {
        this.fields = err.fields
        if (['SETUP_LINK_USED', 'SETUP_LINK_EXPIRED', 'SETUP_LINK_INVALID', 'SETUP_DONE'].includes(err.code)) this.step = 'refused'
      }
    } finally {
      this.busy = false
    }
  }
}

customElements.define('asg-setup-app', AsgSetupApp)
declare global {
  interface HTMLElementTagNameMap {
    'asg-setup-app': AsgSetupApp
  }
}
