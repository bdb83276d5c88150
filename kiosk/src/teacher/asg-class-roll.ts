import { LitElement, html, nothing } from 'lit'
import { refusalText } from '../lib/api.js'
import type { ClassInfo, DayEntry, Reason, RosterPupil } from '../../../shared/protocol/index.js'
import './asg-roll-call.js'
import { rollCallPassed, type RunCommand } from './roll-view.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'

/**
 * The roll call of the selected class with its data: loads the roster through the
 * page's socket, sends marks and the confirmation, and opens a pupil's sheet.
 * @fires asg-toast - detail: { message }, when a command is refused
 */
export class AsgClassRoll extends LitElement {
  static override properties = {
    classInfo: { attribute: false },
    entries: { attribute: false },
    run: { attribute: false },
    timeZone: { type: String },
    rollCallTime: { type: String },
    editable: { type: Boolean },
    offline: { type: Boolean },
    roster: { state: true },
    reasons: { state: true },
    pending: { state: true },
    openPupil: { state: true },
  }
  declare classInfo: ClassInfo | null
  declare entries: readonly DayEntry[]
  declare run: RunCommand | null
  declare timeZone: string
  declare rollCallTime: string
  declare editable: boolean
  declare offline: boolean
  declare roster: readonly RosterPupil[]
  declare reasons: readonly Reason[]
  declare pending: ReadonlySet<number>
  declare openPupil: number | null

  private loadedFor: number | null = null
  private minuteTimer: ReturnType<typeof setInterval> | undefined

  constructor() {
    super()
    this.classInfo = null
    this.entries = []
    this.run = null
    this.timeZone = SCHOOL_ZONE
    this.rollCallTime = '8:30'
    this.editable = false
    this.offline = false
    this.roster = []
    this.reasons = []
    this.pending = new Set()
    this.openPupil = null
  }

  // Light DOM: the children style themselves; this element only wires data.
  protected override createRenderRoot() {
    return this
  }

  override connectedCallback(): void {
    super.connectedCallback()
    // The reminder appears when the roll-call time passes, without a reload.
    this.minuteTimer = setInterval(() => this.requestUpdate(), 30_000)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearInterval(this.minuteTimer)
  }

  protected override willUpdate(): void {
    const id = this.classInfo?.id ?? null
    if (id !== null && this.run && !this.offline && this.loadedFor !== id) {
      this.loadedFor = id
      this.roster = []
      void this.load(id)
    }
  }

  override render() {
    const info = this.classInfo
    if (!info) return nothing
    const open = this.openPupil === null ? null : this.roster.find((p) => p.pupilId === this.openPupil) ?? null
    return html`<asg-roll-call
        .classInfo=${info}
        .roster=${this.roster}
        .entries=${this.entries}
        .pending=${this.pending}
        .timeZone=${this.timeZone}
        .editable=${this.editable}
        .offline=${this.offline}
        .overdue=${this.editable && rollCallPassed(this.rollCallTime, this.timeZone)}
        @asg-mark=${this.onMark}
        @asg-confirm-roll=${this.onConfirm}
        @asg-open-pupil=${(e: CustomEvent<{ pupilId: number }>) => this.open(e.detail.pupilId)}
      ></asg-roll-call>
      ${open
        ? html`<asg-pupil-sheet
            .pupil=${open}
            .entry=${this.entries.find((e) => e.pupilId === open.pupilId) ?? null}
            .reasons=${this.reasons}
            .run=${this.run}
            .timeZone=${this.timeZone}
            .editable=${this.editable}
            @asg-close=${() => (this.openPupil = null)}
          ></asg-pupil-sheet>`
        : nothing}`
  }

  private async load(classId: number) {
    const res = await this.run!('class:roster', { classId })
    if (this.classInfo?.id !== classId) return
    if (res.ok) {
      this.roster = res.pupils
      this.reasons = res.reasons
    } else {
      this.loadedFor = null
      this.toast(refusalText(res.error))
    }
  }

  private async onMark(e: CustomEvent<{ pupilId: number; mark: 'not_arrived' | 'present' }>) {
    const { pupilId, mark } = e.detail
    if (this.pending.has(pupilId) || !this.run) return
    this.pending = new Set([...this.pending, pupilId])
    const res = await this.run('pupil:mark', { pupilId, mark })
    const next = new Set(this.pending)
    next.delete(pupilId)
    this.pending = next
    if (!res.ok) this.toast(refusalText(res.error))
  }

  private async onConfirm(e: CustomEvent<{ classId: number }>) {
    if (!this.run) return
    const res = await this.run('roll:confirm', { classId: e.detail.classId })
    if (!res.ok) this.toast(refusalText(res.error))
  }

  private toast(message: string) {
    this.dispatchEvent(new CustomEvent('asg-toast', { detail: { message }, bubbles: true, composed: true }))
  }

  /** The pupil's sheet, loaded the first time one is opened (most mornings, none is). */
  private open(pupilId: number) {
    void import('./asg-pupil-sheet.js').then(() => (this.openPupil = pupilId))
  }
}

customElements.define('asg-class-roll', AsgClassRoll)
declare global {
  interface HTMLElementTagNameMap {
    'asg-class-roll': AsgClassRoll
  }
  interface HTMLElementEventMap {
    'asg-toast': CustomEvent<{ message: string }>
  }
}
