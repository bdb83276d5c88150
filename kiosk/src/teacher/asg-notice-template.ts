import { LitElement, css, html, nothing } from 'lit'
import type { CapturedMail } from '../../../shared/protocol/index.js'
import { ApiError, call } from '../lib/api.js'
import { routes } from '../../../shared/protocol/routes.js'
import { buttons, tokens } from '../lib/styles.js'
import { instantText } from '../lib/staffLanguage.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import { t } from './text.js'

/** The template's placeholders: words of the message itself, written in Japanese whatever the page's language. */
const PLACEHOLDERS = '{学校名} {児童名} {保護者名} {日付} {リンク}'

/**
 * The office edits the school's notice template; administrators also read the mail
 * the embedded demo kept instead of sending. Both folded away until opened.
 */
export class AsgNoticeTemplate extends LitElement {
  static override properties = {
    timeZone: { type: String },
    subject: { state: true },
    body: { state: true },
    message: { state: true },
    mail: { state: true },
  }
  declare timeZone: string
  declare subject: string
  declare body: string
  declare message: string
  /** null: not an administrator, or not loaded. */
  declare mail: CapturedMail[] | null

  constructor() {
    super()
    this.timeZone = SCHOOL_ZONE
    this.subject = ''
    this.body = ''
    this.message = ''
    this.mail = null
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: block; margin: 0 0 1.2rem; }
      details { background: var(--asg-surface); border: 1px solid var(--asg-line); border-radius: var(--asg-radius); padding: 0.5rem 0.9rem; margin: 0 0 8px; }
      summary { font-weight: 700; cursor: pointer; min-height: 36px; display: flex; align-items: center; }
      label { display: grid; gap: 4px; margin: 0.5rem 0; font-weight: 600; }
      input, textarea { font: inherit; border: 1px solid var(--asg-line); border-radius: 8px; padding: 0.4rem 0.6rem; box-sizing: border-box; width: 100%; }
      textarea { min-height: 10rem; }
      .hint, .muted { color: var(--asg-ink-soft); font-size: 0.85rem; }
      .msg { font-weight: 700; }
      article { border-top: 1px solid var(--asg-line); padding: 0.5rem 0; }
      pre { white-space: pre-wrap; font: inherit; margin: 0.3rem 0 0; }
    `,
  ]

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  override render() {
    return html`<details>
        <summary>${t('templateHeading')}</summary>
        <p class="hint">${t('templatePlaceholders')} <span lang="ja">${PLACEHOLDERS}</span> ${t('templatePlaceholdersMeaning')}</p>
        <label>${t('subject')}<input name="subject" .value=${this.subject} /></label>
        <label>${t('body')}<textarea name="body" .value=${this.body}></textarea></label>
        <button class="primary" @click=${this.save}>${t('save')}</button>
        ${this.message ? html`<span class="msg" role="status">${this.message}</span>` : nothing}
      </details>
      ${this.mail
        ? html`<details @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && void this.loadMail()}>
            <summary>${t('capturedMail')}</summary>
            ${this.mail.map((m) => html`<article><div class="muted">${instantText(m.createdAt)} → ${m.recipient}</div><strong>${m.subject}</strong><pre>${m.body}</pre></article>`)}
          </details>`
        : nothing}`
  }

  private async save() {
    const value = (name: string) => (this.renderRoot.querySelector(`[name="${name}"]`) as HTMLInputElement).value
    try {
      await call(routes.office.saveNoticeTemplate, { body: { subject: value('subject'), body: value('body') } })
      this.message = t('saved')
      await this.load()
    } catch (err) {
      this.message = err instanceof ApiError && err.fields ? Object.values(err.fields)[0] ?? err.message : err instanceof Error ? err.message : t('saveFailed')
    }
  }

  private async load() {
    try {
      const t = await call(routes.office.noticeTemplate)
      this.subject = t.subject
      this.body = t.body
    } catch {
      // Shown empty; saving reports the problem.
    }
    await this.loadMail()
  }

  /** Loaded again each time it is opened: notices are sent meanwhile. */
  private async loadMail() {
    try {
      this.mail = (await call(routes.office.capturedMail)).mail
    } catch {
      this.mail = null // not an administrator
    }
  }
}

customElements.define('asg-notice-template', AsgNoticeTemplate)
declare global {
  interface HTMLElementTagNameMap {
    'asg-notice-template': AsgNoticeTemplate
  }
}
