import { LitElement, html, nothing } from 'lit'
import { ROSTER_FIELD_LABEL, ROSTER_FIELDS, type RosterAnswers, type RosterApplied, type RosterMapping, type RosterPreview, type RosterQuestion, type SchoolYearView } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import { call, errorText, hrefOf } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { panel } from './styles.js'


/**
 * Roster import: choose the file, check the preview (every problem by line), then apply.
 * Importing into a new year is the 進級: pupils move up, the top grade graduates.
 */
export class AsgAdminRoster extends LitElement {
  static override properties = {
    years: { state: true }, yearId: { state: true }, file: { state: true }, createClasses: { state: true },
    mapping: { state: true }, mode: { state: true }, answers: { state: true }, preview: { state: true }, applied: { state: true }, error: { state: true }, busy: { state: true },
  }
  declare years: SchoolYearView[]
  declare yearId: number | null
  declare file: File | null
  declare createClasses: boolean
  declare mapping: RosterMapping | null
  /** Null: the server's suggestion for this file. */
  declare mode: 'full' | 'partial' | null
  declare answers: RosterAnswers
  declare preview: RosterPreview | null
  declare applied: RosterApplied | null
  declare error: string
  declare busy: boolean

  constructor() {
    super()
    this.years = []
    this.yearId = null
    this.file = null
    this.createClasses = false
    this.mapping = null
    this.mode = null
    this.answers = {}
    this.preview = null
    this.applied = null
    this.error = ''
    this.busy = false
  }

  static override styles = [tokens, buttons, panel]

  override connectedCallback() {
    super.connectedCallback()
    void this.loadYears()
  }

  private async loadYears() {
    try {
      this.years = (await call(routes.admin.years)).years
      this.yearId ??= this.years.find((y) => y.classes.length > 0)?.id ?? this.years[0]?.id ?? null
    } catch (e) {
      this.error = errorText(e)
    }
  }

  private query() {
    return {
      yearId: this.yearId ?? undefined,
      createClasses: this.createClasses ? ('1' as const) : ('0' as const),
      mapping: this.mapping ? JSON.stringify(this.mapping) : undefined,
      mode: this.mode ?? undefined,
      answers: Object.keys(this.answers).length ? JSON.stringify(this.answers) : undefined,
    }
  }

  override render() {
    const year = this.years.find((y) => y.id === this.yearId)
    return html`
      <section>
        <h2>名簿の取り込み</h2>
        <p class="muted">校務支援システムから書き出したCSV(UTF-8 または Shift_JIS)を選んでください。全校の名簿として取り込むと、ファイルにない児童は「転出」として残ります(削除はされません)。1クラス分や転入生だけのファイルは「一部」として取り込めます。</p>
        <div class="row">
          <label>年度
            <select @change=${(e: Event) => this.choose({ yearId: Number((e.target as HTMLSelectElement).value) })}>
              ${this.years.map((y) => html`<option value=${y.id} ?selected=${y.id === this.yearId}>${y.fiscalYear}年度(${y.classes.length}組)</option>`)}
            </select>
          </label>
          <button @click=${this.newYear} ?disabled=${this.busy}>新しい年度を作る(進級)</button>
          ${year ? html`<a href=${hrefOf(routes.admin.rosterExport, { query: { yearId: year.id } })} download>この年度の名簿をCSVで書き出す</a>` : nothing}
        </div>
        <div class="row">
          <input type="file" accept=".csv,text/csv" aria-label="名簿ファイル" @change=${(e: Event) => this.choose({ file: (e.target as HTMLInputElement).files?.[0] ?? null, mapping: null, mode: null, answers: {} })} />
          <label><input type="checkbox" .checked=${this.createClasses} @change=${(e: Event) => this.choose({ createClasses: (e.target as HTMLInputElement).checked })} /> ファイルにある組がなければ作る</label>
          <button class="primary" ?disabled=${!this.file || this.busy} @click=${this.runPreview}>内容を確認</button>
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.applied ? html`<p class="ok" role="status">取り込みました:追加 ${this.applied.added}人、組・番号の変更 ${this.applied.moved}人、情報の更新 ${this.applied.updated}人、変更なし ${this.applied.unchanged}人、転出・卒業 ${this.applied.left}人、新しい組 ${this.applied.classesCreated}</p>` : nothing}
      </section>
      ${this.preview ? this.renderPreview(this.preview) : nothing}
    `
  }

