import { LitElement, html, nothing } from 'lit'
import { STAFF_ROLE_LABEL, StaffRole, type ResetCodeResponse, type StaffAccount } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import { api, errorText, put } from './http.js'
import { panel } from './styles.js'

interface ClassOption { id: number; label: string }

/** Staff accounts: create, roles and homeroom, disable (their pages close at once), reset codes. */
export class AsgAdminStaff extends LitElement {
  static override properties = { staff: { state: true }, classes: { state: true }, error: { state: true }, notice: { state: true } }
  declare staff: StaffAccount[]
  declare classes: ClassOption[]
  declare error: string
  declare notice: string

  constructor() {
    super()
    this.staff = []
    this.classes = []
    this.error = ''
    this.notice = ''
  }

  static override styles = [tokens, buttons, panel]

  override connectedCallback() {
    super.connectedCallback()
    void this.load()
  }

  /** Loads the accounts afresh (also when another administrator changed them). */
  async load() {
    try {
      const [s, y] = await Promise.all([
        api<{ staff: StaffAccount[] }>('GET', '/api/admin/staff'),
        api<{ years: { classes: ClassOption[] }[] }>('GET', '/api/admin/years'),
      ])
      this.staff = s.staff
      this.classes = y.years.flatMap((x) => x.classes).length ? (y.years.find((x) => x.classes.length)?.classes ?? []) : []
    } catch (e) {
      this.error = errorText(e)
    }
  }

  override render() {
    return html`
      <section>
        <h2>職員アカウント</h2>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
        <table>
          <thead><tr><th>氏名</th><th>ログインID</th><th>役割</th><th>担任</th><th></th></tr></thead>
          <tbody>${this.staff.map((s) => this.row(s))}</tbody>
        </table>
      </section>
      <section>
        <h2>職員を追加</h2>
        <form @submit=${this.create}>
          <div class="row">
            <label>姓 <input name="familyName" required size="8" /></label>
            <label>名 <input name="givenName" required size="8" /></label>
            <label>ログインID <input name="loginId" required autocomplete="off" /></label>
            <label>初期パスワード <input name="password" type="password" required minlength="8" autocomplete="new-password" /></label>
          </div>
          <div class="row">${StaffRole.options.map((r) => html`<label><input type="checkbox" name="roles" value=${r} ?checked=${r === 'teacher'} /> ${STAFF_ROLE_LABEL[r]}</label>`)}</div>
          <div class="row"><label>担任 <select name="homeroom"><option value="">なし</option>${this.classes.map((c) => html`<option value=${c.id}>${c.label}</option>`)}</select></label>
            <button class="primary" type="submit">追加</button></div>
        </form>
      </section>
    `
  }

  private row(s: StaffAccount) {
    return html`<tr>
      <td>${s.familyName} ${s.givenName}${s.disabled ? html` <span class="muted">(無効)</span>` : nothing}</td>
      <td>${s.loginId}</td>
      <td>${StaffRole.options.map((r) => html`<label><input type="checkbox" .checked=${s.roles.includes(r)} @change=${(e: Event) => this.toggleRole(s, r, (e.target as HTMLInputElement).checked)} />${STAFF_ROLE_LABEL[r]}</label>`)}</td>
      <td><select @change=${(e: Event) => this.setHomeroom(s, (e.target as HTMLSelectElement).value)}>
        <option value="">なし</option>${this.classes.map((c) => html`<option value=${c.id} ?selected=${s.homeroomClassIds.includes(c.id)}>${c.label}</option>`)}</select></td>
      <td>
        ${s.disabled ? html`<button @click=${() => this.act(s, 'enable', '有効にしました')}>有効にする</button>`
          : html`<button @click=${() => this.act(s, 'disable', 'アカウントを無効にし、開いている画面を閉じました')}>無効にする</button>`}
        <button @click=${() => this.resetCode(s)}>再設定コード</button>
      </td>
    </tr>`
  }

  private async save(s: StaffAccount, change: Partial<StaffAccount>) {
    const next = { ...s, ...change }
    try {
      await put('/api/admin/staff/' + s.id, { familyName: next.familyName, givenName: next.givenName, roles: next.roles, homeroomClassIds: next.homeroomClassIds })
      this.notice = `${s.familyName} ${s.givenName} さんを更新しました`
    } catch (e) {
      this.error = errorText(e)
    }
    await this.load()
  }

  private toggleRole(s: StaffAccount, role: StaffRole, on: boolean) {
    return this.save(s, { roles: on ? [...s.roles, role] : s.roles.filter((r) => r !== role) })
  }

  private setHomeroom(s: StaffAccount, value: string) {
    return this.save(s, { homeroomClassIds: value ? [Number(value)] : [] })
  }

  private async act(s: StaffAccount, action: 'enable' | 'disable', done: string) {
    this.error = ''
    try {
      await api('POST', `/api/admin/staff/${s.id}/${action}`)
      this.notice = done
    } catch (e) {
      this.error = errorText(e)
    }
    await this.load()
  }

  private async resetCode(s: StaffAccount) {
    try {
      const r = await api<ResetCodeResponse>('POST', `/api/admin/staff/${s.id}/reset-code`)
      this.notice = `${s.familyName} さんの再設定コード:${r.code}(24時間有効・1回限り)。/join/#reset の「パスワードの再設定」で使います。`
    } catch (e) {
      this.error = errorText(e)
    }
  }

  private async create(e: SubmitEvent) {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const f = new FormData(form)
    const homeroom = String(f.get('homeroom') ?? '')
    try {
      await api('POST', '/api/admin/staff', {
        familyName: f.get('familyName'), givenName: f.get('givenName'), loginId: f.get('loginId'), password: f.get('password'),
        roles: f.getAll('roles'), homeroomClassIds: homeroom ? [Number(homeroom)] : [],
      })
      this.notice = '職員を追加しました'
      this.error = ''
      form.reset()
      await this.load()
    } catch (err) {
      this.error = errorText(err)
    }
  }
}

customElements.define('asg-admin-staff', AsgAdminStaff)
declare global {
  interface HTMLElementTagNameMap {
    'asg-admin-staff': AsgAdminStaff
  }
}
