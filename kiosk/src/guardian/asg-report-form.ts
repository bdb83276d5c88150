import { LitElement, css, html, nothing } from 'lit'
import { GUARDIAN_CALENDAR_DAYS, LIMITS, type CreateReportRequest, type GuardianChild, type GuardianHome, type Reason, type ReportKind, type ReportMode } from '../../../shared/protocol/index.js'
import { buttons, tokens, visuallyHidden } from '../lib/styles.js'
import { daysInclusive } from '../../../shared/time/schoolTime.js'
import { addDays, formatDay, formatTime, quickDays, type QuickDays } from './dates.js'
import { asksSymptoms, existingReports, newIdempotencyKey, sameContent, type DayChoice, type ExistingReport, type ReportDraft } from './draft.js'
import { messages, symptomLabel, SYMPTOMS, type Locale } from './messages.js'
import { guardianStyles } from './styles.js'

const KINDS: readonly ReportKind[] = ['absent', 'late', 'early_leave']
/** From how many characters left the counter says so (and a screen reader hears it every ten). */
const NEAR_LIMIT = 40
type Field = 'children' | 'kind' | 'day' | 'time' | 'mode' | 'reason' | 'temperature' | 'message'

/**
 * Step 1 of 3: who, what, which day, why — and, when a chosen day already has a report,
 * whether this one changes it or adds to it. Checks the answers with friendly messages and hands
 * a draft up; the server checks everything again. The element keeps its answers while the
 * confirm step is shown, so 修正する returns to exactly what was entered.
 * @fires asg-review - detail: ReportDraft, when the form is complete
 */
export class AsgReportForm extends LitElement {
  static override properties = {
    home: { attribute: false },
    locale: { type: String },
    selected: { state: true },
    kind: { state: true },
    dayChoice: { state: true },
    fromDate: { state: true },
    toDate: { state: true },
    lateTime: { state: true },
    earlyTime: { state: true },
    reasonId: { state: true },
    symptoms: { state: true },
    temperature: { state: true },
    message: { state: true },
    mode: { state: true },
    checked: { state: true },
  }
  declare home: GuardianHome | null
  declare locale: Locale
  declare selected: number[]
  declare kind: ReportKind | ''
  declare dayChoice: DayChoice | ''
  declare fromDate: string
  declare toDate: string
  declare lateTime: string
  declare earlyTime: string
  declare reasonId: number | null
  declare symptoms: string[]
  declare temperature: string
  declare message: string
  /** What this report does to a chosen day that already has one; '' until the guardian says. */
  declare mode: ReportMode | ''
  /** Set after the first attempt to continue: from then on, problems show as they change. */
  declare checked: boolean

  /** The last draft handed up: sending the same content again reuses its key. */
  private lastDraft: ReportDraft | null = null
  private preselected = false

  constructor() {
    super()
    this.home = null
    this.locale = 'ja'
    this.selected = []
    this.kind = ''
    this.dayChoice = ''
    this.fromDate = ''
    this.toDate = ''
    this.lateTime = '09:30'
    this.earlyTime = ''
    this.reasonId = null
    this.symptoms = []
    this.temperature = ''
    this.message = ''
    this.mode = ''
    this.checked = false
  }

