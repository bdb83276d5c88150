import { LitElement, html, nothing } from 'lit'
import { ROSTER_FIELDS, type RosterAnswers, type RosterApplied, type RosterMapping, type RosterPreview, type RosterQuestion, type SchoolYearView } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import { call, errorText, hrefOf } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { panel } from './styles.js'
import { t } from './text.js'

/** The roster fields' names, which are also the column names a school's file uses. */
const FIELD_KEY = {
  externalId: 'fieldExternalId', grade: 'fieldGrade', className: 'fieldClassName', number: 'fieldNumber', name: 'fieldName', kana: 'fieldKana',
  familyName: 'fieldFamilyName', givenName: 'fieldGivenName', familyKana: 'fieldFamilyKana', givenKana: 'fieldGivenKana', guardianName: 'fieldGuardianName', enrolledOn: 'fieldEnrolledOn',
} as const satisfies Record<(typeof ROSTER_FIELDS)[number], string>

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
        <h2>${t('rosterHeading')}</h2>
        <p class="muted">${t('rosterIntro')}</p>
        <div class="row">
          <label>${t('schoolYear')}
            <select @change=${(e: Event) => this.choose({ yearId: Number((e.target as HTMLSelectElement).value) })}>
              ${this.years.map((y) => html`<option value=${y.id} ?selected=${y.id === this.yearId}>${t('yearOption', { year: y.fiscalYear, classes: y.classes.length })}</option>`)}
            </select>
          </label>
          <button @click=${this.newYear} ?disabled=${this.busy}>${t('newYear')}</button>
          ${year ? html`<a href=${hrefOf(routes.admin.rosterExport, { query: { yearId: year.id } })} download>${t('exportYear')}</a>` : nothing}
        </div>
        <div class="row">
          <input type="file" accept=".csv,text/csv" aria-label=${t('rosterFile')} @change=${(e: Event) => this.choose({ file: (e.target as HTMLInputElement).files?.[0] ?? null, mapping: null, mode: null, answers: {} })} />
          <label><input type="checkbox" .checked=${this.createClasses} @change=${(e: Event) => this.choose({ createClasses: (e.target as HTMLInputElement).checked })} /> ${t('createClasses')}</label>
          <button class="primary" ?disabled=${!this.file || this.busy} @click=${this.runPreview}>${t('checkContents')}</button>
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.applied ? html`<p class="ok" role="status">${t('rosterApplied', { added: this.applied.added, moved: this.applied.moved, updated: this.applied.updated, unchanged: this.applied.unchanged, left: this.applied.left, classesCreated: this.applied.classesCreated })}</p>` : nothing}
      </section>
      ${this.preview ? this.renderPreview(this.preview) : nothing}
    `
  }

  private renderPreview(p: RosterPreview) {
    const open = p.questions.filter((q) => q.answer === null).length
    const ok = p.problems.length === 0 && open === 0
    return html`
      <section aria-label=${t('previewLabel')}>
        <h2>${t('previewHeading', { year: p.fiscalYear, rows: p.rows, encoding: p.encoding === 'shift_jis' ? 'Shift_JIS' : 'UTF-8' })}</h2>
        <h3>${t('columnsHeading')}</h3>
        <div class="row">
          ${ROSTER_FIELDS.map((f) => html`<label>${t(FIELD_KEY[f])}
            <select data-field=${f} @change=${(e: Event) => this.mapField(f, (e.target as HTMLSelectElement).value)}>
              <option value="">${t('noColumn')}</option>
              ${p.headers.map((h) => html`<option ?selected=${p.mapping[f] === h}>${h}</option>`)}
            </select></label>`)}
        </div>
        <h3>${t('modeHeading')}</h3>
        <div class="row" role="radiogroup" aria-label=${t('modeHeading')}>
          <label><input type="radio" name="mode" value="full" .checked=${p.mode === 'full'} @change=${() => this.rerun({ mode: 'full' })} />
            ${t('modeFull')}${p.suggestedMode === 'full' ? t('recommended') : ''}</label>
          <label><input type="radio" name="mode" value="partial" .checked=${p.mode === 'partial'} @change=${() => this.rerun({ mode: 'partial' })} />
            ${t('modePartial')}${p.suggestedMode === 'partial' ? t('recommended') : ''}</label>
        </div>
        ${p.suggestedMode === 'partial' ? html`<p class="muted">${t('partialHint')}</p>` : nothing}
        ${p.questions.length ? this.renderQuestions(p.questions) : nothing}
        ${p.problems.length === 0 ? html`<p class="ok">${open ? t('noLineProblems') : t('noProblems')}</p>` : html`
          <h3 class="error">${t('problemsHeading', { n: p.problems.length })}</h3>
          <table><tbody>${p.problems.map((x) => html`<tr><td>${t('lineNo', { line: x.line })}</td><td>${x.message}</td></tr>`)}</tbody></table>`}
        <h3>${t('afterImport')}</h3>
        <ul>
          <li>${t('addedItem', { n: p.added.length })} ${this.names(p.added)}</li>
          <li>${t('movedItem', { n: p.moved.length })} ${this.names(p.moved)}</li>
          <li>${t('updatedItem', { n: p.updated.length })}</li>
          <li>${t('unchangedItem', { n: p.unchanged })}</li>
          <li>${t('leavingItem', { n: p.leaving.length })} ${this.names(p.leaving.map((l) => t(l.reason === 'graduated' ? 'graduatedName' : 'movedAwayName', { name: l.name })))}</li>
          ${p.newClasses.length ? html`<li>${t('newClassesItem', { classes: p.newClasses.join(t('listSeparator')) })}</li>` : nothing}
        </ul>
        <button class="primary" ?disabled=${!ok || this.busy} @click=${this.apply}>${t('applyRoster')}</button>
      </section>
    `
  }

  private renderQuestions(questions: RosterQuestion[]) {
    return html`
      <h3 class=${questions.some((q) => q.answer === null) ? 'error' : ''}>${t('questionsHeading', { n: questions.length })}</h3>
      <table><tbody>${questions.map((q) => html`<tr>
        <td>${t('lineNo', { line: q.line })}</td><td>${q.row}</td>
        <td><select aria-label=${t('questionLabel', { line: q.line })} @change=${(e: Event) => this.answer(q.line, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${q.answer === null}>${t('chooseOption')}</option>
          ${q.candidates.map((c) => html`<option value=${c.pupilId} ?selected=${q.answer === c.pupilId}>${c.label}</option>`)}
          <option value="new" ?selected=${q.answer === 'new'}>${t('newPupilOption')}</option>
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
    return list.length ? html`<span class="muted">— ${list.slice(0, 8).join(t('listSeparator'))}${list.length > 8 ? t('moreNames', { n: list.length - 8 }) : ''}</span>` : nothing
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
    if (!confirm(t('newYearConfirm', { year: next }))) return
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
