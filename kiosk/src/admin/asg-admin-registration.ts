import { LitElement, css, html, nothing } from 'lit'
import type { IssueLettersRequest, LettersResponse, PupilGuardians, RegistrationDashboard } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import './asg-admin-letters.js'
import { call, errorText } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { panel } from './styles.js'
import { dayText, speaksEnglish } from '../lib/staffLanguage.js'
import { t } from './text.js'

const percent = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 100))

/** Registration rate per class and school, pupils with no guardian yet, and the letters to print. */
export class AsgAdminRegistration extends LitElement {
  static override properties = { data: { state: true }, error: { state: true }, notice: { state: true }, busy: { state: true }, detail: { state: true }, detailPupil: { state: true } }
  declare data: RegistrationDashboard | null
  declare error: string
  declare notice: string
  declare busy: boolean
  declare detail: PupilGuardians | null
  declare detailPupil: { pupilId: number; name: string } | null

  constructor() {
    super()
    this.data = null
    this.error = ''
    this.notice = ''
    this.busy = false
    this.detail = null
    this.detailPupil = null
  }

  static override styles = [
    tokens,
    buttons,
    panel,
    css`
      .bar { background: #eee; border-radius: 4px; height: 12px; width: 180px; overflow: hidden; display: inline-block; vertical-align: middle; }
      .bar i { display: block; height: 100%; background: var(--asg-ok); }
      .rate { font-size: 1.6rem; font-weight: 700; }
    `,
  ]

  override connectedCallback() {
    super.connectedCallback()
    void this.load()
  }

  async load() {
    try {
      this.data = await call(routes.admin.registrationDashboard)
    } catch (e) {
      this.error = errorText(e)
    }
  }

  override render() {
    const d = this.data
    if (!d) return html`${this.error ? html`<p class="error">${this.error}</p>` : html`<p>${t('loading')}</p>`}`
    return html`
      <section>
        <h2>${t('registrationHeading', { year: d.fiscalYear })}</h2>
        <p>${t('wholeSchool')} <span class="rate" data-testid="school-rate">${percent(d.total.registered, d.total.pupils)}%</span>
          <span class="muted">${t('registeredOfTotal', { registered: d.total.registered, pupils: d.total.pupils })}</span></p>
        <div class="row">
          <button class="primary" ?disabled=${this.busy || d.unregistered.length === 0} @click=${() => this.print({ onlyUnregistered: true, validDays: 30 })}>${t('printUnregistered', { n: d.unregistered.length })}</button>
          <button @click=${() => this.load()}>${t('refresh')}</button>
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <table>
          <thead><tr><th>${t('colClass')}</th><th>${t('colRate')}</th><th>${t('colRegistered')}</th><th></th></tr></thead>
          <tbody>
            ${d.classes.map((c) => html`<tr>
              <td>${c.classLabel}</td>
              <td><span class="bar"><i style="width:${percent(c.registered, c.pupils)}%"></i></span> ${percent(c.registered, c.pupils)}%</td>
              <td>${t('registeredCount', { registered: c.registered, pupils: c.pupils })}</td>
              <td><button ?disabled=${this.busy || c.pupils === 0} @click=${() => this.print({ classId: c.classId, onlyUnregistered: false, validDays: 30 })}>${t('printClass', { classLabel: c.classLabel })}</button></td>
            </tr>`)}
          </tbody>
        </table>
      </section>
      <section>
        <h2>${t('unregisteredHeading', { n: d.unregistered.length })}</h2>
        <table>
          <thead><tr><th>${t('colClass')}</th><th>${t('colNumber')}</th><th>${t('colName')}</th><th>${t('colCode')}</th><th></th></tr></thead>
          <tbody>
            ${d.unregistered.map((p) => html`<tr>
              <td>${p.classLabel}</td><td>${p.number}</td><td>${p.name}</td>
              <td class="muted">${p.activeCodeExpiresAt ? t('validUntil', { date: this.expiry(p.activeCodeExpiresAt) }) : t('notIssued')}</td>
              <td><button @click=${() => this.print({ pupilIds: [p.pupilId], onlyUnregistered: false, validDays: 30 })}>${t('print')}</button>
                  <button @click=${() => this.showPupil(p.pupilId, p.name)}>${t('guardiansAndCodes')}</button></td>
            </tr>`)}
          </tbody>
        </table>
      </section>
      ${this.detail && this.detailPupil ? this.renderDetail(this.detail, this.detailPupil) : nothing}
    `
  }

