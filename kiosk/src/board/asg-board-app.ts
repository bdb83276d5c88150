import { LitElement, css, html, nothing } from 'lit'
import { pageAt, type BoardFit } from '../../../shared/domain/boardFit.js'
import { burnInShift, classesMissingRoll, isDimmed, isUnexplained } from '../../../shared/domain/boardView.js'
import type { DayEntry, DaySnapshot } from '../../../shared/protocol/index.js'
import { DayController } from '../controllers/day-controller.js'
import { ApiError, call, errorText } from '../lib/api.js'
import { longDayText } from '../lib/staffLanguage.js'
import { routes } from '../../../shared/protocol/routes.js'
import { tokens } from '../lib/styles.js'
import '../components/asg-connection-status.js'
import './asg-board-class.js'
import './asg-board-measure.js'
import './asg-board-unpaired.js'
import './asg-board-safety.js'
import { BoardFitController } from './board-fit-controller.js'
import { COUNTED, countByStatus, entriesByClass } from './board-counts.js'
import { keepScreenAwake, reloadForNewBuild } from './board-unattended.js'
import { dayStatusText } from '../components/day-words.js'
import { clockLocale, t } from './text.js'

type Phase = 'starting' | 'unpaired' | 'running'

/** Data older than this without a live connection shows the stale banner (a blip does not). */
const STALE_AFTER_MS = 5000
/** A new build reloads the page only after this long without a change on screen. */
const QUIET_MS = 20_000
/** When the classes need more than one page, each page shows this long. */
export const PAGE_MS = 12_000

/** The staff-room board: the whole school's day, live, unattended. */
export class AsgBoardApp extends LitElement {
  static override properties = {
    phase: { state: true },
    pairError: { state: true },
    now: { state: true },
    dimmed: { type: Boolean, reflect: true },
  }
  declare phase: Phase
  declare pairError: string
  declare now: number
  declare dimmed: boolean

  private day: DayController | null = null
  private readonly fitter = new BoardFitController(this)
  private tickTimer: ReturnType<typeof setTimeout> | undefined
  private readonly startedAt = Date.now()
  private readonly stopWakeLock = keepScreenAwake()

  constructor() {
    super()
    this.phase = 'starting'
    this.pairError = ''
    this.now = Date.now()
    this.dimmed = false
  }

  static override styles = [
    tokens,
    css`
      :host { display: block; height: 100vh; overflow: hidden; background: #000; font-size: 2.2vh; }
      .frame { display: flex; flex-direction: column; height: 100%; background: var(--asg-bg); transition: opacity 2s; }
      :host([dimmed]) .frame { opacity: 0.35; }
      header { display: flex; align-items: center; gap: 1em; padding: 0.3em 0.8em; background: var(--asg-surface); border-bottom: 2px solid var(--asg-line); }
      .date { font-size: 1.5em; font-weight: 700; white-space: nowrap; }
      .clock { font-size: 2.1em; font-weight: 700; font-variant-numeric: tabular-nums; }
      .page { font-size: 1.3em; font-weight: 700; color: #fff; background: var(--asg-accent); border-radius: 0.4em; padding: 0.05em 0.5em; white-space: nowrap; }
      .counts { display: flex; gap: 0.4em; margin-left: auto; }
      .count { text-align: center; padding: 0.1em 0.6em; border-radius: 0.4em; background: #f0efe9; min-width: 3.2em; }
      .count b { display: block; font-size: 1.9em; line-height: 1.1; font-variant-numeric: tabular-nums; }
      .count span { font-size: 0.85em; white-space: nowrap; }
      .count.absent b { color: var(--asg-absent); }
      .count.late b { color: var(--asg-late); }
      .count.early_leave b { color: var(--asg-early); }
      .count.not_arrived b { color: var(--asg-not-arrived-bg); }
      .count.excused b { color: var(--asg-excused); }
      .count.alert { background: var(--asg-not-arrived-bg); }
      .count.alert b, .count.alert span { color: #fff; }
      .grid { flex: 1; min-height: 0; display: grid; gap: 0.4em; padding: 0.4em; overflow: hidden; }
      .measure { position: fixed; top: 0; left: 0; visibility: hidden; pointer-events: none; }
      .col { display: flex; flex-direction: column; gap: 0.4em; min-width: 0; min-height: 0; overflow: hidden; }
      .stale { background: #c4320a; color: #fff; font-size: 1.4em; font-weight: 700; text-align: center; padding: 0.3em; }
      .closed { flex: 1; display: grid; place-items: center; font-size: 2.5em; color: var(--asg-ink-soft); }
      footer { display: flex; justify-content: space-between; padding: 0.15em 1em; font-size: 0.8em; color: var(--asg-ink-soft); }
    `,
  ]

