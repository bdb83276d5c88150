import { LitElement, css, html, nothing } from 'lit'
import { ApiError, errorText, refusalText } from '../lib/api.js'
import { officeLists } from '../../../shared/domain/officeLists.js'
import { can, schoolWide } from '../../../shared/policy/policy.js'
import type { DayEntry, Me } from '../../../shared/protocol/index.js'
import { DayController } from '../controllers/day-controller.js'
import { buttons, tokens } from '../lib/styles.js'
import { currentUser, signOut } from '../lib/session.js'
import { dayText, instantTimeText } from '../lib/staffLanguage.js'
import { rollCallPassed, type RunCommand } from './roll-view.js'
import '../components/asg-connection-status.js'
import '../components/asg-staff-login.js'
import '../components/asg-staff-menu.js'
import './asg-class-day.js'
import './asg-class-roll.js'
import './asg-school-overview.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import { t } from './text.js'

type Staff = Extract<Me, { kind: 'staff' }>
/** Which view is shown: one class, or 全クラス. */
type Selection = number | 'all'

/**
 * The office's parts of the all-classes view (lists, notices and their calls, the template),
 * loaded the first time the office opens it: a homeroom teacher's phone never needs them.
 * Their elements upgrade in place when they arrive.
 */
let officeParts: Promise<unknown> | null = null
const loadOfficeParts = () => (officeParts ??= Promise.all([import('./asg-office-lists.js'), import('./asg-office-notices.js'), import('./asg-notice-template.js')]))

const TOAST_MS = 6000

/**
 * The teacher page: logs in, owns the page's socket (DayController), and shows the user's
 * class today (or 全クラス) with the guardians' reports; 確認 marks a report 確認済 on every
 * screen live. The selection lives in the URL hash (#all, #class-12) so a reload keeps it.
 */
export class AsgTeacherApp extends LitElement {
  static override properties = {
    me: { state: true },
    loaded: { state: true },
    loadError: { state: true },
    selected: { state: true },
    pending: { state: true },
    toast: { state: true },
  }
  declare me: Me | null
  declare loaded: boolean
  declare loadError: string
  /** null until chosen: then the default for the user applies. */
  declare selected: Selection | null
  declare pending: ReadonlySet<number>
  declare toast: string

  private day: DayController | null = null
  private minuteTimer: ReturnType<typeof setInterval> | undefined
  private toastTimer: ReturnType<typeof setTimeout> | undefined
  private readonly onHashChange = () => {
    this.selected = selectionFromHash(location.hash)
  }

