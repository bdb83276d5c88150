import { LitElement, html, nothing } from 'lit'
import { STAFF_ROLE_LABEL, StaffRole, type AdminReason, type SchoolSettingsView } from '../../../shared/protocol/index.js'
import { ReasonCategory } from '../../../shared/domain/attendance.js'
import { buttons, tokens } from '../lib/styles.js'
import { call, errorText, fromForm } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { panel } from './styles.js'
import './asg-admin-code-form.js'

const CATEGORY_LABEL: Record<ReasonCategory, string> = {
  illness: '病気', injury: 'けが', family: '家庭の事情', suspension: '出席停止', bereavement: '忌引', appointment: '通院・用事', other: 'その他',
}

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
    if (!v) return html`${this.error ? html`<p class="error">${this.error}</p>` : html`<p>読み込み中…</p>`}`
    const s = v.settings
    return html`<form @submit=${this.save}>
      <section>
        <h2>学校</h2>
        <label class="block">学校名</label><input name="name" .value=${v.name} size="30" required />
      </section>
      <section>
        <h2>朝の時刻と連絡の受付</h2>
        <div class="row"><label>出欠確認の時刻 <input name="rollCallTime" .value=${s.rollCallTime} size="5" /></label>
          <label>当日連絡の締切 <input name="sameDayCutoff" .value=${s.sameDayCutoff} size="5" /></label>
          <label><input type="checkbox" name="acceptLateReports" .checked=${s.acceptLateReports} /> 締切後も連絡を受け付ける</label></div>
        <label class="block">締切後に保護者に表示する文</label>
        <textarea name="cutoffMessage" rows="2" cols="60" maxlength="200" .value=${s.cutoffMessage}></textarea>
      </section>
      <section>
        <h2>表示とバッジ</h2>
        <div class="row"><label><input type="checkbox" name="boardShowsMessages" .checked=${s.boardShowsMessages} /> 職員室の表示端末に保護者のメッセージを表示する</label></div>
        <div class="row"><label>連続欠席のバッジ <input name="consecutiveAbsenceBadge" type="number" min="1" max="30" .value=${String(s.consecutiveAbsenceBadge)} />日</label>
          <label>累計欠席のバッジ <input name="cumulativeAbsenceBadges" .value=${s.cumulativeAbsenceBadges.join(',')} size="12" />日(カンマ区切り)</label></div>
        <h3>健康に関するメモを読める役割</h3>
        <div class="row">${StaffRole.options.map((r) => html`<label><input type="checkbox" name="healthNoteRoles" value=${r} .checked=${s.healthNoteRoles.includes(r)} /> ${STAFF_ROLE_LABEL[r]}</label>`)}</div>
      </section>
      <section>
        <h2>欠席・遅刻の理由</h2>
        <table><thead><tr><th>理由</th><th>分類</th><th>出欠の区分</th><th>使う</th></tr></thead><tbody>
          ${this.reasons.map((r, i) => html`<tr>
            <td><input .value=${r.label} @input=${(e: Event) => this.editReason(i, { label: (e.target as HTMLInputElement).value })} /></td>
            <td><select @change=${(e: Event) => this.editReason(i, { category: (e.target as HTMLSelectElement).value as ReasonCategory })}>
              ${ReasonCategory.options.map((c) => html`<option value=${c} ?selected=${c === r.category}>${CATEGORY_LABEL[c]}</option>`)}</select></td>
            <td><select @change=${(e: Event) => this.editReason(i, { suggestedCodeId: Number((e.target as HTMLSelectElement).value) })}>
              ${v.codes.map((c) => html`<option value=${c.id} ?selected=${c.id === r.suggestedCodeId}>${c.label}</option>`)}</select></td>
            <td><input type="checkbox" .checked=${r.active} @change=${(e: Event) => this.editReason(i, { active: (e.target as HTMLInputElement).checked })} /></td>
          </tr>`)}
        </tbody></table>
        <div class="row"><button type="button" @click=${this.addReason}>理由を追加</button></div>
      </section>
      <section>
        <asg-admin-code-form @asg-codes-changed=${(e: CustomEvent<SchoolSettingsView>) => this.codesChanged(e.detail)}></asg-admin-code-form>
      </section>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
      <button class="primary" type="submit">保存する</button>
    </form>`
  }

  /** A new code is saved at once; the unsaved reason edits stay as they are. */
  private codesChanged(v: SchoolSettingsView) {
    if (this.view) this.view = { ...this.view, codes: v.codes }
    this.notice = '出欠の区分を追加しました'
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
      this.notice = '保存しました'
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
