import { LitElement, html, nothing } from 'lit'
import type { BoardDevice, CreateBoardDeviceResponse } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import { call, errorText } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { instantText } from '../lib/staffLanguage.js'
import { panel } from './styles.js'
import { t } from './text.js'

/**
 * Board displays (職員室, 保健室, 校長室…): each is its own device, added with a one-time
 * pairing link; the list says which are paired and since when, and unpairs one at a time.
 */
export class AsgAdminDevices extends LitElement {
  static override properties = { devices: { state: true }, created: { state: true }, error: { state: true } }
  declare devices: BoardDevice[]
  declare created: CreateBoardDeviceResponse | null
  declare error: string

  constructor() {
    super()
    this.devices = []
    this.created = null
    this.error = ''
  }

  static override styles = [tokens, buttons, panel]

  override connectedCallback() {
    super.connectedCallback()
    void this.load()
  }

  /** Reloads the list (also when another administrator or a display changes it). */
  async load() {
    this.devices = (await call(routes.admin.boardDevices).catch((e) => ((this.error = errorText(e)), { devices: [] }))).devices
  }

  override render() {
    const at = (iso: string | null) => (iso ? instantText(iso) : '—')
    const state = (d: BoardDevice) => (d.revokedAt ? t('deviceRevoked') : d.pairedAt ? t('devicePaired', { since: at(d.pairedAt) }) : t('deviceWaiting'))
    const paired = this.devices.filter((d) => d.pairedAt && !d.revokedAt).length
    return html`
      <section>
        <h2>${t('devicesHeading')}</h2>
        <p>${t('devicesIntro', { n: paired })}</p>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <table><thead><tr><th>${t('colDeviceName')}</th><th>${t('colState')}</th><th>${t('colLastSeen')}</th><th></th></tr></thead><tbody>
          ${this.devices.map((d) => html`<tr><td>${d.name}</td><td>${state(d)}</td><td>${d.revokedAt ? '—' : at(d.lastSeenAt)}</td>
            <td>${d.revokedAt ? nothing : html`<button @click=${() => this.revoke(d)}>${t('removeDevice')}</button>`}</td></tr>`)}
        </tbody></table>
        <form class="row" @submit=${this.create}>
          <label>${t('newDeviceName')} <input name="name" required placeholder=${t('newDeviceExample')} /></label>
          <button class="primary" type="submit">${t('add')}</button>
        </form>
        ${this.created ? html`<p role="status">${t('pairingLink')}<br />
          <a class="code" href=${this.created.pairingPath}>${location.origin}${this.created.pairingPath}</a><br />${t('pairingCode')}<span class="code">${this.created.pairingCode}</span></p>` : nothing}
      </section>
    `
  }

  private async create(e: SubmitEvent) {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    try {
      this.created = await call(routes.admin.createBoardDevice, { body: { name: String(new FormData(form).get('name') ?? '') } })
      form.reset()
      await this.load()
    } catch (err) {
      this.error = errorText(err)
    }
  }

  private async revoke(d: BoardDevice) {
    if (!confirm(t('removeDeviceConfirm', { name: d.name }))) return
    await call(routes.admin.revokeBoardDevice, { params: { id: d.id } }).catch((e) => (this.error = errorText(e)))
    await this.load()
  }
}

customElements.define('asg-admin-devices', AsgAdminDevices)
declare global {
  interface HTMLElementTagNameMap {
    'asg-admin-devices': AsgAdminDevices
  }
}