  override connectedCallback(): void {
    super.connectedCallback()
    document.title = t('title')
    this.tick()
    void this.start()
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearTimeout(this.tickTimer)
    this.stopWakeLock()
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
      await call(routes.board.me)
      this.goLive()
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'DEVICE_REVOKED' || err.code === 'UNAUTHENTICATED')) this.phase = 'unpaired'
      // Server unreachable: stay on the starting screen and try again; never leave the page.
      else setTimeout(() => void this.start(), 3000 + Math.random() * 3000)
    }
  }

  private async pair(code: string): Promise<void> {
    try {
      await call(routes.board.pair, { body: { code } })
      this.pairError = ''
      this.goLive()
    } catch (err) {
      this.phase = 'unpaired'
      this.pairError = errorText(err)
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
    const snap = day?.snapshot
    if (day && snap) {
      day.checkDate(this.now)
      // An emergency at night must be as readable as one in the morning.
      this.dimmed = !snap.safety && isDimmed(this.now, snap.timeZone, snap.dimBefore, snap.dimAfter)
      if (day.state === 'ended' && this.phase === 'running') this.phase = 'unpaired'
      const quiet = [...day.changedAt.values()].every((t) => this.now - t > QUIET_MS)
      if (day.buildChanged && day.state === 'live' && quiet) reloadForNewBuild(snap.buildId)
    } else if (day?.state === 'ended' && this.phase === 'running') this.phase = 'unpaired'
    this.tickTimer = setTimeout(() => this.tick(), 1000 - (Date.now() % 1000) + 5)
  }

  override updated(): void {
    this.fitter.observe(this.renderRoot.querySelector('.grid'))
    const day = this.day
    if (day?.snapshot && !day.snapshot.safety) void this.fitter.measureIn(this.renderRoot.querySelector<HTMLElement>('.measure'), `${day.snapshotsTaken}:${day.eventsApplied}`)
  }

  override render() {
    if (this.phase === 'unpaired') return html`<asg-board-unpaired .error=${this.pairError} @asg-pair=${(e: CustomEvent<string>) => void this.pair(e.detail)}></asg-board-unpaired>`
    const day = this.day
    const snap = day?.snapshot
    if (!day || !snap) return html`<div class="closed">${t('connecting')}</div>`
    const zone = snap.timeZone
    const hm = new Intl.DateTimeFormat(clockLocale, { hour: 'numeric', minute: '2-digit', timeZone: zone })
    const stale = day.state !== 'live' && this.now - (day.lastSyncAt ?? this.startedAt) > STALE_AFTER_MS
    const shift = burnInShift(this.now)
    if (snap.safety) {
      return html`<div class="frame safety" style="transform: translate(${shift.x}px, ${shift.y}px)">
        <header>
          <span class="date">${longDayText(snap.date, snap.showEraYear)}</span>
          <span class="clock">${hm.format(this.now)}</span>
        </header>
        ${stale ? this.renderStale(hm) : nothing}
        <asg-board-safety .safety=${snap.safety} timeZone=${zone}></asg-board-safety>
        ${this.renderFooter(snap)}
      </div>`
    }
    const entries = [...day.entries.values()]
    const byClass = entriesByClass(entries)
    const fit = this.fitter.fit(snap.classes.map((c) => ({ classId: c.id, entries: byClass.get(c.id)?.length ?? 0 })), window.innerHeight)
    const page = fit ? pageAt(this.now, fit.pages.length, PAGE_MS) : 0
    return html`<div class="frame" style="transform: translate(${shift.x}px, ${shift.y}px)">
      <header>
        <span class="date">${longDayText(snap.date, snap.showEraYear)}</span>
        <span class="clock">${hm.format(this.now)}</span>
        ${fit && fit.pages.length > 1 ? html`<span class="page" aria-label=${t('pageLabel')}>${page + 1}/${fit.pages.length}</span>` : nothing}
        ${this.renderCounts(entries, snap)}
      </header>
      ${stale ? this.renderStale(hm) : nothing}
      ${snap.isSchoolDay || entries.length > 0 ? this.renderGrid(snap, byClass, fit, page) : html`<div class="closed">${t('notSchoolDay')}</div>`}
      ${this.renderFooter(snap)}
    </div>`
  }

  private renderStale(hm: Intl.DateTimeFormat) {
    const at = this.day?.lastSyncAt
    return html`<div class="stale" role="alert">${t('stale', { time: at ? hm.format(at) : '—' })}</div>`
  }

  private renderFooter(snap: DaySnapshot) {
    const day = this.day!
    return html`<footer>
      <span>${snap.schoolName}</span>
      <asg-connection-status .state=${day.state} .restarting=${day.restarting} .lastSyncAt=${day.lastSyncAt} .timeZone=${snap.timeZone}></asg-connection-status>
    </footer>`
  }

  private renderCounts(entries: DayEntry[], snap: DaySnapshot) {
    const counts = countByStatus(entries)
    const unexplained = entries.filter(isUnexplained).length
    const missing = classesMissingRoll(snap, this.now).size
    return html`<div class="counts">
      ${COUNTED.map((s) => html`<div class="count ${s} ${s === 'not_arrived' && unexplained > 0 ? 'alert' : ''}"><b>${counts[s]}</b><span>${dayStatusText(s)}</span></div>`)}
      ${missing > 0 ? html`<div class="count alert roll"><b>${missing}</b><span>${t('classesMissingRoll')}</span></div>` : nothing}
    </div>`
  }

  private renderGrid(snap: DaySnapshot, byClass: Map<number, DayEntry[]>, fit: BoardFit | null, page: number) {
    const day = this.day!
    const classes = new Map(snap.classes.map((c) => [c.id, c]))
    const missing = classesMissingRoll(snap, this.now)
    const columns = fit?.pages[page] ?? []
    const style = fit ? `font-size: ${fit.fontPx}px; grid-template-columns: repeat(${fit.columns}, minmax(0, 1fr))` : ''
    return html`<div class="grid" style=${style}>
      ${columns.map(
        (col) => html`<div class="col">
          ${col.map(
            // By position, not keyed: blocks move between columns as counts change, and a keyed
            // repeat there left a marker pair behind per move (the memory soak showed it).
            (b) => html`<asg-board-class
              .info=${classes.get(b.classId)!}
              .entries=${(byClass.get(b.classId) ?? []).slice(b.from, b.to)}
              .changedAt=${day.changedAt}
              .thresholds=${snap}
              .now=${this.now}
              .continued=${b.continued}
              .missingRoll=${missing.has(b.classId)}
              .showMessages=${snap.boardShowsMessages}
            ></asg-board-class>`,
          )}
        </div>`,
      )}
    </div>
    <div class="measure" aria-hidden="true">
      ${snap.classes.map(
        (c) => html`<asg-board-measure data-class=${c.id} .info=${c} .entries=${byClass.get(c.id) ?? []} .thresholds=${snap} .showMessages=${snap.boardShowsMessages}></asg-board-measure>`,
      )}
    </div>`
  }
}

customElements.define('asg-board-app', AsgBoardApp)
declare global {
  interface HTMLElementTagNameMap {
    'asg-board-app': AsgBoardApp
  }
}
