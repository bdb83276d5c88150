import { LitElement, css, html, nothing } from 'lit'
import type { BackupList } from '../../../shared/protocol/routesOps.js'
import { routes } from '../../../shared/protocol/routes.js'
import { instantText } from '../lib/staffLanguage.js'
import { call, errorText } from '../lib/api.js'
import { buttons, tokens } from '../lib/styles.js'
import { panel } from './styles.js'
import { t } from './text.js'

const KIND_KEY = { nightly: 'kindNightly', manual: 'kindManual' } as const
/** A newest backup older than this means the nightly backup is not running. */
const OVERDUE_MS = 2 * 24 * 60 * 60 * 1000

/** Sizes the way a file manager shows them: 812 KB, 3.4 MB. */
function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB']
  let n = bytes
  let u = 0
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024
    u++
  }
  return `${u === 0 ? n : n.toFixed(n < 10 ? 1 : 0)} ${units[u]}`
}

/** The server's backups, so the school can see that they are being taken. */
export class AsgAdminBackups extends LitElement {
  static override properties = { list: { state: true }, error: { state: true } }
  declare list: BackupList | null
  declare error: string

  constructor() {
    super()
    this.list = null
    this.error = ''
  }

  static override styles = [tokens, buttons, panel, css`
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    .warn { color: var(--asg-absent); font-weight: 600; }
  `]

  override connectedCallback() {
    super.connectedCallback()
    void this.load()
  }

  async load() {
    try {
      this.list = await call(routes.ops.backups)
      this.error = ''
    } catch (err) {
      this.error = errorText(err)
    }
  }

  override render() {
    return html`
      <section>
        <h2>${t('backupsHeading')}</h2>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.list ? this.body(this.list) : nothing}
      </section>
    `
  }

  private body(list: BackupList) {
    if (list.database === 'postgres') {
      return html`<p>${t('backupsPostgres')}</p>`
    }
    if (list.backups.length === 0) return html`<p>${t('noBackups')}</p>`
    const newest = list.backups[0]!
    const overdue = Date.now() - Date.parse(newest.takenAt) > OVERDUE_MS
    return html`
      <p class=${overdue ? 'warn' : 'muted'} role=${overdue ? 'alert' : nothing}>
        ${overdue ? t('backupOverdue') : t('backupLatest', { at: instantText(newest.takenAt) })}
        ${t('backupCount', { n: list.backups.length })}
      </p>
      <table>
        <thead><tr><th>${t('colWhen')}</th><th>${t('colKind')}</th><th>${t('colSize')}</th><th>${t('colFileName')}</th></tr></thead>
        <tbody>
          ${list.backups.map((b) => html`<tr>
            <td>${instantText(b.takenAt)}</td>
            <td>${t(KIND_KEY[b.kind])}</td>
            <td class="num">${formatBytes(b.bytes)}</td>
            <td class="muted">${b.name}</td>
          </tr>`)}
        </tbody>
      </table>
    `
  }
}

customElements.define('asg-admin-backups', AsgAdminBackups)
declare global {
  interface HTMLElementTagNameMap {
    'asg-admin-backups': AsgAdminBackups
  }
}