  static override styles = [
    tokens,
    buttons,
    visuallyHidden,
    guardianStyles,
    css`
      form {
        display: flex;
        flex-direction: column;
        gap: 14px;
      }
      fieldset {
        border: 1px solid var(--asg-line);
        border-radius: var(--asg-radius);
        background: var(--asg-surface);
        margin: 0;
        padding: 12px 14px 14px;
        min-width: 0;
      }
      fieldset.invalid {
        border-color: var(--asg-absent);
        box-shadow: 0 0 0 1px var(--asg-absent);
      }
      legend {
        font-weight: 700;
        font-size: 1.05rem;
        padding: 0 4px;
      }
      legend .muted {
        font-weight: 400;
        margin-left: 0.4em;
      }
      /* Choice tiles: a native input inside a label, styled by its state. */
      .tile {
        position: relative;
        display: flex;
        align-items: center;
        gap: 12px;
        min-height: 52px;
        box-sizing: border-box;
        padding: 8px 14px;
        border: 1px solid var(--asg-line);
        border-radius: var(--asg-radius);
        background: var(--asg-surface);
        cursor: pointer;
        -webkit-tap-highlight-color: transparent;
        user-select: none;
      }
      .tile input {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
        margin: 0;
      }
      .tile:has(input:focus-visible) {
        outline: 3px solid #ffbf47;
        outline-offset: 2px;
      }
      .tile.on {
        border: 2px solid var(--asg-accent);
        background: var(--asg-accent-bg);
        padding: 7px 13px;
      }
      .stack {
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      .box {
        flex: none;
        width: 26px;
        height: 26px;
        border: 2px solid var(--asg-ink-soft);
        border-radius: 6px;
        display: grid;
        place-items: center;
        background: #fff;
        font-size: 18px;
        line-height: 1;
        color: #fff;
      }
      .box.round {
        border-radius: 50%;
      }
      .on .box {
        background: var(--asg-accent);
        border-color: var(--asg-accent);
      }
      .child-name {
        font-size: 1.15rem;
        font-weight: 700;
        line-height: 1.3;
      }
      .child-class {
        display: block;
        color: var(--asg-ink-soft);
        font-size: 0.9rem;
        font-weight: 400;
      }
      .segments {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 8px;
      }
      .segments .tile {
        justify-content: center;
        text-align: center;
        overflow-wrap: anywhere;
        min-height: 60px;
        font-size: 1.2rem;
        font-weight: 700;
        padding: 6px 4px;
      }
      .segments .tile.on {
        padding: 5px 3px;
      }
      .segments .tile.on.kind-absent {
        border-color: var(--asg-absent);
        background: var(--asg-absent-bg);
        color: var(--asg-absent);
      }
      .segments .tile.on.kind-late {
        border-color: var(--asg-late);
        background: var(--asg-late-bg);
        color: var(--asg-late);
      }
      .segments .tile.on.kind-early_leave {
        border-color: var(--asg-early);
        background: var(--asg-early-bg);
        color: var(--asg-early);
      }
      .day-label {
        font-weight: 700;
        font-size: 1.1rem;
      }
      .day-date {
        margin-left: 0.5em;
        font-size: 1.05rem;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
      .chips .tile {
        min-height: 44px;
        padding: 6px 14px;
        border-radius: 999px;
        font-size: 1rem;
      }
      .chips .tile.on {
        padding: 5px 13px;
        font-weight: 700;
      }
      .fields {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 10px;
        margin-top: 10px;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: 4px;
        min-width: 0;
      }
      .field > span {
        font-size: 0.9rem;
        color: var(--asg-ink-soft);
      }
      input[type='date'],
      input[type='time'],
      input[type='number'],
      textarea {
        font: inherit;
        font-size: 16px;
        box-sizing: border-box;
        width: 100%;
        min-height: 48px;
        padding: 8px 10px;
        border: 1px solid var(--asg-line);
        border-radius: var(--asg-radius);
        background: #fff;
        color: var(--asg-ink);
      }
      .inline {
        display: flex;
        align-items: center;
        gap: 8px;
        max-width: 12rem;
      }
      .inline span {
        flex: none;
      }
      textarea {
        min-height: 7.5em;
        resize: vertical;
        line-height: 1.5;
      }
      .counter {
        text-align: right;
        font-size: 0.85rem;
        color: var(--asg-ink-soft);
        margin: 4px 0 0;
      }
      .counter.near {
        color: var(--asg-ink);
      }
      #error-summary ul {
        margin: 6px 0 0;
        padding-left: 1.2em;
      }
      #error-summary a {
        color: inherit;
        display: inline-block;
        min-height: 44px;
        padding: 10px 0;
        box-sizing: border-box;
      }
      #error-summary:focus {
        outline: 3px solid #ffbf47;
        outline-offset: 2px;
      }
      .sub {
        margin-top: 14px;
      }
      .closed {
        margin: 0 0 8px;
      }
      .sub-label,
      .field > .sub-label {
        display: block;
        font-weight: 700;
        font-size: 1rem;
        color: var(--asg-ink);
        margin-bottom: 2px;
      }
      input.time {
        max-width: 12rem;
      }
      fieldset.existing {
        border-color: var(--asg-late);
        background: #fffaf0;
      }
      .existing-list {
        margin: 4px 0 8px;
        padding-left: 1.2em;
      }
      .question {
        font-weight: 700;
        margin: 0 0 8px;
      }
      .mode-note {
        display: block;
        font-size: 0.88rem;
        color: var(--asg-ink-soft);
      }
      button[type='submit'] {
        width: 100%;
        font-size: 1.15rem;
        min-height: 56px;
      }
    `,
  ]

