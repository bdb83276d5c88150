import { LitElement, css, html } from 'lit'
import type { ConnectionState } from '../controllers/day-controller.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import { speaksEnglish } from '../lib/staffLanguage.js'
import { t } from './text.js'

/**
 * A small, always-visible indicator of how fresh the data is: 接続中 (live), or the time of
 * the last update when the connection is down.
 */
export class AsgConnectionStatus extends LitElement {
  static override properties = {
    state: { type: String },
    lastSyncAt: { type: Number },
    timeZone: { type: String },
    restarting: { type: Boolean },
  }
  declare state: ConnectionState
  declare lastSyncAt: number | null
  declare timeZone: string
  /** The server announced a restart: reconnecting is expected, not a fault. */
  declare restarting: boolean

  constructor() {
    super()
    this.state = 'connecting'
    this.lastSyncAt = null
    this.timeZone = SCHOOL_ZONE
    this.restarting = false
  }

  static override styles = css`
    :host { display: inline-flex; align-items: center; gap: 0.4em; font-size: 0.9em; }
    .dot { width: 0.7em; height: 0.7em; border-radius: 50%; background: #999; }
    .live .dot { background: #1a7f37; }
    .offline .dot, .ended .dot { background: #c4320a; }
    .restarting .dot { background: #b08800; }
  `

  override render() {
    const last = this.lastSyncAt
      ? new Intl.DateTimeFormat(speaksEnglish() ? 'en' : 'ja-JP', { hour: 'numeric', minute: '2-digit', timeZone: this.timeZone }).format(this.lastSyncAt)
      : null
    const text =
      this.state === 'live' ? t('connectionLive') : this.state === 'connecting' ? t('connectionConnecting') : this.state === 'ended' ? t('connectionEnded') : t('connectionReconnecting')
    const shown = this.state === 'offline' && this.restarting ? 'restarting' : this.state
    return html`<span class=${shown} role="status" aria-live="polite"
      ><span class="dot"></span>${text}${last ? t('connectionLastSync', { time: last }) : null}</span
    >`
  }
}

customElements.define('asg-connection-status', AsgConnectionStatus)
declare global {
  interface HTMLElementTagNameMap {
    'asg-connection-status': AsgConnectionStatus
  }
}
