import { LitElement, css, html } from 'lit'
import { buttons, tokens } from '../lib/styles.js'
import { clampPage, pageCount } from '../lib/paging.js'
import { t } from './text.js'

/**
 * 前へ / 次へ under a long list, with where the reader is (「700件中 21〜40件(2/35ページ)」).
 * The list pages itself (from the server or in the page); this only moves the page number.
 * @fires asg-page - detail: { page }, the page asked for
 */
export class AsgPager extends LitElement {
  static override properties = {
    page: { type: Number },
    pageSize: { type: Number },
    total: { type: Number },
    busy: { type: Boolean },
  }
  declare page: number
  declare pageSize: number
  declare total: number
  declare busy: boolean

  constructor() {
    super()
    this.page = 1
    this.pageSize = 50
    this.total = 0
    this.busy = false
  }

  static override styles = [
    tokens,
    buttons,
    css`
      :host { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-top: 10px; }
    `,
  ]

  override render() {
    const pages = pageCount(this.total, this.pageSize)
    const page = clampPage(this.page, this.total, this.pageSize)
    return html`<button type="button" ?disabled=${page <= 1 || this.busy} @click=${() => this.go(page - 1)}>${t('pagerPrevious')}</button>
      <span>${t('pagerRange', rangeOf(this.total, (page - 1) * this.pageSize + 1, Math.min(this.total, page * this.pageSize), page, pages))}</span>
      <button type="button" ?disabled=${page >= pages || this.busy} @click=${() => this.go(page + 1)}>${t('pagerNext')}</button>`
  }

  private go(page: number) {
    this.dispatchEvent(new CustomEvent<{ page: number }>('asg-page', { detail: { page }, bubbles: true, composed: true }))
  }
}

/** The numbers as written, without a thousands separator, as the pager always showed them. */
function rangeOf(total: number, from: number, to: number, page: number, pages: number) {
  return { total: String(total), from: String(from), to: String(to), page: String(page), pages: String(pages) }
}

customElements.define('asg-pager', AsgPager)
declare global {
  interface HTMLElementTagNameMap {
    'asg-pager': AsgPager
  }
}
