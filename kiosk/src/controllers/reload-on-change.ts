import type { ReactiveController, ReactiveControllerHost } from 'lit'
import { DayController, type PageChange } from './day-controller.js'

export interface ReloadOnChangeOptions {
  /** Whether a change touches what the page shows; a fresh snapshot (a reconnect, a gap) always does. */
  relevant: (change: Exclude<PageChange, { kind: 'snapshot' }>) => boolean
  reload: () => void
  /** Changes arriving together (a school change and the snapshot it causes) give one reload. */
  delayMs?: number
}

/**
 * For pages that show more than today's board (the register, the calendar, admin): the page's
 * one socket (a DayController), and a reload of the page's data when a change touches it.
 * Start it once the person is logged in: the socket authenticates with the session cookie.
 */
export class ReloadOnChange implements ReactiveController {
  readonly day: DayController
  private timer: ReturnType<typeof setTimeout> | undefined
  private connectedOnce = false

  constructor(private readonly host: ReactiveControllerHost, private readonly opts: ReloadOnChangeOptions) {
    host.addController(this)
    // Lit connects a controller added to a connected page at once: the socket opens here.
    this.day = new DayController(host, { client: 'person', onChange: (c) => this.onChange(c) })
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer)
  }

  /** Closes the socket for good (the person logged out). */
  stop(): void {
    clearTimeout(this.timer)
    this.day.hostDisconnected()
    this.host.removeController(this.day)
    this.host.removeController(this)
  }

  private onChange(change: PageChange): void {
    // The first snapshot comes with the page's own first load.
    if (change.kind === 'snapshot' && !this.connectedOnce) {
      this.connectedOnce = true
      return
    }
    if (change.kind !== 'snapshot' && !this.opts.relevant(change)) return
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.opts.reload(), this.opts.delayMs ?? 300)
  }
}
