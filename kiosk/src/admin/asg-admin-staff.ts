import { LitElement, html, nothing } from 'lit'
import { StaffRole, type ClassOption, type StaffAccount } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import { call, errorText, fromForm } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { panel } from './styles.js'
import { roleText, t } from './text.js'


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
        call(routes.admin.staff),
        call(routes.admin.years),
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
        <h2>${t('staffHeading')}</h2>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
        <table>
          <thead><tr><th>${t('colName')}</th><th>${t('colLoginId')}</th><th>${t('colRoles')}</th><th>${t('colHomeroom')}</th><th></th></tr></thead>
          <tbody>${this.staff.map((s) => this.row(s))}</tbody>
        </table>
      </section>
      <section>
        <h2>${t('addStaffHeading')}</h2>
        <form @submit=${this.create}>
          <div class="row">
            <label>${t('familyName')} <input name="familyName" required size="8" /></label>
            <label>${t('givenName')} <input name="givenName" required size="8" /></label>
            <label>${t('colLoginId')} <input name="loginId" required autocomplete="off" /></label>
            <label>${t('initialPassword')} <input name="password" type="password" required minlength="8" autocomplete="new-password" /></label>
          </div>
          <div class="row">${StaffRole.options.map((r) => html`<label><input type="checkbox" name="roles" value=${r} ?checked=${r === 'teacher'} /> ${roleText(r)}</label>`)}</div>
          <div class="row"><label>${t('colHomeroom')} <select name="homeroom"><option value="">${t('none')}</option>${this.classes.map((c) => html`<option value=${c.id}>${c.label}</option>`)}</select></label>
            <button class="primary" type="submit">${t('add')}</button></div>
        </form>
      </section>
    `
  }

  private row(s: StaffAccount) {
    return html`<tr>
      <td>${s.familyName} ${s.givenName}${s.disabled ? html` <span class="muted">${t('disabledMark')}</span>` : nothing}</td>
      <td>${s.loginId}</td>
      <td>${StaffRole.options.map((r) => html`<label><input type="checkbox" .checked=${s.roles.includes(r)} @change=${(e: Event) => this.toggleRole(s, r, (e.target as HTMLInputElement).checked)} />${roleText(r)}</label>`)}</td>
      <td><select @change=${(e: Event) => this.setHomeroom(s, (e.target as HTMLSelectElement).value)}>
        <option value="">${t('none')}</option>${this.classes.map((c) => html`<option value=${c.id} ?selected=${s.homeroomClassIds.includes(c.id)}>${c.label}</option>`)}</select></td>
      <td>
        ${s.disabled ? html`<button @click=${() => this.act(s, 'enable', t('enabledNotice'))}>${t('enable')}</button>`
          : html`<button @click=${() => this.act(s, 'disable', t('disabledNotice'))}>${t('disable')}</button>`}
        <button @click=${() => this.resetCode(s)}>${t('staffResetCode')}</button>
      </td>
    </tr>`
  }

  private async save(s: StaffAccount, change: Partial<StaffAccount>) {
    const next = { ...s, ...change }
    try {
      await call(routes.admin.updateStaff, { params: { id: s.id }, body: { familyName: next.familyName, givenName: next.givenName, roles: next.roles, homeroomClassIds: next.homeroomClassIds } })
      this.notice = t('staffUpdated', { family: s.familyName, given: s.givenName })
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
      await call(action === 'enable' ? routes.admin.enableStaff : routes.admin.disableStaff, { params: { id: s.id } })
      this.notice = done
    } catch (e) {
      this.error = errorText(e)
    }
    await this.load()
  }

  private async resetCode(s: StaffAccount) {
    try {
      const r = await call(routes.admin.staffResetCode, { params: { id: s.id } })
      this.notice = t('staffResetNotice', { name: s.familyName, code: r.code })
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
      const body = fromForm(routes.admin.createStaff.body, {
        familyName: f.get('familyName'), givenName: f.get('givenName'), loginId: f.get('loginId'), password: f.get('password'),
        roles: f.getAll('roles'), homeroomClassIds: homeroom ? [Number(homeroom)] : [],
      })
      await call(routes.admin.createStaff, { body })
      this.notice = t('staffAdded')
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