  private renderDetail(d: PupilGuardians, p: { pupilId: number; name: string }) {
    return html`<section>
      <h2>${t('detailHeading', { name: p.name })}</h2>
      <table><tbody>
        ${d.guardians.map((g) => html`<tr><td>${g.name}</td><td><button @click=${() => this.unlink(p, g.guardianId)}>${t('unlinkGuardian')}</button>
          <button @click=${() => this.resetCode(g.guardianId, g.name)}>${t('guardianResetCode')}</button></td></tr>`)}
      </tbody></table>
      <h3>${t('codesHeading')}</h3>
      <table><tbody>
        ${d.codes.map((c) => html`<tr><td class="code">${c.code}</td><td>${c.usedAt ? t('codeUsed') : c.revokedAt ? t('codeRevoked') : t('codeUntil', { date: speaksEnglish() ? dayText(c.expiresAt.slice(0, 10)) : c.expiresAt.slice(0, 10) })}</td>
          <td>${!c.usedAt && !c.revokedAt ? html`<button @click=${() => this.revoke(p, c.codeId)}>${t('revokeCode')}</button>` : nothing}</td></tr>`)}
      </tbody></table>
      <div class="row"><button @click=${() => this.reissue(p)}>${t('reissueCode')}</button></div>
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
    </section>`
  }

  /** A code's last day: Japanese reads the short `12/31`; English, whose readers differ on day/month order, names the day. */
  private expiry(expiresAt: string): string {
    return speaksEnglish() ? dayText(expiresAt.slice(0, 10)) : expiresAt.slice(5, 10).replace('-', '/')
  }

  private async showPupil(pupilId: number, name: string) {
    this.detailPupil = { pupilId, name }
    this.detail = await call(routes.admin.pupilGuardians, { params: { id: pupilId } }).catch((e) => ((this.error = errorText(e)), null))
  }

  private async resetCode(guardianId: number, name: string) {
    try {
      const r = await call(routes.admin.guardianResetCode, { params: { id: guardianId } })
      this.notice = t('guardianResetNotice', { name, code: r.code, host: location.host })
    } catch (e) {
      this.error = errorText(e)
    }
  }

  private async unlink(p: { pupilId: number; name: string }, guardianId: number) {
    if (!confirm(t('unlinkConfirm'))) return
    await call(routes.admin.unlinkGuardian, { params: { id: p.pupilId, guardianId } }).catch((e) => (this.error = errorText(e)))
    await Promise.all([this.showPupil(p.pupilId, p.name), this.load()])
  }

  private async revoke(p: { pupilId: number; name: string }, codeId: number) {
    await call(routes.admin.revokeCode, { params: { id: codeId } }).catch((e) => (this.error = errorText(e)))
    await Promise.all([this.showPupil(p.pupilId, p.name), this.load()])
  }

  private async reissue(p: { pupilId: number; name: string }) {
    try {
      await this.printLetters(await call(routes.admin.reissueCode, { params: { id: p.pupilId } }))
      await this.showPupil(p.pupilId, p.name)
    } catch (e) {
      this.error = errorText(e)
    }
  }

  private async print(req: Partial<IssueLettersRequest>) {
    this.busy = true
    this.error = ''
    try {
      await this.printLetters(await call(routes.admin.issueLetters, { body: req }))
      await this.load()
    } catch (e) {
      this.error = errorText(e)
    } finally {
      this.busy = false
    }
  }

  /** One print job for all the letters: they go into <body>, the page prints, they go away. */
  private async printLetters(data: LettersResponse) {
    document.querySelector('asg-admin-letters')?.remove()
    const letters = document.createElement('asg-admin-letters')
    document.body.append(letters)
    await letters.prepare(data)
    window.print()
  }
}

customElements.define('asg-admin-registration', AsgAdminRegistration)
declare global {
  interface HTMLElementTagNameMap {
    'asg-admin-registration': AsgAdminRegistration
  }
}