  override willUpdate(): void {
    // With one child there is nothing to choose: tick it once the children are known.
    if (!this.preselected && this.home) {
      this.preselected = true
      if (this.home.children.length === 1) this.selected = [this.home.children[0]!.pupilId]
    }
  }

  override render() {
    const home = this.home
    if (!home) return nothing
    const m = messages(this.locale)
    const errors = this.checked ? this.validate() : {}
    const schoolId = this.schoolId()
    const q = this.quick()
    const reasons = home.reasons[String(schoolId)] ?? []
    const reason = reasons.find((r) => r.id === this.reasonId)
    const manySchools = new Set(home.children.map((c) => c.schoolId)).size > 1
    const cutoff = home.sameDayCutoff[String(schoolId)]
    const includesToday = this.dates()?.fromDate === home.today
    const err = (f: Field) => (errors[f] ? html`<p class="error" id="err-${f}">${errors[f]}</p>` : nothing)
    const tempError = errors.temperature ?? this.temperatureLetters()
    const left = LIMITS.messageChars - this.message.length
    const noSchool = this.noSchoolOn()

    return html`
      <form novalidate @submit=${this.submit}>
        <fieldset class=${errors.children ? 'invalid' : ''} data-field="children">
          <legend>${m.childrenLegend}${home.children.length > 1 ? html`<span class="muted">${m.childrenHint}</span>` : nothing}</legend>
          <div class="stack">
            ${home.children.map((c) => this.childTile(c, manySchools))}
          </div>
          ${err('children')}
        </fieldset>

        <fieldset class=${errors.kind ? 'invalid' : ''} data-field="kind">
          <legend>${m.kindLegend}</legend>
          <div class="segments">
            ${KINDS.map(
              (k) => html`<label class="tile kind-${k} ${this.kind === k ? 'on' : ''}">
                <input type="radio" name="kind" .checked=${this.kind === k} @change=${() => this.setKind(k)} />${m.kind[k]}
              </label>`,
            )}
          </div>
          ${err('kind')}
        </fieldset>

        <fieldset class=${errors.day || errors.time ? 'invalid' : ''} data-field="day">
          <legend>${m.dayLegend}</legend>
          ${!q.today ? html`<p class="muted closed">${m.todayClosed}</p>` : nothing}
          <div class="stack">
            ${q.today ? this.dayTile('today', m.today, q.today) : nothing}
            ${q.next ? this.dayTile('next', q.next.isTomorrow ? m.tomorrow : m.nextSchoolDay, q.next.date) : nothing}
            ${this.kind === 'absent' || this.kind === ''
              ? this.dayTile('range', m.range, null)
              : this.dayTile('date', m.pickDate, null)}
          </div>
          ${this.dayChoice === 'range'
            ? html`<div class="fields">
                  <label class="field"><span>${m.fromDate}</span>
                    <input type="date" .value=${this.fromDate} min=${home.today} @change=${this.onFrom} /></label>
                  <label class="field"><span>${m.toDate}</span>
                    <input type="date" .value=${this.toDate} min=${this.fromDate || home.today} @change=${this.onTo} /></label>
                </div>
                <p class="muted">${m.rangeNote}</p>`
            : nothing}
          ${this.dayChoice === 'date'
            ? html`<div class="fields">
                <label class="field"><span>${m.date}</span>
                  <input type="date" .value=${this.fromDate} min=${home.today} @change=${this.onFrom}
                    aria-describedby=${noSchool ? 'no-school' : nothing} aria-invalid=${noSchool ? 'true' : 'false'} /></label>
              </div>`
            : nothing}
          <p class="note" id="no-school" role="status" ?hidden=${!noSchool}>${noSchool ? m.notSchoolDay(formatDay(noSchool, this.locale)) : ''}</p>
          ${err('day')}
          ${includesToday && cutoff ? html`<p class="note">${m.cutoffHint(formatTime(cutoff, this.locale))}</p>` : nothing}

          ${this.kind === 'late' || this.kind === 'early_leave'
            ? html`<div class="sub">
                <label class="field">
                  <span class="sub-label">${this.kind === 'late' ? m.lateTime : m.earlyTime}</span>
                  <input class="time" type="time" step="300"
                    .value=${this.kind === 'late' ? this.lateTime : this.earlyTime}
                    @input=${this.onTime} @change=${this.onTime} />
                </label>
                ${err('time')}
              </div>`
            : nothing}
        </fieldset>

        ${this.renderExisting(errors.mode)}

        <fieldset class=${errors.reason ? 'invalid' : ''} data-field="reason">
          <legend>${m.reasonLegend}</legend>
          <div class="chips">
            ${reasons.map(
              (r) => html`<label class="tile ${this.reasonId === r.id ? 'on' : ''}">
                <input type="radio" name="reason" .checked=${this.reasonId === r.id} @change=${() => (this.reasonId = r.id)} />${r.label}
              </label>`,
            )}
          </div>
          ${err('reason')}

          ${asksSymptoms(reason)
            ? html`<p class="muted">${m.illnessNote}</p>
                <div class="sub">
                  <span class="sub-label" id="symptoms-label">${m.symptomsLegend}</span>
                  <div class="chips" role="group" aria-labelledby="symptoms-label">
                    ${SYMPTOMS.map(({ value }) => {
                      const on = this.symptoms.includes(value)
                      return html`<label class="tile ${on ? 'on' : ''}">
                        <input type="checkbox" .checked=${on} @change=${() => this.toggleSymptom(value)} />${symptomLabel(value, this.locale)}
                      </label>`
                    })}
                  </div>
                </div>
                <div class="sub" data-field="temperature">
                  <label class="field">
                    <span class="sub-label">${m.temperature}</span>
                    <span class="inline">
                      <input type="text" inputmode="decimal" autocomplete="off" placeholder="37.5" id="temperature"
                        aria-invalid=${tempError ? 'true' : 'false'} aria-describedby=${tempError ? 'err-temperature' : nothing}
                        .value=${this.temperature} @input=${(e: Event) => (this.temperature = (e.target as HTMLInputElement).value)} />
                      <span>${m.temperatureUnit}</span>
                    </span>
                  </label>
                  ${tempError ? html`<p class="error" id="err-temperature" role="alert">${tempError}</p>` : nothing}
                </div>`
            : nothing}
        </fieldset>

        <fieldset class=${errors.message ? 'invalid' : ''} data-field="message">
          <legend>${m.messageLabel}</legend>
          <textarea id="message" aria-label=${m.messageLabel} placeholder=${m.messagePlaceholder} maxlength=${LIMITS.messageChars}
            aria-describedby="message-counter" aria-invalid=${errors.message ? 'true' : 'false'}
            .value=${this.message} @input=${(e: Event) => (this.message = (e.target as HTMLTextAreaElement).value)}></textarea>
          <p class="counter ${left <= NEAR_LIMIT ? 'near' : ''}" id="message-counter">
            ${m.counter(this.message.length, LIMITS.messageChars)}${left <= NEAR_LIMIT ? html` <strong>${m.counterLeft(left)}</strong>` : nothing}
          </p>
          <p class="visually-hidden" aria-live="polite">${left <= NEAR_LIMIT && left % 10 === 0 ? m.counterLeft(left) : ''}</p>
          ${err('message')}
        </fieldset>

        ${Object.keys(errors).length ? this.errorSummary(errors) : nothing}
        <button class="primary" type="submit">${m.toReview}</button>
      </form>
    `
  }