  private renderPreview(p: RosterPreview) {
    const open = p.questions.filter((q) => q.answer === null).length
    const ok = p.problems.length === 0 && open === 0
    return html`
      <section aria-label="確認">
        <h2>確認(${p.fiscalYear}年度・${p.rows}行・${p.encoding === 'shift_jis' ? 'Shift_JIS' : 'UTF-8'})</h2>
        <h3>列の対応</h3>
        <div class="row">
          ${ROSTER_FIELDS.map((f) => html`<label>${ROSTER_FIELD_LABEL[f]}
            <select data-field=${f} @change=${(e: Event) => this.mapField(f, (e.target as HTMLSelectElement).value)}>
              <option value="">(なし)</option>
              ${p.headers.map((h) => html`<option ?selected=${p.mapping[f] === h}>${h}</option>`)}
            </select></label>`)}
        </div>
        <h3>取り込み方</h3>
        <div class="row" role="radiogroup" aria-label="取り込み方">
          <label><input type="radio" name="mode" value="full" .checked=${p.mode === 'full'} @change=${() => this.rerun({ mode: 'full' })} />
            全校の名簿(ファイルにない児童は転出・卒業)${p.suggestedMode === 'full' ? '(おすすめ)' : ''}</label>
          <label><input type="radio" name="mode" value="partial" .checked=${p.mode === 'partial'} @change=${() => this.rerun({ mode: 'partial' })} />
            一部だけ(ほかの児童はそのまま)${p.suggestedMode === 'partial' ? '(おすすめ)' : ''}</label>
        </div>
        ${p.suggestedMode === 'partial' ? html`<p class="muted">在籍児童のいる組のうち、ファイルにない組があります。1クラス分や転入生だけのファイルなら「一部だけ」を選んでください。</p>` : nothing}
        ${p.questions.length ? this.renderQuestions(p.questions) : nothing}
        ${p.problems.length === 0 ? html`<p class="ok">${open ? '行ごとの問題はありません(上の質問に答えると取り込めます)。' : '問題はありません。'}</p>` : html`
          <h3 class="error">問題 ${p.problems.length}件(直してから取り込んでください)</h3>
          <table><tbody>${p.problems.map((x) => html`<tr><td>${x.line}行目</td><td>${x.message}</td></tr>`)}</tbody></table>`}
        <h3>取り込むと</h3>
        <ul>
          <li>追加:${p.added.length}人 ${this.names(p.added)}</li>
          <li>組・番号の変更:${p.moved.length}人 ${this.names(p.moved)}</li>
          <li>情報の更新:${p.updated.length}人</li>
          <li>変更なし:${p.unchanged}人</li>
          <li>転出・卒業として残す:${p.leaving.length}人 ${this.names(p.leaving.map((l) => `${l.name}(${l.reason === 'graduated' ? '卒業' : '転出'})`))}</li>
          ${p.newClasses.length ? html`<li>新しく作る組:${p.newClasses.join('、')}</li>` : nothing}
        </ul>
        <button class="primary" ?disabled=${!ok || this.busy} @click=${this.apply}>この内容で取り込む</button>
      </section>
    `
  }

  private renderQuestions(questions: RosterQuestion[]) {
    return html`
      <h3 class=${questions.some((q) => q.answer === null) ? 'error' : ''}>同じ氏名・ふりがなの児童(${questions.length}件):どの児童か選んでください</h3>
      <table><tbody>${questions.map((q) => html`<tr>
        <td>${q.line}行目</td><td>${q.row}</td>
        <td><select aria-label=${`${q.line}行目の児童`} @change=${(e: Event) => this.answer(q.line, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${q.answer === null}>(選んでください)</option>
          ${q.candidates.map((c) => html`<option value=${c.pupilId} ?selected=${q.answer === c.pupilId}>${c.label}</option>`)}
          <option value="new" ?selected=${q.answer === 'new'}>別の児童(新しく追加)</option>
        </select></td></tr>`)}</tbody></table>`
  }

  private answer(line: number, value: string) {
    const answers = { ...this.answers }
    if (value === '') delete answers[String(line)]
    else answers[String(line)] = value === 'new' ? 'new' : Number(value)
    this.rerun({ answers })
  }

  /** A change of mode or an answer: the preview is computed again, so the digest names what the admin now sees. */
  private rerun(change: Partial<Pick<AsgAdminRoster, 'mode' | 'answers'>>) {
    Object.assign(this, change)
    void this.runPreview()
  }

  private names(list: string[]) {
    return list.length ? html`<span class="muted">— ${list.slice(0, 8).join('、')}${list.length > 8 ? ` ほか${list.length - 8}人` : ''}</span>` : nothing
  }

  private choose(change: Partial<Pick<AsgAdminRoster, 'yearId' | 'file' | 'createClasses' | 'mapping' | 'mode' | 'answers'>>) {
    Object.assign(this, change)
    this.preview = null
    this.applied = null
    this.error = ''
  }

  private mapField(f: (typeof ROSTER_FIELDS)[number], header: string) {
    const m: RosterMapping = { ...(this.mapping ?? this.preview?.mapping ?? {}) }
    if (header) m[f] = header
    else delete m[f]
    this.mapping = m
    void this.runPreview()
  }

  private async runPreview() {
    if (!this.file) return
    this.busy = true
    this.error = ''
    this.applied = null
    try {
      this.preview = await call(routes.admin.rosterPreview, { query: this.query(), body: this.file })
    } catch (e) {
      this.error = errorText(e)
    } finally {
      this.busy = false
    }
  }

  private async apply() {
    if (!this.file || !this.preview) return
    this.busy = true
    try {
      this.applied = await call(routes.admin.rosterApply, { query: { ...this.query(), digest: this.preview.digest }, body: this.file })
      this.preview = null
      await this.loadYears()
    } catch (e) {
      this.error = errorText(e)
    } finally {
      this.busy = false
    }
  }

  private async newYear() {
    const next = Math.max(...this.years.map((y) => y.fiscalYear), new Date().getFullYear() - 1) + 1
    if (!confirm(`${next}年度を作りますか?新しい名簿を取り込むと、児童が進級し、最上級生は卒業になります。春休み・夏休み・冬休み・学年末休業は標準のひな形で入ります(「行事・休業日」で変更できます)。`)) return
    try {
      const res = await call(routes.admin.createYear, { body: { fiscalYear: next } })
      this.yearId = res.id
      this.createClasses = true
      await this.loadYears()
    } catch (e) {
      this.error = errorText(e)
    }
  }
}

customElements.define('asg-admin-roster', AsgAdminRoster)
declare global {
  interface HTMLElementTagNameMap {
    'asg-admin-roster': AsgAdminRoster
  }
}
