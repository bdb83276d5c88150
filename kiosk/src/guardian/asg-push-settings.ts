import { LitElement, css, html, nothing } from 'lit'
import type { PushDevice } from '../../../shared/protocol/routes.js'
import { routes } from '../../../shared/protocol/routes.js'
import { deviceLabel } from '../components/asg-account.js'
import { panel } from '../admin/styles.js'
import { call } from '../lib/api.js'
import { buttons, tokens } from '../lib/styles.js'

export interface PushTexts {
  heading: string
  toggle: string
  note: string
  on: string
  unsupported: string
  denied: string
  failed: string
  devicesHeading: string
  thisDevice: string
  unknownDevice: string
  since: (created: string) => string
  remove: string
  when: (iso: string) => string
}

/** The worker that shows pushes; the guardian page is its scope, so a tap opens it controlled. */
const WORKER = { url: '/guardian/sw.js', scope: '/guardian/' } as const

export type PushState = 'checking' | 'unsupported' | 'denied' | 'off' | 'on'

/**
 * 「この端末に通知を受け取る」: subscribes this browser to the school's pushes (Web Push), shows
 * why it cannot when the browser lacks push or the guardian blocked notifications, and lists
 * the account's devices so one left behind can be stopped.
 */
export class AsgPushSettings extends LitElement {
  static override properties = { texts: { attribute: false }, state: { state: true }, busy: { state: true }, error: { state: true }, devices: { state: true } }
  declare texts: PushTexts
  declare state: PushState
  declare busy: boolean
  declare error: string
  declare devices: PushDevice[]
  /** The server's id of this browser's subscription, once known. */
  private thisDeviceId: number | null = null

  constructor() {
    super()
    this.state = 'checking'
    this.busy = false
    this.error = ''
    this.devices = []
  }

  static override styles = [tokens, buttons, panel, css`
    .switch { display: flex; align-items: center; gap: 12px; min-height: 44px; font-weight: 600; cursor: pointer; }
    .switch input { width: 28px; height: 28px; margin: 0; accent-color: var(--asg-ok); }
    ul { list-style: none; padding: 0; margin: 0; }
    li { border-bottom: 1px solid var(--asg-line); padding: 8px 0; }
    .now { color: var(--asg-ok); font-weight: 600; }
  `]

  override connectedCallback() {
    super.connectedCallback()
    void this.refresh()
  }

  /** Reads this browser's state; a subscription the browser still holds is sent again, so the server keeps it (and for this guardian). */
  async refresh(): Promise<void> {
    if (!pushSupported()) {
      this.state = 'unsupported'
    } else if (Notification.permission === 'denied') {
      this.state = 'denied'
    } else {
      const sub = await (await navigator.serviceWorker.getRegistration(WORKER.scope))?.pushManager.getSubscription()
      if (sub && Notification.permission === 'granted') {
        this.thisDeviceId = await this.save(sub).catch(() => null)
        this.state = this.thisDeviceId === null ? 'off' : 'on'
      } else {
        this.state = 'off'
      }
    }
    await this.loadDevices()
  }

  override render() {
    const t = this.texts
    const why = this.state === 'unsupported' ? t.unsupported : this.state === 'denied' ? t.denied : this.state === 'on' ? t.on : ''
    return html`
      <section>
        <h2>${t.heading}</h2>
        <label class="switch">
          <input type="checkbox" role="switch" .checked=${this.state === 'on'} ?disabled=${this.busy || this.state === 'checking' || this.state === 'unsupported' || this.state === 'denied'}
            aria-describedby="push-state" @change=${this.toggle} />
          ${t.toggle}
        </label>
        <p id="push-state" class=${this.state === 'on' ? 'ok' : 'muted'} role="status" data-state=${this.state}>${why}</p>
        <p class="muted">${t.note}</p>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.devices.length > 0 ? html`
          <h3>${t.devicesHeading}</h3>
          <ul class="devices">
            ${this.devices.map((d) => html`<li>
              <div><b>${deviceLabel(d.userAgent) || t.unknownDevice}</b>${d.id === this.thisDeviceId ? html` <span class="now">${t.thisDevice}</span>` : nothing}</div>
              <div class="muted">${t.since(t.when(d.createdAt))}</div>
              <button @click=${() => this.removeDevice(d.id)} ?disabled=${this.busy}>${t.remove}</button>
            </li>`)}
          </ul>` : nothing}
      </section>
    `
  }

  private async toggle(e: Event) {
    const on = (e.target as HTMLInputElement).checked
    await this.run(() => (on ? this.subscribe() : this.unsubscribe()))
  }

  private async subscribe(): Promise<void> {
    const permission = await Notification.requestPermission()
    if (permission !== 'granted') {
      this.state = permission === 'denied' ? 'denied' : 'off'
      return
    }
    const registration = await activeRegistration()
    const { publicKey } = await call(routes.push.key)
    let sub = await registration.pushManager.getSubscription()
    // A subscription made for another server key cannot be reused.
    if (sub && !sameKey(sub.options.applicationServerKey, publicKey)) await sub.unsubscribe().then(() => (sub = null))
    sub ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64Url(publicKey) })
    this.thisDeviceId = await this.save(sub)
    this.state = 'on'
  }

  private async unsubscribe(): Promise<void> {
    const sub = await (await navigator.serviceWorker.getRegistration(WORKER.scope))?.pushManager.getSubscription()
    if (sub) {
      await call(routes.push.unsubscribe, { body: { endpoint: sub.endpoint } })
      await sub.unsubscribe()
    }
    this.thisDeviceId = null
    this.state = 'off'
  }

  private async removeDevice(id: number) {
    await this.run(async () => {
      if (id === this.thisDeviceId) return this.unsubscribe()
      await call(routes.push.removeDevice, { params: { id } })
    })
  }

  private async save(sub: PushSubscription): Promise<number> {
    const json = sub.toJSON()
    return (await call(routes.push.subscribe, { body: { endpoint: sub.endpoint, expirationTime: json.expirationTime ?? null, keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' } } })).id
  }

  private async loadDevices() {
    this.devices = (await call(routes.push.devices).catch(() => ({ devices: [] }))).devices
  }

  private async run(fn: () => Promise<void>) {
    this.busy = true
    this.error = ''
    try {
      await fn()
    } catch {
      this.error = this.texts.failed
      await this.refresh().catch(() => undefined)
    } finally {
      this.busy = false
      await this.loadDevices()
    }
  }
}

/** Web Push needs a service worker, the Push API, notifications and a secure page (HTTPS or localhost). */
function pushSupported(): boolean {
  return window.isSecureContext && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window
}

/** Registers the worker (again: the browser updates it in place) and waits until it is active, which subscribing needs. */
async function activeRegistration(): Promise<ServiceWorkerRegistration> {
  const registration = await navigator.serviceWorker.register(WORKER.url, { scope: WORKER.scope })
  const worker = registration.installing ?? registration.waiting
  if (!registration.active && worker) {
    await new Promise<void>((resolve) => {
      const check = () => worker.state === 'activated' && resolve()
      worker.addEventListener('statechange', check)
      check()
    })
  }
  return registration
}

function fromBase64Url(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(bin, (c) => c.charCodeAt(0))
}

function sameKey(key: ArrayBuffer | null, publicKey: string): boolean {
  if (!key) return false
  const a = new Uint8Array(key)
  const b = fromBase64Url(publicKey)
  return a.length === b.length && a.every((x, i) => x === b[i])
}

customElements.define('asg-push-settings', AsgPushSettings)
declare global {
  interface HTMLElementTagNameMap {
    'asg-push-settings': AsgPushSettings
  }
}
