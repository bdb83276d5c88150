import { LitElement, css, html, nothing } from 'lit'
import type { GuardianEvent } from '../../../shared/protocol/index.js'
import { formatRange } from './dates.js'
import { LANGUAGE_EVENT, messages, type Locale } from './messages.js'
import { call } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { tokens } from '../lib/styles.js'


/**
 * The school events (行事予定) of this month and next, for a logged-in guardian, as a small
 * calendar list under the report form. Shows nothing until logged in or when there are none.
 */
export class AsgGuardianEvents extends LitElement {
  static override properties = { events: { state: true }, locale: { state: true } }
  declare events: GuardianEvent[]
  /** Follows the guardian page's language (it sits beside the page's app element, not inside). */
  declare locale: Locale

  constructor() {
    super()
    this.events = []
    this.locale = 'ja'
  }

  static override styles = [
    tokens,
    css`
      :host { display: block; max-width: 40rem; margin: 0 auto; padding: 0 16px 32px; }
      h2 { font-size: 1.05rem; margin: 0 0 0.4rem; }
      ul { list-style: none; margin: 0; padding: 0; background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); }
      li { display: flex; gap: 0.8rem; padding: 0.55rem 0.8rem; border-bottom: 1px solid var(--asg-line); }
      li:last-child { border-bottom: none; }
      .date { font-weight: 700; white-space: nowrap; font-variant-numeric: tabular-nums; }
      .school { color: var(--asg-ink-soft); font-size: 0.85rem; margin-left: auto; }
    `,
  ]

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
    // The guardian may log in after this element loads: look again when the page regains focus.
    window.addEventListener('focus', this.onFocus)
    window.addEventListener(LANGUAGE_EVENT, this.onLanguage)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('focus', this.onFocus)
    window.removeEventListener(LANGUAGE_EVENT, this.onLanguage)
  }

  private readonly onFocus = () => void this.load()
  private readonly onLanguage = (e: Event) => (this.locale = (e as CustomEvent<Locale>).detail)

  private async load() {
    try {
      const now = new Date()
      const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 7)
      const [a, b] = await Promise.all([
        call(routes.calendar.guardianEvents),
        call(routes.calendar.guardianEvents, { query: { month: next } }),
      ])
      const seen = new Set<number>()
      this.events = [...a.events, ...b.events].filter((e) => !seen.has(e.id) && seen.add(e.id))
    } catch {
      // Not logged in (yet), or offline: the events are a convenience, the form matters more.
      this.events = []
    }
  }

  override render() {
    if (this.events.length === 0) return nothing
    const multiSchool = new Set(this.events.map((e) => e.schoolName)).size > 1
    const m = messages(this.locale)
    return html`<section aria-labelledby="events-heading">
      <h2 id="events-heading">${m.eventsHeading}</h2>
      <ul>${this.events.map((e) => html`<li>
        <span class="date">${formatRange(e.fromDate, e.toDate, this.locale)}</span>
        <span lang="ja">${e.title}</span>${multiSchool ? html`<span class="school">${e.schoolName}</span>` : nothing}
      </li>`)}</ul>
    </section>`
  }
}

customElements.define('asg-guardian-events', AsgGuardianEvents)
declare global {
  interface HTMLElementTagNameMap {
    'asg-guardian-events': AsgGuardianEvents
  }
}