  /** The question for days that already have a report: change it, or add to it. */
  private renderExisting(error: string | undefined) {
    const existing = this.existing()
    if (existing.length === 0) return nothing
    const m = messages(this.locale)
    const choice = (mode: ReportMode, label: string, note: string) => html`<label class="tile mode ${this.mode === mode ? 'on' : ''}">
      <input type="radio" name="mode" .checked=${this.mode === mode} @change=${() => (this.mode = mode)} />
      <span class="box round" aria-hidden="true">${this.mode === mode ? '●' : ''}</span>
      <span><span class="day-label">${label}</span><span class="mode-note">${note}</span></span>
    </label>`
    return html`<fieldset class="existing ${error ? 'invalid' : ''}" data-field="mode">
      <legend>${m.existingLegend}</legend>
      <ul class="existing-list">
        ${existing.map((e) => html`<li>${m.existingLine(e.child.name, formatDay(e.date, this.locale), e.kinds.map((k) => m.kind[k]).join(m.listSeparator))}</li>`)}
      </ul>
      <p class="question">${m.existingQuestion}</p>
      <div class="stack">
        ${choice('replace', m.modeReplace, m.modeReplaceNote)}
        ${choice('add', m.modeAdd, m.modeAddNote)}
      </div>
      ${error ? html`<p class="error" id="err-mode">${error}</p>` : nothing}
    </fieldset>`
  }

