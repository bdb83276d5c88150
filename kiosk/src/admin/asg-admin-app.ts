import { LitElement, css, html } from 'lit'
import { can } from '../../../shared/policy/policy.js'
import type { Me, SchoolPart } from '../../../shared/protocol/index.js'
import { ReloadOnChange } from '../controllers/reload-on-change.js'
import '../components/asg-staff-login.js'
import { currentUser, signOut } from '../lib/session.js'
import { buttons, tokens } from '../lib/styles.js'
import '../components/asg-language-switch.js'
import '../components/asg-staff-menu.js'
import './asg-admin-roster.js'
import { t } from './text.js'

const TABS = [
  ['roster', 'tabRoster'],
  ['registration', 'tabRegistration'],
  ['staff', 'tabStaff'],
  ['settings', 'tabSettings'],
  ['devices', 'tabDevices'],
  ['audit', 'tabAudit'],
  ['backups', 'tabBackups'],
  ['account', 'tabAccount'],
] as const
type Tab = (typeof TABS)[number][0]

/**
 * The other panels' code, loaded when the tab is first opened (an administrator uses one or two
 * a visit, and the letters' QR codes are heavy); the roster, the first tab, comes with the page.
 */
const PANELS: Record<Exclude<Tab, 'roster'> | 'city', () => Promise<unknown>> = {
  registration: () => import('./asg-admin-registration.js'),
  staff: () => import('./asg-admin-staff.js'),
  settings: () => import('./asg-admin-settings.js'),
  devices: () => import('./asg-admin-devices.js'),
  audit: () => import('./asg-admin-audit.js'),
  backups: () => import('./asg-admin-backups.js'),
  account: () => import('../components/asg-staff-account.js'),
  city: () => import('./asg-city-schools.js'),
}
/**
 * The panels whose lists reload when another administrator (or a family registering) changes
 * them; their forms and printed letters stay. Forms being filled in (settings, a roster
 * preview) are not replaced under the admin's hands.
 */
const LIVE_TABS: Partial<Record<Tab, { panel: 'asg-admin-staff' | 'asg-admin-registration' | 'asg-admin-devices'; parts: readonly SchoolPart[] }>> = {
  staff: { panel: 'asg-admin-staff', parts: ['staff'] },
  registration: { panel: 'asg-admin-registration', parts: ['guardians', 'roster'] },
  devices: { panel: 'asg-admin-devices', parts: ['devices'] },
}

/** The admin page: login, then one panel per tab. Each panel loads its own data. */
export class AsgAdminApp extends LitElement {
  static override properties = { me: { state: true }, checked: { state: true }, tab: { state: true } }
  declare me: Me | null
  declare checked: boolean
  declare tab: Tab
  private live: ReloadOnChange | null = null

  constructor() {
    super()
    this.me = null
    this.checked = false
    const hash = location.hash.slice(1)
    this.tab = (TABS.find(([t]) => t === hash)?.[0] ?? 'roster') as Tab
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; min-height: 100vh; background: var(--asg-bg); }
      header { display: flex; align-items: center; gap: 16px; padding: 10px 20px; background: var(--asg-accent); color: #fff; }
      header h1 { font-size: 1.1rem; margin: 0; flex: 1; }
      header button { min-height: 36px; padding: 0.3em 0.8em; }
      nav { display: flex; gap: 4px; padding: 10px 20px 0; flex-wrap: wrap; }
      nav button { border-radius: var(--asg-radius) var(--asg-radius) 0 0; border-bottom: none; min-height: 40px; }
      nav button[aria-selected='true'] { background: var(--asg-surface); font-weight: 700; border-color: var(--asg-accent); border-top-width: 3px; }
      main { padding: 16px 20px 40px; max-width: 1100px; }
      .denied { padding: 40px; }
    `,
  ]

  override async connectedCallback() {
    super.connectedCallback()
    document.title = t('pageTitle')
    this.me = await currentUser().catch(() => null)
    this.checked = true
  }

  override render() {
    if (!this.checked) return html``
    if (!this.me) return html`<asg-staff-login heading=${t('loginHeading')} @asg-logged-in=${(e: CustomEvent<Me>) => (this.me = e.detail)}></asg-staff-login>`
    if (this.me.kind === 'city' && can(this.me, 'city.schools.read')) {
      return html`
        <header><h1>${t('cityHeading', { organisation: this.me.organisationName })}</h1><asg-language-switch></asg-language-switch><span>${this.me.name}</span><button @click=${this.onSignOut}>${t('signOut')}</button></header>
        <main>${can(this.me, 'city.day.read') ? html`<p><a href="/city/">${t('cityDayLink')}</a></p>` : ''}<asg-city-schools></asg-city-schools></main>
      `
    }
    if (this.me.kind !== 'staff' || !can(this.me, 'school.admin')) {
      return html`<p class="denied">${t('denied')} <button @click=${this.onSignOut}>${t('signOut')}</button></p>`
    }
    return html`
      <header><h1>${t('heading', { school: this.me.schoolName })}</h1><asg-staff-menu .me=${this.me} @asg-logout=${this.onSignOut}></asg-staff-menu></header>
      <nav role="tablist">
        ${TABS.filter(([id]) => this.shows(id)).map(([id, label]) => html`<button role="tab" aria-selected=${this.tab === id} @click=${() => this.select(id)}>${t(label)}</button>`)}
      </nav>
      <main>${this.panel()}</main>
    `
  }

  override willUpdate(): void {
    const panel = this.me?.kind === 'city' ? 'city' : this.me && this.shows(this.tab) && this.tab !== 'roster' ? this.tab : null
    if (panel) void PANELS[panel]()
  }

  override updated(): void {
    if (this.me?.kind !== 'staff' || this.live) return
    this.live = new ReloadOnChange(this, {
      relevant: (c) => c.kind === 'school' && c.parts.some((p) => LIVE_TABS[this.tab]?.parts.includes(p)),
      reload: () => {
        const live = LIVE_TABS[this.tab]
        // A panel whose code is still loading has no load() yet: it reads its data when it arrives.
        if (live) void this.renderRoot.querySelector(live.panel)?.load?.()
      },
    })
  }

  /** Tabs the policy lets this person use (the audit log is for 校長・教頭 only). */
  private shows(tab: Tab): boolean {
    return tab !== 'audit' || (this.me?.kind === 'staff' && can(this.me, 'audit.read'))
  }

  private panel() {
    if (!this.shows(this.tab)) return html`<asg-admin-roster></asg-admin-roster>`
    switch (this.tab) {
      case 'roster': return html`<asg-admin-roster></asg-admin-roster>`
      case 'registration': return html`<asg-admin-registration></asg-admin-registration>`
      case 'staff': return html`<asg-admin-staff></asg-admin-staff>`
      case 'settings': return html`<asg-admin-settings></asg-admin-settings>`
      case 'devices': return html`<asg-admin-devices></asg-admin-devices>`
      case 'audit': return html`<asg-admin-audit></asg-admin-audit>`
      case 'backups': return html`<asg-admin-backups></asg-admin-backups>`
      case 'account': return html`<asg-staff-account></asg-staff-account>`
    }
  }

  private select(tab: Tab) {
    this.tab = tab
    history.replaceState(null, '', `#${tab}`)
  }

  private onSignOut() {
    return signOut(this.live, () => {
      this.live = null
      this.me = null
    })
  }
}

customElements.define('asg-admin-app', AsgAdminApp)
declare global {
  interface HTMLElementTagNameMap {
    'asg-admin-app': AsgAdminApp
  }
}
