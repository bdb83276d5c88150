import { LitElement, css, html, nothing } from 'lit'
import { isCurrentPage, staffPagesFor, type Staff } from './staff-pages.js'
import './asg-language-switch.js'
import { t } from './text.js'

/**
 * The header menu of every staff page: the pages this person may open (from the policy), their
 * name, the language switch (日本語 ⇄ English, remembered on the account) and ログアウト. A
 * disclosure button on every screen size, so one element serves the phone and the PC alike;
 * Escape or a click outside closes it.
 * @fires asg-logout - the person chose ログアウト; the page ends the session
 */
export class AsgStaffMenu extends LitElement {
  static override properties = {
    me: { attribute: false },
    open: { state: true },
  }
  declare me: Staff | null
  declare open: boolean

  constructor() {
    super()
    this.me = null
    this.open = false
  }

  static override styles = css`
    :host { position: relative; display: inline-block; flex: none; }
    button.toggle { font: inherit; font-size: 0.95rem; color: inherit; background: transparent; border: 1px solid rgb(255 255 255 / 0.6);
      border-color: color-mix(in srgb, currentColor 60%, transparent); border-radius: 8px; min-height: 40px; min-width: 44px; padding: 0.2em 0.8em;
      cursor: pointer; white-space: nowrap; }
    button.toggle:focus-visible, a:focus-visible, .panel button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
    .panel { position: absolute; right: 0; top: calc(100% + 6px); z-index: 20; min-width: 15rem; max-width: calc(100vw - 24px);
      background: #fff; color: #1f2328; border: 1px solid #c9ced6; border-radius: 10px; box-shadow: 0 8px 24px rgb(0 0 0 / 0.18); padding: 6px; }
    ul { list-style: none; margin: 0; padding: 0; }
    a { display: flex; align-items: center; min-height: 44px; padding: 0 0.8em; border-radius: 6px; color: inherit; text-decoration: none; white-space: nowrap; }
    a:hover { background: #eef1f6; }
    a[aria-current='page'] { font-weight: 700; background: #e6edf8; box-shadow: inset 4px 0 0 #2f5fb3; }
    .who { display: flex; align-items: center; justify-content: space-between; gap: 0.6em; border-top: 1px solid #e1e4e8; margin-top: 6px; padding: 8px 0.8em 2px; }
    .name { font-weight: 700; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 0; }
    .language { display: flex; justify-content: flex-end; padding: 6px 0.8em 2px; }
    asg-language-switch { color: #1f2328; }
    .panel button { font: inherit; min-height: 44px; padding: 0 1em; border: 1px solid #c9ced6; border-radius: 8px; background: #f6f8fa; color: inherit;
      cursor: pointer; white-space: nowrap; flex: none; }
  `

  override connectedCallback(): void {
    super.connectedCallback()
    document.addEventListener('click', this.onOutside)
    this.addEventListener('keydown', this.onKey)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    document.removeEventListener('click', this.onOutside)
    this.removeEventListener('keydown', this.onKey)
  }

  override render() {
    const me = this.me
    if (!me) return nothing
    const pages = staffPagesFor(me)
    return html`
      <button class="toggle" type="button" aria-expanded=${this.open} aria-controls="menu" @click=${this.toggle}>${t('menu')}</button>
      ${this.open
        ? html`<div class="panel" id="menu">
            <nav aria-label=${t('menuLabel')}>
              <ul>
                ${pages.map((p) => html`<li><a href=${p.href} aria-current=${isCurrentPage(p, location.pathname, location.hash) ? 'page' : 'false'}
                  @click=${this.close}>${t(p.label)}</a></li>`)}
              </ul>
            </nav>
            <div class="language"><asg-language-switch></asg-language-switch></div>
            <div class="who"><span class="name">${me.name}</span><button type="button" @click=${this.logout}>${t('logout')}</button></div>
          </div>`
        : nothing}
    `
  }

  private toggle = (e: Event) => {
    e.stopPropagation()
    this.open = !this.open
    if (this.open) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('a[aria-current="page"], a')?.focus())
  }

  private close = () => {
    this.open = false
  }

  private onOutside = (e: Event) => {
    if (this.open && !e.composedPath().includes(this)) this.open = false
  }

  private onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !this.open) return
    this.open = false
    this.renderRoot.querySelector<HTMLElement>('button.toggle')?.focus()
  }

  private logout = () => {
    this.open = false
    this.dispatchEvent(new CustomEvent('asg-logout', { bubbles: true, composed: true }))
  }
}

customElements.define('asg-staff-menu', AsgStaffMenu)
declare global {
  interface HTMLElementTagNameMap {
    'asg-staff-menu': AsgStaffMenu
  }
}
