import { LitElement, css, html, nothing } from 'lit'
import type { Me } from '../../../shared/protocol/index.js'
import { buttons, tokens } from '../lib/styles.js'
import { currentUser, signOut } from '../lib/session.js'
import '../components/asg-staff-login.js'
import '../components/asg-staff-menu.js'
import { t } from '../components/text.js'

type Staff = Extract<Me, { kind: 'staff' }>

/**
 * The frame of the staff office pages (出席簿, 生徒指導, 行事予定): logs in, shows the header
 * with the staff menu, and renders its slot only for staff.
 * @fires asg-staff-ready - detail: the logged-in staff member, once known
 */
export class AsgStaffGate extends LitElement {
  static override properties = {
    heading: { type: String },
    me: { state: true },
    state: { state: true },
  }
  declare heading: string
  declare me: Staff | null
  declare state: 'loading' | 'login' | 'guardian' | 'ready' | 'error'

  constructor() {
    super()
    this.heading = ''
    this.me = null
    this.state = 'loading'
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; min-height: 100vh; background: var(--asg-bg); }
      header { background: var(--asg-accent); color: #fff; }
      .in { max-width: 1400px; margin: 0 auto; padding: 0.5rem 12px; display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 1.2rem; }
      h1 { font-size: 1.1rem; margin: 0; }
      .user { margin-left: auto; display: flex; align-items: center; gap: 0.8rem; font-size: 0.9rem; }
      main { max-width: 1400px; margin: 0 auto; padding: 12px; }
      .message { text-align: center; padding: 3rem 1rem; }
      @media print { header { display: none; } main { padding: 0; max-width: none; } :host { background: #fff; } }
    `,
  ]

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  private async load() {
    try {
      const me = await currentUser()
      if (!me) this.state = 'login'
      else if (me.kind !== 'staff') this.state = 'guardian'
      else {
        this.me = me
        this.state = 'ready'
        this.dispatchEvent(new CustomEvent<Staff>('asg-staff-ready', { detail: me, bubbles: true, composed: true }))
      }
    } catch {
      this.state = 'error'
    }
  }

  override render() {
    if (this.state === 'loading') return html`<p class="message">${t('gateLoading')}</p>`
    if (this.state === 'error') return html`<p class="message" role="alert">${t('gateLoadFailed')}<button @click=${() => this.load()}>${t('gateRetry')}</button></p>`
    if (this.state === 'login') return html`<asg-staff-login heading=${t('gateLoginHeading', { page: this.heading })} @asg-logged-in=${() => this.load()}></asg-staff-login>`
    if (this.state === 'guardian') return html`<p class="message">${t('gateStaffOnly')}<a href="/guardian/">${t('gateGuardianLink')}</a></p>`
    return html`<header><div class="in">
        <h1>${this.heading}</h1>
        <span class="user"><asg-staff-menu .me=${this.me} @asg-logout=${this.onLogout}></asg-staff-menu></span>
      </div></header>
      <main><slot></slot></main>`
  }

  /**
   * The page inside the gate owns its socket and holds what the person saw: a fresh load is the
   * one way to leave nothing of them behind on a shared staff-room PC, and gives whoever signs
   * in next a socket of their own.
   */
  private onLogout() {
    return signOut(null, () => location.reload())
  }
}

customElements.define('asg-staff-gate', AsgStaffGate)
declare global {
  interface HTMLElementTagNameMap {
    'asg-staff-gate': AsgStaffGate
  }
}