  /** The chosen pupil-days that already have a report (none until children and a day are chosen). */
  private existing(): ExistingReport[] {
    const d = this.dates()
    if (!this.home || !d) return []
    return existingReports(this.home, this.selected, d.fromDate, this.kind === 'absent' ? d.toDate : d.fromDate)
  }

  private childTile(c: GuardianChild, manySchools: boolean) {
    const on = this.selected.includes(c.pupilId)
    return html`<label class="tile ${on ? 'on' : ''}">
      <input type="checkbox" .checked=${on} @change=${() => this.toggleChild(c.pupilId)} />
      <span class="box" aria-hidden="true">${on ? '✓' : ''}</span>
      <span class="child-name">${c.name}
        <span class="child-class">${[manySchools ? c.schoolName : '', c.className].filter(Boolean).join(' ')}</span>
      </span>
    </label>`
  }

  private dayTile(choice: DayChoice, label: string, date: string | null) {
    const on = this.dayChoice === choice
    return html`<label class="tile ${on ? 'on' : ''}">
      <input type="radio" name="day" .checked=${on} @change=${() => this.setDay(choice)} />
      <span class="box round" aria-hidden="true">${on ? '●' : ''}</span>
      <span><span class="day-label">${label}</span>${date ? html`<span class="day-date">${formatDay(date, this.locale)}</span>` : nothing}</span>
    </label>`
  }

  /** The school whose reasons and days the form shows: the chosen children's, else the first child's. */
  private schoolId(): number {
    const children = this.home?.children ?? []
    const chosen = children.find((c) => this.selected.includes(c.pupilId))
    return (chosen ?? children[0])?.schoolId ?? 0
  }

  private quick(): QuickDays {
    const home = this.home!
    return quickDays(home.today, home.nextSchoolDays[String(this.schoolId())] ?? [])
  }

  /** The chosen dates, or null when no day is chosen yet. */
  private dates(): { fromDate: string; toDate: string } | null {
    const q = this.quick()
    switch (this.dayChoice) {
      case 'today':
        return q.today ? { fromDate: q.today, toDate: q.today } : null
      case 'next':
        return q.next ? { fromDate: q.next.date, toDate: q.next.date } : null
      case 'range':
        return { fromDate: this.fromDate, toDate: this.toDate }
      case 'date':
        return { fromDate: this.fromDate, toDate: this.fromDate }
      default:
        return null
    }
  }

