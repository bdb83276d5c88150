import { LitElement, css, html, nothing } from 'lit'
import { DAY_STATUS_LABEL } from '../../../shared/protocol/index.js'
import { formatLongDateJa } from '../../../shared/time/format.js'
import { DayController } from '../controllers/day-controller.js'
import { api, ApiError } from '../lib/api.js'
import { tokens } from '../lib/styles.js'
import '../components/asg-connection-status.js'
import './asg-board-class.js'
import './asg-board-unpaired.js'
import { COUNTED, countByStatus, entriesByClass } from './board-counts.js'

type Phase = 'starting' | 'unpaired' | 'running'

/** Data older than this without a live connection shows the stale banner (a blip does not). */
const STALE_AFTER_MS = 5000
/** A new build reloads the page only after this long without a change on screen. */
const QUIET_MS = 20_000

/** The staff-room board: the whole school's day, live, unattended. */
export class AsgBoardApp extends LitElement {
  static override properties = {
    phase: { state: true },
    pairError: { state: true },
    now: { state: true },
  }
  declare phase: Phase
  declare pairError: string
  declare now: number

  private day: DayController | null = null
  private tickTimer: ReturnType<typeof setTimeout> | undefined
  private readonly startedAt = Date.now()

  constructor() {
    super()
    this.phase = 'starting'
    this.pairError = ''
    this.now = Date.now()
  }

  static override styles = [
    tokens,
    css`
      :host { display: flex; flex-direction: column; height: 100vh; overflow: hidden; background: var(--asg-bg); font-size: clamp(14px, 1.05vw, 40px); }
      header { display: flex; align-items: center; gap: 1.5em; padding: 0.4em 1em; background: var(--asg-surface); border-bottom: 2px solid var(--asg-line); }
      .date { font-size: 1.6em; font-weight: 700; white-space: nowrap; }
      .clock { font-size: 2em; font-weight: 700; font-variant-numeric: tabular-nums; }
      .counts { display: flex; gap: 0.5em; margin-left: auto; }
      .count { text-align: center; padding: 0.1em 0.7em; border-radius: 8px; background: #f0efe9; }
      .count b { display: block; font-size: 1.8em; line-height: 1.1; font-variant-numeric: tabular-nums; }
      .count span { font-size: 0.8em; }
      .count.absent b { color: var(--asg-absent); }
      .count.late b { color: var(--asg-late); }
      .count.early_leave b { color: var(--asg-early); }
      .count.not_arrived b { color: var(--asg-not-arrived-bg); }
      .count.excused b { color: var(--asg-excused); }
      .grid { flex: 1; display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); grid-auto-rows: minmax(0, 1fr); gap: 0.5em; padding: 0.5em; min-height: 0; }
      .stale { background: #c4320a; color: #fff; font-size: 1.4em; font-weight: 700; text-align: center; padding: 0.3em; }
      .closed { flex: 1; display: grid; place-items: center; font-size: 2.5em; color: var(--asg-ink-soft); }
      footer { display: flex; justify-content: space-between; padding: 0.2em 1em; font-size: 0.85em; color: var(--asg-ink-soft); }
    `,
  ]

  override connectedCallback(): void {
    super.connectedCallback()
    this.tick()
    void this.start()
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearTimeout(this.tickTimer)
  }

  /** Pairs with a code from the link if there is one, then checks the device and goes live. */
  private async start(): Promise<void> {
    const code = new URLSearchParams(location.search).get('pair')
    if (code) {
      history.replaceState(null, '', location.pathname)
      await this.pair(code)
      return
    }
    try {
      await api('GET', '/api/board/me')
      this.goLive()
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'DEVICE_REVOKED' || err.code === 'UNAUTHENTICATED')) this.phase = 'unpaired'
      // Server unreachable: stay on the starting screen and try again; never leave the page.
      else setTimeout(() => void this.start(), 3000 + Math.random() * 3000)
    }
  }

  private async pair(code: string): Promise<void> {
    try {
      await api('POST', '/api/board/pair', { code })
      this.pairError = ''
      this.goLive()
    } catch (err) {
      this.phase = 'unpaired'
      this.pairError = err instanceof ApiError ? err.message : String(err)
    }
  }

  private goLive(): void {
    this.day ??= new DayController(this, { client: 'board' })
    this.phase = 'running'
  }

  /** Re-renders on each wall-clock second, scheduled from the real time so it never drifts. */
  private tick(): void {
    this.now = Date.now()
    const day = this.day
    if (day) {
      if (this.now % 60_000 < 1000) day.checkDate(this.now)
      if (day.state === 'ended' && this.phase === 'running') this.phase = 'unpaired'
      const quiet = [...day.changedAt.values()].every((t) => this.now - t > QUIET_MS)
      if (day.buildChanged && day.state === 'live' && quiet) location.reload()
    }
    this.tickTimer = setTimeout(() => this.tick(), 1000 - (Date.now() % 1000) + 5)
  }

  override render() {
    if (this.phase === 'unpaired') return html`<asg-board-unpaired .error=${this.pairError} @asg-pair=${(e: CustomEvent<string>) => void this.pair(e.detail)}></asg-board-unpaired>`
    const day = this.day
    const snap = day?.snapshot
    if (!day || !snap) return html`<div class="closed">接続しています…</div>`
    const zone = snap.timeZone
    const clock = new Intl.DateTimeFormat('ja-JP', { hour: 'numeric', minute: '2-digit', timeZone: zone }).format(this.now)
    const counts = countByStatus(day.entries.values())
    const byClass = entriesByClass(day.entries.values())
    const stale = day.state !== 'live' && this.now - (day.lastSyncAt ?? this.startedAt) > STALE_AFTER_MS
    const lastUpdate = day.lastSyncAt ? new Intl.DateTimeFormat('ja-JP', { hour: 'numeric', minute: '2-digit', timeZone: zone }).format(day.lastSyncAt) : '—'
    return html`
      <header>
        <span class="date">${formatLongDateJa(snap.date, snap.showEraYear)}</span>
        <span class="clock">${clock}</span>
        <div class="counts">
          ${COUNTED.map((s) => html`<div class="count ${s}"><b>${counts[s]}</b><span>${DAY_STATUS_LABEL[s]}</span></div>`)}
        </div>
      </header>
      ${stale ? html`<div class="stale" role="alert">接続が切れています — 最終更新 ${lastUpdate}(自動で再接続します)</div>` : nothing}
      ${snap.isSchoolDay || day.entries.size > 0
        ? html`<div class="grid">
            ${snap.classes.map(
              (c) => html`<asg-board-class .info=${c} .entries=${byClass.get(c.id) ?? []} .changedAt=${day.changedAt} .now=${this.now}></asg-board-class>`,
            )}
          </div>`
        : html`<div class="closed">本日は授業日ではありません</div>`}
      <footer>
        <span>${snap.schoolName}</span>
        <asg-connection-status .state=${day.state} .lastSyncAt=${day.lastSyncAt} .timeZone=${zone}></asg-connection-status>
      </footer>
    `
  }
}

customElements.define('asg-board-app', AsgBoardApp)
declare global {
  interface HTMLElementTagNameMap {
    'asg-board-app': AsgBoardApp
  }
}