  constructor() {
    super()
    this.me = null
    this.loaded = false
    this.loadError = ''
    this.selected = selectionFromHash(location.hash)
    this.pending = new Set()
    this.toast = ''
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; min-height: 100vh; background: var(--asg-bg); }
      .top { background: var(--asg-accent); color: #fff; }
      .top-in { max-width: 1100px; margin: 0 auto; padding: 0.5rem 12px; display: flex; flex-wrap: wrap; align-items: center; gap: 0.2rem 1rem; }
      .school { font-weight: 700; font-size: 1.05rem; }
      .date { font-weight: 700; font-size: 1.05rem; font-variant-numeric: tabular-nums; }
      .user { margin-left: auto; display: flex; flex-wrap: wrap; align-items: center; justify-content: flex-end; gap: 0.2rem 0.8rem; font-size: 0.9rem; }
      .top asg-connection-status { font-size: 0.85rem; }
      .top button { background: transparent; color: #fff; border-color: rgb(255 255 255 / 0.6); min-height: 40px; padding: 0.3em 0.8em; font-size: 0.9rem; white-space: nowrap; flex: none; }
      main { max-width: 1100px; margin: 0 auto; padding: 12px 12px 96px; }
      .picker { display: flex; align-items: center; gap: 0.6rem; margin: 0 0 0.9rem; }
      select { font: inherit; font-size: 1.05rem; min-height: 44px; padding: 0 2.2em 0 0.8em; border: 1px solid var(--asg-line); border-radius: var(--asg-radius);
        background: var(--asg-surface); color: var(--asg-ink); flex: 1 1 auto; min-width: 0; max-width: 22rem; }
      .picker button { flex: none; font-size: 0.95rem; }
      .banner { border-radius: var(--asg-radius); padding: 0.7rem 0.9rem; margin: 0 0 0.9rem; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; font-weight: 700; }
      .banner.offline { background: var(--asg-absent-bg); color: var(--asg-absent); border: 1px solid var(--asg-absent); }
      .banner.info { background: var(--asg-surface); border: 1px solid var(--asg-line); color: var(--asg-ink); font-weight: 400; }
      .banner button { margin-left: auto; }
      .stale { opacity: 0.75; }
      .loading, .message { text-align: center; color: var(--asg-ink-soft); padding: 3rem 1rem; }
      .message { max-width: 28rem; margin: 10vh auto; color: var(--asg-ink); line-height: 1.8; }
      .message a { color: var(--asg-accent); font-weight: 700; font-size: 1.1rem; }
      .toast { position: fixed; left: 50%; bottom: max(16px, env(safe-area-inset-bottom)); transform: translateX(-50%); width: min(92vw, 32rem); box-sizing: border-box;
        background: var(--asg-ink); color: #fff; border-radius: var(--asg-radius); padding: 0.7rem 0.8rem 0.7rem 1rem; display: flex; align-items: center; gap: 0.8rem;
        box-shadow: 0 6px 24px rgb(0 0 0 / 0.25); z-index: 10; }
      .toast button { margin-left: auto; background: transparent; color: #fff; border-color: rgb(255 255 255 / 0.5); flex: none; }
      .banner .sub { font-weight: 400; font-size: 0.9rem; }
      @media (max-width: 599px) {
        .user { margin-left: 0; width: 100%; flex-wrap: nowrap; }
        .top asg-connection-status { flex: 1 1 auto; min-width: 0; }
        .top .name { white-space: nowrap; }
      }
    `,
  ]

  override connectedCallback(): void {
    super.connectedCallback()
    document.title = t('pageTitle')
    window.addEventListener('hashchange', this.onHashChange)
    this.minuteTimer = setInterval(() => this.day?.checkDate(), 60_000)
    if (!this.loaded) void this.loadUser()
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('hashchange', this.onHashChange)
    clearInterval(this.minuteTimer)
    clearTimeout(this.toastTimer)
  }

  override render() {
    if (!this.loaded) return html`<p class="loading">${t('loading')}</p>`
    if (this.loadError) {
      return html`<div class="message" role="alert"><p>${this.loadError}</p><button @click=${() => this.retryLoad()}>${t('loadAgain')}</button></div>`
    }
    const me = this.me
    if (!me) return html`<asg-staff-login heading=${t('loginHeading')} @asg-logged-in=${this.onLoggedIn}></asg-staff-login>`
    if (me.kind !== 'staff') {
      return html`<div class="message">
        ${me.kind === 'guardian'
          ? html`<p>${t('staffOnly')}<br />${t('guardiansUseTheirPage')}</p>
              <p><a href="/guardian/">${t('toGuardianPage')}</a></p>`
          : html`<p>${t('schoolStaffOnly')}<br />${t('adminsUseAdminPage')}</p>
              <p><a href="/admin/">${t('toAdminPage')}</a></p>`}
        <p><button @click=${this.onLogout}>${t('logout')}</button></p>
      </div>`
    }
    return html`${this.renderHeader(me)}
      <main>${this.renderBanner()}${this.renderBody(me)}</main>
      ${this.toast
        ? html`<div class="toast" role="alert"><span>${this.toast}</span><button @click=${this.closeToast}>${t('close')}</button></div>`
        : nothing}`
  }

  private renderHeader(me: Staff) {
    const day = this.day
    const snap = day?.snapshot
    return html`<header class="top">
      <div class="top-in">
        <span class="school">${snap?.schoolName ?? me.schoolName}</span>
        ${snap ? html`<span class="date">${dayText(snap.date)}</span>` : nothing}
        <span class="user">
          <asg-connection-status .state=${day?.state ?? 'connecting'} .restarting=${day?.restarting ?? false} .lastSyncAt=${day?.lastSyncAt ?? null} .timeZone=${snap?.timeZone ?? SCHOOL_ZONE}></asg-connection-status>
          <asg-staff-menu .me=${me} @asg-logout=${this.onLogout}></asg-staff-menu>
        </span>
      </div>
    </header>`
  }

  private renderBanner() {
    const day = this.day
    if (!day) return nothing
    if (day.state === 'ended') {
      const text = day.endedCode === 'UNAUTHENTICATED' ? t('sessionExpired') : t('connectionEnded')
      return html`<div class="banner offline" role="alert">${text}<button class="primary" @click=${this.onLoginAgain}>${t('loginAgain')}</button></div>`
    }
    if (day.state === 'offline' && day.restarting) {
      return html`<div class="banner info" role="status">${t('serverRestarting')}</div>`
    }
    if (day.state === 'offline') {
      const zone = day.snapshot?.timeZone ?? SCHOOL_ZONE
      const text = day.lastSyncAt ? t('offlineSince', { time: instantTimeText(new Date(day.lastSyncAt).toISOString(), zone) }) : t('offline')
      return html`<div class="banner offline" role="alert">${text}<span class="sub">${t('reconnecting')}</span></div>`
    }
    if (day.buildChanged) {
      return html`<div class="banner info" role="status">${t('newVersion')}<button @click=${() => location.reload()}>${t('reload')}</button></div>`
    }
    return nothing
  }

  private renderBody(me: Staff) {
    const day = this.day
    const snap = day?.snapshot
    if (!day || !snap) return html`<p class="loading">${day?.state === 'ended' ? '' : t('loading')}</p>`
    const selection = this.effectiveSelection(me)
    const entries = [...day.entries.values()]
    const stale = day.state !== 'live'
    const office = selection === 'all' && can(me, 'notices.read') && snap.isSchoolDay
    if (office) void loadOfficeParts()
    return html`
      ${snap.isSchoolDay ? nothing : html`<div class="banner info" role="status">${t('notSchoolDay', { date: dayText(snap.date) })}</div>`}
      <div class="picker">
        <!-- ?selected covers the first render, .value later ones (after a user pick, option attributes no longer apply). -->
        <select aria-label=${t('classPicker')} .value=${String(selection)} @change=${this.onPick}>
          <option value="all" ?selected=${selection === 'all'}>${t('allClasses')}</option>
          ${snap.classes.map(
            (c) => html`<option value=${c.id} ?selected=${selection === c.id}>${me.homeroomClassIds.includes(c.id) ? t('homeroomOption', { label: c.label }) : c.label}</option>`,
          )}
        </select>
        ${selection !== 'all' ? html`<button @click=${() => this.select('all')}>${t('allClasses')}</button>` : nothing}
      </div>
      <div class=${stale ? 'stale' : ''}>
        ${selection === 'all'
          ? html`${office
                ? html`<asg-office-lists
                    .classes=${snap.classes}
                    .entries=${entries}
                    .rollCallOverdue=${rollCallPassed(snap.rollCallTime, snap.timeZone)}
                    @asg-select-class=${(e: CustomEvent<{ classId: number }>) => this.select(e.detail.classId)}
                  ></asg-office-lists>
                  <asg-office-notices
                    .unexplained=${officeLists(snap.classes, entries).unexplained}
                    .seq=${snap.seq}
                    .timeZone=${snap.timeZone}
                  ></asg-office-notices>
                  <asg-notice-template .timeZone=${snap.timeZone}></asg-notice-template>`
                : nothing}<asg-school-overview
              .classes=${snap.classes}
              .entries=${entries}
              .changedAt=${day.changedAt}
              .homeroomClassIds=${me.homeroomClassIds}
              @asg-select-class=${(e: CustomEvent<{ classId: number }>) => this.select(e.detail.classId)}
            ></asg-school-overview>`
          : // The day's reports first: what needs the teacher's 確認 comes before the roll of the whole class.
            html`<asg-class-day
              .classInfo=${snap.classes.find((c) => c.id === selection) ?? null}
              .entries=${entries.filter((e: DayEntry) => e.classId === selection)}
              .changedAt=${day.changedAt}
              .pending=${this.pending}
              .timeZone=${snap.timeZone}
              .date=${snap.date}
              .thresholds=${snap}
              .editable=${can(me, 'report.acknowledge', { classId: selection })}
              .offline=${stale}
              @asg-acknowledge=${this.onAcknowledge}
            ></asg-class-day>
              <asg-class-roll
                .classInfo=${snap.classes.find((c) => c.id === selection) ?? null}
                .entries=${entries.filter((e: DayEntry) => e.classId === selection)}
                .run=${this.run}
                .timeZone=${snap.timeZone}
                .rollCallTime=${snap.rollCallTime}
                .editable=${snap.isSchoolDay && can(me, 'roll.mark', { classId: selection })}
                .offline=${stale}
                @asg-toast=${(e: CustomEvent<{ message: string }>) => this.showToast(e.detail.message)}
                @asg-acknowledge=${this.onAcknowledge}
              ></asg-class-roll>`}
      </div>
    `
  }

  /** The chosen view if it still exists, else: school-wide roles 全クラス, teachers their homeroom class. */
  private effectiveSelection(me: Staff): Selection {
    const classes = this.day?.snapshot?.classes ?? []
    const exists = (id: number) => classes.some((c) => c.id === id)
    if (this.selected === 'all') return 'all'
    if (this.selected !== null && exists(this.selected)) return this.selected
    if (schoolWide(me, 'roll.mark')) return 'all'
    return me.homeroomClassIds.find(exists) ?? 'all'
  }

  private select(selection: Selection) {
    this.selected = selection
    const hash = selection === 'all' ? '#all' : `#class-${selection}`
    if (location.hash !== hash) history.pushState(null, '', hash)
    window.scrollTo({ top: 0 })
  }

  private onPick(e: Event) {
    const value = (e.target as HTMLSelectElement).value
    this.select(value === 'all' ? 'all' : Number(value))
  }

  private async onAcknowledge(e: CustomEvent<{ reportId: number }>) {
    const { reportId } = e.detail
    const day = this.day
    if (!day || this.pending.has(reportId)) return
    this.pending = new Set([...this.pending, reportId])
    const res = await day.command('report:acknowledge', { reportId })
    // The live day:changed event (sent before the ack) has already updated the entry.
    const next = new Set(this.pending)
    next.delete(reportId)
    this.pending = next
    if (!res.ok) this.showToast(refusalText(res.error))
  }

  /** The roll call elements send their commands through the page's one socket. */
  private readonly run: RunCommand = (name, payload) => this.day ? this.day.command(name, payload) : Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: t('notConnected') } })

  private showToast(message: string) {
    clearTimeout(this.toastTimer)
    this.toast = message
    this.toastTimer = setTimeout(() => (this.toast = ''), TOAST_MS)
  }

  private closeToast() {
    clearTimeout(this.toastTimer)
    this.toast = ''
  }

  private async loadUser() {
    try {
      this.me = await currentUser()
      this.loadError = ''
    } catch (err) {
      this.loadError = err instanceof ApiError ? errorText(err) : t('loadFailed')
    }
    this.loaded = true
    if (this.me?.kind === 'staff') this.startDay()
  }

  private retryLoad() {
    this.loaded = false
    this.loadError = ''
    void this.loadUser()
  }

  private onLoggedIn(e: CustomEvent<Me>) {
    this.me = e.detail
    this.selected = selectionFromHash(location.hash)
    if (e.detail.kind === 'staff') this.startDay()
  }

  private onLogout() {
    return signOut(null, () => {
      this.stopDay()
      this.me = null
    })
  }

  private onLoginAgain() {
    this.stopDay()
    this.me = null
  }

  private startDay() {
    this.stopDay()
    this.day = new DayController(this, { client: 'person' })
    this.requestUpdate()
  }

  private stopDay() {
    if (!this.day) return
    this.day.hostDisconnected()
    this.removeController(this.day)
    this.day = null
    this.pending = new Set()
  }
}

function selectionFromHash(hash: string): Selection | null {
  if (hash === '#all') return 'all'
  const m = /^#class-(\d+)$/.exec(hash)
  return m ? Number(m[1]) : null
}

customElements.define('asg-teacher-app', AsgTeacherApp)
declare global {
  interface HTMLElementTagNameMap {
    'asg-teacher-app': AsgTeacherApp
  }
}