  private toggleChild(id: number) {
    this.selected = this.selected.includes(id) ? this.selected.filter((x) => x !== id) : [...this.selected, id]
  }

  private toggleSymptom(value: string) {
    this.symptoms = this.symptoms.includes(value) ? this.symptoms.filter((s) => s !== value) : [...this.symptoms, value]
  }

  private setKind(kind: ReportKind) {
    this.kind = kind
    // A range is for absences only; late arrival and early leave are reported one day at a time.
    if (kind !== 'absent' && this.dayChoice === 'range') {
      this.dayChoice = 'date'
      this.toDate = this.fromDate
    } else if (kind === 'absent' && this.dayChoice === 'date') {
      this.dayChoice = 'range'
      this.toDate = this.fromDate
    }
  }

  private setDay(choice: DayChoice) {
    this.dayChoice = choice
    if ((choice === 'range' || choice === 'date') && !this.fromDate) {
      const q = this.quick()
      this.fromDate = q.today ?? q.next?.date ?? this.home!.today
      this.toDate = this.fromDate
    }
  }

  private onFrom(e: Event) {
    this.fromDate = (e.target as HTMLInputElement).value
    if (!this.toDate || this.toDate < this.fromDate || this.dayChoice === 'date') this.toDate = this.fromDate
  }

  private onTo(e: Event) {
    this.toDate = (e.target as HTMLInputElement).value
  }

  private onTime(e: Event) {
    const value = (e.target as HTMLInputElement).value
    if (this.kind === 'late') this.lateTime = value
    else this.earlyTime = value
  }

  private time(): string {
    return this.kind === 'late' ? this.lateTime : this.kind === 'early_leave' ? this.earlyTime : ''
  }

  private reason(): Reason | undefined {
    return (this.home?.reasons[String(this.schoolId())] ?? []).find((r) => r.id === this.reasonId)
  }

  /** A temperature as the server wants it (one decimal), null when empty, undefined when invalid. */
  private temperatureValue(): number | null | undefined {
    const raw = this.temperature.trim()
    if (!raw) return null
    const n = Number(raw.replace(',', '.'))
    if (!Number.isFinite(n) || n < LIMITS.temperatureMin || n > LIMITS.temperatureMax) return undefined
    return Math.round(n * 10) / 10
  }

  /** Letters in the temperature field, said as soon as they are typed. */
  private temperatureLetters(): string | undefined {
    return /[^0-9.,\s０-９．]/.test(this.temperature) ? messages(this.locale).errTemperatureLetters : undefined
  }

  /**
   * The single date picked, when the school's calendar (known for the next weeks) has no
   * school that day; null when it has, or when the date is beyond what the page knows.
   */
  private noSchoolOn(): string | null {
    if (this.dayChoice !== 'date' || !this.fromDate || !this.home) return null
    const today = this.home.today
    if (this.fromDate < today || this.fromDate > addDays(today, GUARDIAN_CALENDAR_DAYS)) return null
    const days = this.home.nextSchoolDays[String(this.schoolId())] ?? []
    return days.includes(this.fromDate) ? null : this.fromDate
  }

  /** Every problem in one place, each a link to its field; focused after a failed submit. */
  private errorSummary(errors: Partial<Record<Field, string>>) {
    const m = messages(this.locale)
    const entries = Object.entries(errors) as [Field, string][]
    return html`<div class="error-box" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
      <p id="error-summary-title">${m.errorSummary(entries.length)}</p>
      <ul>
        ${entries.map(([field, text]) => html`<li><a href="#err-${field}" @click=${(e: Event) => this.goToField(e, field)}>${text}</a></li>`)}
      </ul>
    </div>`
  }

