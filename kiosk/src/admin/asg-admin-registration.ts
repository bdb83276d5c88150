import { LitElement, css, html, nothing } from 'lit'
import type { IssueLettersRequest, LettersResponse, PupilGuardians, RegistrationDashboard } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import './asg-admin-letters.js'
import { call, errorText } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { panel } from './styles.js'

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
    if (!d) return html`${this.error ? html`<p class="error">${this.error}</p>` : html`<p>読み込み中…</p>`}`
    return html`
      <section>
        <h2>保護者の登録状況(${d.fiscalYear}年度)</h2>
        <p>学校全体 <span class="rate" data-testid="school-rate">${percent(d.total.registered, d.total.pupils)}%</span>
          <span class="muted">(${d.total.registered} / ${d.total.pupils}人)</span></p>
        <div class="row">
          <button class="primary" ?disabled=${this.busy || d.unregistered.length === 0} @click=${() => this.print({ onlyUnregistered: true, validDays: 30 })}>未登録の児童の案内だけ印刷(${d.unregistered.length}枚)</button>
          <button @click=${() => this.load()}>更新</button>
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <table>
          <thead><tr><th>組</th><th>登録率</th><th>登録済み</th><th></th></tr></thead>
          <tbody>
            ${d.classes.map((c) => html`<tr>
              <td>${c.classLabel}</td>
              <td><span class="bar"><i style="width:${percent(c.registered, c.pupils)}%"></i></span> ${percent(c.registered, c.pupils)}%</td>
              <td>${c.registered} / ${c.pupils}人</td>
              <td><button ?disabled=${this.busy || c.pupils === 0} @click=${() => this.print({ classId: c.classId, onlyUnregistered: false, validDays: 30 })}>${c.classLabel}の案内を印刷</button></td>
            </tr>`)}
          </tbody>
        </table>
      </section>
      <section>
        <h2>保護者が未登録の児童(${d.unregistered.length}人)</h2>
        <table>
          <thead><tr><th>組</th><th>番</th><th>氏名</th><th>登録コード</th><th></th></tr></thead>
          <tbody>
            ${d.unregistered.map((p) => html`<tr>
              <td>${p.classLabel}</td><td>${p.number}</td><td>${p.name}</td>
              <td class="muted">${p.activeCodeExpiresAt ? `${p.activeCodeExpiresAt.slice(5, 10).replace('-', '/')}まで有効` : '未発行'}</td>
              <td><button @click=${() => this.print({ pupilIds: [p.pupilId], onlyUnregistered: false, validDays: 30 })}>印刷</button>
                  <button @click=${() => this.showPupil(p.pupilId, p.name)}>保護者・コード</button></td>
            </tr>`)}
          </tbody>
        </table>
      </section>
      ${this.detail && this.detailPupil ? this.renderDetail(this.detail, this.detailPupil) : nothing}
    `
  }

  private renderDetail(d: PupilGuardians, p: { pupilId: number; name: string }) {
    return html`<section>
      <h2>${p.name} さんの保護者と登録コード</h2>
      <table><tbody>
        ${d.guardians.map((g) => html`<tr><td>${g.name}</td><td><button @click=${() => this.unlink(p, g.guardianId)}>登録を解除</button>
          <button @click=${() => this.resetCode(g.guardianId, g.name)}>パスワード再設定コード</button></td></tr>`)}
      </tbody></table>
      <h3>登録コード</h3>
      <table><tbody>
        ${d.codes.map((c) => html`<tr><td class="code">${c.code}</td><td>${c.usedAt ? '使用済み' : c.revokedAt ? '無効' : `${c.expiresAt.slice(0, 10)}まで`}</td>
          <td>${!c.usedAt && !c.revokedAt ? html`<button @click=${() => this.revoke(p, c.codeId)}>無効にする</button>` : nothing}</td></tr>`)}
      </tbody></table>
      <div class="row"><button @click=${() => this.reissue(p)}>コードを再発行して印刷</button></div>
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
    </section>`
  }

  private async showPupil(pupilId: number, name: string) {
    this.detailPupil = { pupilId, name }
    this.detail = await call(routes.admin.pupilGuardians, { params: { id: pupilId } }).catch((e) => ((this.error = errorText(e)), null))
  }

  private async resetCode(guardianId: number, name: string) {
    try {
      const r = await call(routes.admin.guardianResetCode, { params: { id: guardianId } })
      this.notice = `${name} さんの再設定コード:${r.code}(24時間有効・1回限り)。${location.host}/join/#reset で使います。`
    } catch (e) {
      this.error = errorText(e)
    }
  }

  private async unlink(p: { pupilId: number; name: string }, guardianId: number) {
    if (!confirm('この保護者の登録を解除しますか?')) return
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
