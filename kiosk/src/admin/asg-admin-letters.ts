import { LitElement, css, html } from 'lit'
import type { LettersResponse } from '../../../shared/protocol/index.js'
import { formatLongDateJa } from '../../../shared/time/format.js'

/** The QR code as SVG: sharp on paper at any size, and the same text wherever it is drawn. */
export async function qrDataUrl(link: string): Promise<string> {
  // Loaded when letters are printed: the rest of the admin page never draws a QR code.
  const { default: QRCode } = await import('qrcode')
  const svg = await QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

/**
 * Registration letters, one A4 page per pupil, for one print job. Lives directly in <body>
 * (the admin page hides itself when printing), so only the letters reach the paper.
 */
export class AsgAdminLetters extends LitElement {
  static override properties = { data: { attribute: false }, qr: { state: true } }
  declare data: LettersResponse | null
  declare qr: Map<number, string>

  constructor() {
    super()
    this.data = null
    this.qr = new Map()
  }

  static override styles = css`
    :host { display: block; font-family: 'Noto Sans JP', 'Hiragino Sans', sans-serif; color: #000; }
    .page { width: 210mm; height: 297mm; box-sizing: border-box; padding: 22mm 22mm 18mm; break-after: page; position: relative; background: #fff; }
    .page:last-child { break-after: auto; }
    .school { font-size: 11pt; margin: 0; }
    h1 { font-size: 20pt; margin: 10mm 0 6mm; }
    .to { font-size: 14pt; margin: 0 0 8mm; border-bottom: 1px solid #000; padding-bottom: 2mm; }
    .body { display: flex; gap: 12mm; align-items: flex-start; }
    .qr img { width: 55mm; height: 55mm; }
    .qr p { font-size: 9pt; text-align: center; margin: 1mm 0 0; }
    ol { font-size: 12pt; line-height: 1.7; padding-left: 6mm; margin: 0; }
    .code { margin: 10mm 0 0; border: 2px solid #000; border-radius: 3mm; padding: 5mm; text-align: center; }
    .code b { display: block; font-family: ui-monospace, 'Noto Sans Mono', monospace; font-size: 24pt; letter-spacing: 0.12em; }
    .code span { font-size: 10pt; }
    .note { font-size: 10pt; margin-top: 10mm; line-height: 1.6; }
    .foot { position: absolute; bottom: 14mm; left: 22mm; right: 22mm; font-size: 9pt; color: #333; display: flex; justify-content: space-between; }
  `

  /** The QR codes are drawn before printing: call and await this, then print. */
  async prepare(data: LettersResponse): Promise<void> {
    this.data = data
    const entries = await Promise.all(
      data.letters.map(async (l) => [l.codeId, await qrDataUrl(this.link(l.code))] as const),
    )
    this.qr = new Map(entries)
    await this.updateComplete
  }

  link(code: string): string {
    return `${location.origin}${this.data!.registerPath}?code=${encodeURIComponent(code)}`
  }

  override render() {
    if (!this.data) return html``
    const school = this.data.schoolName
    return this.data.letters.map(
      (l) => html`
        <article class="page">
          <p class="school">${school}</p>
          <h1>欠席連絡サービス「朝顔」登録のお願い</h1>
          <p class="to">${l.classLabel} ${l.number}番 ${l.pupilName} さんの保護者様${l.guardianName ? `(${l.guardianName} 様)` : ''}</p>
          <div class="body">
            <div class="qr"><img alt="登録用QRコード" src=${this.qr.get(l.codeId) ?? ''} /><p>スマートフォンで読み取ってください</p></div>
            <ol>
              <li>左のQRコードをスマートフォンのカメラで読み取ります。</li>
              <li>お子さまの名前を確かめます。</li>
              <li>保護者のお名前とパスワードを決めて登録します(メールアドレスは任意です)。</li>
              <li>きょうだいがいる場合は、登録後に「お子さまを追加」からそれぞれの用紙のコードを入力してください。</li>
            </ol>
          </div>
          <div class="code"><span>QRコードが読み取れない場合は、${location.host}${this.data!.registerPath} を開いて次のコードを入力してください</span><b>${l.code}</b></div>
          <p class="note">登録コードは ${formatLongDateJa(l.expiresAt.slice(0, 10))} まで有効です。このコードはお子さま1人につき保護者1名が使えます。お二人目の保護者の登録や、用紙をなくした場合は学校へお申し出ください。</p>
          <div class="foot"><span>${school}</span><span>${l.classLabel} ${l.number}番</span></div>
        </article>
      `,
    )
  }
}

customElements.define('asg-admin-letters', AsgAdminLetters)
declare global {
  interface HTMLElementTagNameMap {
    'asg-admin-letters': AsgAdminLetters
  }
}