  /** Moves focus to the first control of a field (in the shadow root, where `#id` links cannot reach). */
  private goToField(e: Event, field: Field) {
    e.preventDefault()
    const section = this.renderRoot.querySelector<HTMLElement>(`[data-field="${field === 'time' ? 'day' : field}"]`)
    const control = section?.querySelector<HTMLElement>(field === 'time' ? 'input.time' : 'input, textarea, select')
    section?.scrollIntoView({ block: 'center' })
    control?.focus()
  }

  private validate(): Partial<Record<Field, string>> {
    const m = messages(this.locale)
    const home = this.home!
    const errors: Partial<Record<Field, string>> = {}
    if (this.selected.length === 0) errors.children = m.errChild
    if (!this.kind) errors.kind = m.errKind
    const d = this.dates()
    if (!d) errors.day = m.errDay
    else if (this.dayChoice === 'range' && (!d.fromDate || !d.toDate)) errors.day = m.errRangeDates
    else if (!d.fromDate) errors.day = m.errDate
    else if (d.fromDate < home.today) errors.day = m.errPast
    else if (d.toDate < d.fromDate) errors.day = m.errRangeOrder
    else if (daysInclusive(d.fromDate, d.toDate) > LIMITS.rangeDays) errors.day = m.errRangeLong(LIMITS.rangeDays)
    else if (this.noSchoolOn()) errors.day = m.errNotSchoolDay
    if (this.kind === 'late' && !this.lateTime) errors.time = m.errLateTime
    if (this.kind === 'early_leave' && !this.earlyTime) errors.time = m.errEarlyTime
    if (!this.mode && this.existing().length > 0) errors.mode = m.errMode
    const reason = this.reason()
    if (!reason) errors.reason = m.errReason
    else if (asksSymptoms(reason) && this.temperatureValue() === undefined) {
      errors.temperature = this.temperatureLetters() ?? m.errTemperature(LIMITS.temperatureMin, LIMITS.temperatureMax)
    }
    if (this.message.length > LIMITS.messageChars) errors.message = m.errMessage(LIMITS.messageChars)
    return errors
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault()
    this.checked = true
    const errors = this.validate()
    if (Object.keys(errors).length > 0) {
      await this.updateComplete
      // The summary names every problem and links to each; keyboard and screen-reader users start there.
      this.renderRoot.querySelector<HTMLElement>('#error-summary')?.focus()
      return
    }
    const home = this.home!
    const reason = this.reason()!
    const d = this.dates()!
    const withSymptoms = asksSymptoms(reason)
    const request: ReportDraft['request'] = {
      idempotencyKey: '',
      pupilIds: home.children.filter((c) => this.selected.includes(c.pupilId)).map((c) => c.pupilId),
      kind: this.kind as ReportKind,
      fromDate: d.fromDate,
      toDate: this.kind === 'absent' ? d.toDate : d.fromDate,
      reasonId: reason.id,
      symptoms: withSymptoms ? SYMPTOMS.map((s) => s.value).filter((v) => this.symptoms.includes(v)) : [],
      temperature: withSymptoms ? (this.temperatureValue() ?? null) : null,
      time: this.kind === 'absent' ? null : this.time(),
      message: this.message.trim(),
    }
    const existing = this.existing()
    if (existing.length > 0) request.mode = this.mode as ReportMode
    // One key per draft: unchanged content keeps the key, so a report that did arrive before a
    // lost response is not sent twice; changed content needs a new key (the server refuses
    // a key reused for different content).
    const previous = this.lastDraft?.request
    request.idempotencyKey = previous && sameContent(previous as CreateReportRequest, { ...request }) ? previous.idempotencyKey : newIdempotencyKey()
    const draft: ReportDraft = {
      request,
      children: home.children.filter((c) => this.selected.includes(c.pupilId)),
      reason,
      dayChoice: this.dayChoice as DayChoice,
      today: home.today,
      existing,
    }
    this.lastDraft = draft
    this.dispatchEvent(new CustomEvent<ReportDraft>('asg-review', { detail: draft, bubbles: true, composed: true }))
  }
}

customElements.define('asg-report-form', AsgReportForm)
declare global {
  interface HTMLElementTagNameMap {
    'asg-report-form': AsgReportForm
  }
}
