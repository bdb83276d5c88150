import { LitElement, css, html, nothing } from 'lit'
import type { BackupList } from '../../../shared/protocol/routesOps.js'
import { routes } from '../../../shared/protocol/routes.js'
import { formatInstantJa } from '../../../shared/time/format.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import { call, errorText } from '../lib/api.js'
import { buttons, tokens } from '../lib/styles.js'
import { panel } from './styles.js'

const KIND_LABEL = { nightly: '自動(毎日)', manual: '手動' } as const
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
        <h2>バックアップ</h2>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.list ? this.body(this.list) : nothing}
      </section>
    `
  }

  private body(list: BackupList) {
    if (list.database === 'postgres') {
      return html`<p>PostgreSQL のバックアップは、サーバーの pg_dump タイマーが毎晩取ります(docs/deploy.md)。保存先と状態はサーバーの管理者に確認してください。</p>`
    }
    if (list.backups.length === 0) return html`<p>まだバックアップはありません。サーバーは起動時と、その後24時間ごとに自動で取ります。</p>`
    const newest = list.backups[0]!
    const overdue = Date.now() - Date.parse(newest.takenAt) > OVERDUE_MS
    return html`
      <p class=${overdue ? 'warn' : 'muted'} role=${overdue ? 'alert' : nothing}>
        ${overdue ? '最新のバックアップが2日以上前です。サーバーの管理者に連絡してください。' : `最新: ${formatInstantJa(newest.takenAt, SCHOOL_ZONE)}`}
        ・ データフォルダの backups に${list.backups.length}件。サーバーの外にも写しを保管してください。
      </p>
      <table>
        <thead><tr><th>日時</th><th>種類</th><th>大きさ</th><th>ファイル名</th></tr></thead>
        <tbody>
          ${list.backups.map((b) => html`<tr>
            <td>${formatInstantJa(b.takenAt, SCHOOL_ZONE)}</td>
            <td>${KIND_LABEL[b.kind]}</td>
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
