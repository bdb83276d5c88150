import { LitElement, html, nothing } from 'lit'
import { StaffRole, type AdminReason, type SchoolSettingsView } from '../../../shared/protocol/index.js'
import { ReasonCategory } from '../../../shared/domain/attendance.js'
import { buttons, tokens } from '../lib/styles.js'
import { call, errorText, fromForm } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { panel } from './styles.js'
import './asg-admin-code-form.js'
import { roleText, t } from './text.js'

const CATEGORY_KEY = {
  illness: 'catIllness', injury: 'catInjury', family: 'catFamily', suspension: 'catSuspension', bereavement: 'catBereavement', appointment: 'catAppointment', other: 'catOther',
} as const satisfies Record<ReasonCategory, string>

/** School settings and the reason list, saved together. */
export class AsgAdminSettings extends LitElement {
  static override properties = { view: { state: true }, reasons: { state: true }, error: { state: true }, notice: { state: true } }
  declare view: SchoolSettingsView | null
  declare reasons: AdminReason[]
  declare error: string
  declare notice: string

  constructor() {
    super()
    this.view = null
    this.reasons = []
    this.error = ''
    this.notice = ''
  }

  static override styles = [tokens, buttons, panel]

  override connectedCallback() {
    super.connectedCallback()
    void call(routes.admin.settings).then((v) => this.show(v), (e) => (this.error = errorText(e)))
  }

  private show(v: SchoolSettingsView) {
    this.view = v
    this.reasons = v.reasons.map((r) => ({ ...r }))
  }

  override render() {
    const v = this.view
    if (!v) return html`${this.error ? html`<p class="error">${this.error}</p>` : html`<p>${t('loading')}</p>`}`
    const s = v.settings
    return html`<form @submit=${this.save}>
      <section>
        <h2>${t('schoolSection')}</h2>
        <label class="block">${t('schoolName')}</label><input name="name" .value=${v.name} size="30" required />
      </section>
      <section>
        <h2>${t('morningHeading')}</h2>
        <div class="row"><label>${t('rollCallTime')} <input name="rollCallTime" .value=${s.rollCallTime} size="5" /></label>
          <label>${t('sameDayCutoff')} <input name="sameDayCutoff" .value=${s.sameDayCutoff} size="5" /></label>
          <label><input type="checkbox" name="acceptLateReports" .checked=${s.acceptLateReports} /> ${t('acceptLateReports')}</label></div>
        <label class="block">${t('cutoffMessage')}</label>
        <textarea name="cutoffMessage" rows="2" cols="60" maxlength="200" .value=${s.cutoffMessage}></textarea>
      </section>
      <section>
        <h2>${t('badgesHeading')}</h2>
        <div class="row"><label><input type="checkbox" name="boardShowsMessages" .checked=${s.boardShowsMessages} /> ${t('boardShowsMessages')}</label></div>
        <div class="row"><label>${t('consecutiveBadge')} <input name="consecutiveAbsenceBadge" type="number" min="1" max="30" .value=${String(s.consecutiveAbsenceBadge)} />${t('daysUnit')}</label>
          <label>${t('cumulativeBadges')} <input name="cumulativeAbsenceBadges" .value=${s.cumulativeAbsenceBadges.join(',')} size="12" />${t('daysCommaSeparated')}</label></div>
        <h3>${t('healthNoteRoles')}</h3>
        <div class="row">${StaffRole.options.map((r) => html`<label><input type="checkbox" name="healthNoteRoles" value=${r} .checked=${s.healthNoteRoles.includes(r)} /> ${roleText(r)}</label>`)}</div>
      </section>
      <section>
        <h2>${t('reasonsHeading')}</h2>
        <table><thead><tr><th>${t('colReason')}</th><th>${t('colCategory')}</th><th>${t('colAttendanceCode')}</th><th>${t('colInUse')}</th></tr></thead><tbody>
          ${this.reasons.map((r, i) => html`<tr>
            <td><input .value=${r.label} @input=${(e: Event) => this.editReason(i, { label: (e.target as HTMLInputElement).value })} /></td>
            <td><select @change=${(e: Event) => this.editReason(i, { category: (e.target as HTMLSelectElement).value as ReasonCategory })}>
              ${ReasonCategory.options.map((c) => html`<option value=${c} ?selected=${c === r.category}>${t(CATEGORY_KEY[c])}</option>`)}</select></td>
            <td><select @change=${(e: Event) => this.editReason(i, { suggestedCodeId: Number((e.target as HTMLSelectElement).value) })}>
              ${v.codes.map((c) => html`<option value=${c.id} ?selected=${c.id === r.suggestedCodeId}>${c.label}</option>`)}</select></td>
            <td><input type="checkbox" .checked=${r.active} @change=${(e: Event) => this.editReason(i, { active: (e.target as HTMLInputElement).checked })} /></td>
          </tr>`)}
        </tbody></table>
        <div class="row"><button type="button" @click=${this.addReason}>${t('addReason')}</button></div>
      </section>
      <section>
        <asg-admin-code-form @asg-codes-changed=${(e: CustomEvent<SchoolSettingsView>) => this.codesChanged(e.detail)}></asg-admin-code-form>
      </section>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
      <button class="primary" type="submit">${t('save')}</button>
    </form>`
  }

  /** A new code is saved at once; the unsaved reason edits stay as they are. */
  private codesChanged(v: SchoolSettingsView) {
    if (this.view) this.view = { ...this.view, codes: v.codes }
    this.notice = t('codeAdded')
  }

  private editReason(i: number, change: Partial<AdminReason>) {
    this.reasons = this.reasons.map((r, j) => (j === i ? { ...r, ...change } : r))
  }

  private addReason() {
    this.reasons = [...this.reasons, { label: '', category: 'other', suggestedCodeId: this.view!.codes[0]!.id, active: true }]
  }

  private async save(e: SubmitEvent) {
    e.preventDefault()
    const f = new FormData(e.target as HTMLFormElement)
    const settings = {
      ...this.view!.settings,
      rollCallTime: String(f.get('rollCallTime')), sameDayCutoff: String(f.get('sameDayCutoff')), acceptLateReports: f.has('acceptLateReports'),
      cutoffMessage: String(f.get('cutoffMessage') ?? ''), boardShowsMessages: f.has('boardShowsMessages'),
      consecutiveAbsenceBadge: Number(f.get('consecutiveAbsenceBadge')),
      cumulativeAbsenceBadges: String(f.get('cumulativeAbsenceBadges')).split(/[,、]/).map((x) => Number(x.trim())).filter((n) => n > 0),
      healthNoteRoles: f.getAll('healthNoteRoles'),
    }
    try {
      const body = fromForm(routes.admin.saveSettings.body, { name: f.get('name'), settings, reasons: this.reasons.filter((r) => r.label.trim()) })
      this.show(await call(routes.admin.saveSettings, { body }))
      this.notice = t('saved')
      this.error = ''
    } catch (err) {
      this.error = errorText(err)
      this.notice = ''
    }
  }
}

customElements.define('asg-admin-settings', AsgAdminSettings)
declare global {
  interface HTMLElementTagNameMap {
    'asg-admin-settings': AsgAdminSettings
  }
}
