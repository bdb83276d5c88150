import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { PASSWORD } from '../../server/test/fixtures.js'
import { Client } from '../../server/test/server.js'
import { smallTargets, violations } from './a11y.js'
import { contextAt, journey, loginThroughPage } from './harness.js'

/**
 * The guardian pages for everyone: axe-core's WCAG 2.0/2.1/2.2 A and AA rules over every page
 * and state in Japanese and English, a keyboard-only journey that reports and withdraws an
 * absence, reflow at 320 px and 200 % text, and touch targets of at least 44 × 44 px.
 */

const e2e = journey()
beforeAll(async () => {
  // This morning taro and hanako have not arrived: both families have a notice to answer.
  const teacher = await (await new Client(e2e.server).login(e2e.server.school.login.teacher1)).socket()
  for (const pupilId of [e2e.server.school.pupils.taro, e2e.server.school.pupils.hanako]) await teacher.emitWithAck('pupil:mark', { pupilId, mark: 'not_arrived' })
  teacher.disconnect()
  const office = await new Client(e2e.server).login(e2e.server.school.login.vp)
  expect((await office.post('/api/office/notices', { pupilIds: 'all' })).body.sent).toHaveLength(2)
})

interface Focused {
  tag: string
  id: string
  text: string
  /** The form section (`data-field`) the control is in. */
  field: string
  /** Whether the focused control (or the tile around a visually hidden input) draws a focus outline. */
  outlined: boolean
}

/** The element that has focus, through the shadow roots. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement
    if (!a) return { tag: '', id: '', text: '', field: '', outlined: false }
    const drawn = (el: Element | null) => !!el && getComputedStyle(el).outlineStyle !== 'none' && getComputedStyle(el).outlineWidth !== '0px'
    const label = a.closest('label')
    return {
      tag: a.tagName.toLowerCase(),
      id: a.id,
      text: ((label ?? a).textContent ?? '').replace(/\s+/g, ' ').trim(),
      field: a.closest('[data-field]')?.getAttribute('data-field') ?? '',
      outlined: drawn(a) || drawn(label),
    }
  })
}

/** Presses Tab (only the keyboard) until the focused control's text matches; each stop must show its focus. */
async function tabTo(page: Page, match: (f: Focused) => boolean, what: string): Promise<Focused> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab')
    const f = await focused(page)
    if (f.tag && f.tag !== 'body') expect(f.outlined, `focus visible on ${f.tag} "${f.text}"`).toBe(true)
    if (match(f)) return f
  }
  throw new Error(`Tab never reached ${what}`)
}

/** Waits until `selector` exists inside any open shadow root of the page. */
async function shadowPresent(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((sel) => {
    const find = (root: Document | ShadowRoot): boolean =>
      !!root.querySelector(sel) || [...root.querySelectorAll('*')].some((el) => !!el.shadowRoot && find(el.shadowRoot))
    return find(document)
  }, selector)
}

const LANGUAGES = [
  { language: 'ja', browserLocale: 'ja-JP', login: () => e2e.server.school.login.suzuki, toReview: '確認へ進む', send: 'この内容で送信する', withdraw: '取り消す' },
  { language: 'en', browserLocale: 'en-US', login: () => e2e.server.school.login.tanaka, toReview: 'Check and send', send: 'Send', withdraw: 'Withdraw' },
] as const

describe('the guardian pages have no WCAG A/AA violations (axe-core)', () => {
  for (const l of LANGUAGES) {
    it(`in ${l.language}: login, notice, empty form, errors, confirm, receipt, list, withdraw question, join and reset`, async () => {
      // The pages' CSP forbids inline scripts; axe is injected by the test, not by the page.
      const context = await contextAt(e2e.browser, { locale: l.browserLocale, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true })
      const page = await context.newPage()
      const checked: Record<string, string[]> = {}
      await page.goto(e2e.server.url + '/guardian/')
      await page.locator('asg-login input[name="loginId"]').waitFor()
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(l.language)
      checked.login = await violations(page)

      await loginThroughPage(page, l.login(), PASSWORD)
      await page.locator('asg-guardian-notices section.notice').waitFor()
      await page.locator('asg-report-form fieldset[data-field="children"]').waitFor()
      checked['notice and empty form'] = await violations(page)

      await page.locator('asg-report-form button[type="submit"]').click()
      await shadowPresent(page, '#error-summary')
      expect((await focused(page)).id).toBe('error-summary')
      checked['errors shown'] = await violations(page)

      // A guardian with one child finds that child already chosen.
      const child = page.locator('asg-report-form fieldset[data-field="children"] label').first()
      if (!(await child.locator('input').isChecked())) await child.click()
      await page.locator('asg-report-form fieldset[data-field="kind"] label').first().click()
      await page.locator('asg-report-form fieldset[data-field="day"] label').nth(1).click()
      await page.locator('asg-report-form fieldset[data-field="reason"] label').first().click()
      await page.getByRole('button', { name: l.toReview }).click()
      await page.locator('asg-report-confirm').waitFor()
      expect((await focused(page)).id).toBe('confirm-heading')
      checked.confirm = await violations(page)

      await page.getByRole('button', { name: l.send, exact: true }).click()
      await page.locator('asg-report-receipt').waitFor()
      await shadowPresent(page, '#receipt-heading')
      expect((await focused(page)).id).toBe('receipt-heading')
      await page.locator('asg-report-list li.card').first().waitFor()
      checked['receipt and list'] = await violations(page)

      await page.locator('asg-report-list button.withdraw').first().click()
      await page.locator('asg-report-list .withdraw-row').waitFor()
      checked['withdraw question'] = await violations(page)

      await page.goto(e2e.server.url + '/join/')
      await page.locator('asg-join-app input#code').waitFor()
      checked.join = await violations(page)
      await page.goto('about:blank')
      await page.goto(e2e.server.url + '/join/#reset')
      await page.locator('asg-password-reset input#r-login').waitFor()
      checked['password reset'] = await violations(page)

      expect(checked).toEqual(Object.fromEntries(Object.keys(checked).map((k) => [k, []])))
      await context.close()
    })
  }
})

describe('the guardian page by keyboard alone', () => {
  it('reports an absence and withdraws it: focus always visible, moved to each next step, changes announced', async () => {
    const guardian = await new Client(e2e.server).login(e2e.server.school.login.suzuki)
    const before = (await guardian.get('/api/guardian/reports')).body.reports.length as number
    const context = await contextAt(e2e.browser, { viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    await page.goto(e2e.server.url + '/guardian/')
    await page.locator('asg-login input[name="loginId"]').waitFor()

    await tabTo(page, (f) => f.tag === 'input' && f.id === 'login', 'the login id')
    await page.keyboard.type(e2e.server.school.login.suzuki)
    await page.keyboard.press('Tab')
    await page.keyboard.type(PASSWORD)
    await page.keyboard.press('Enter')
    await page.locator('asg-report-form fieldset[data-field="children"]').waitFor()

    await tabTo(page, (f) => f.tag === 'input' && f.text.includes('鈴木 太郎'), 'the child')
    await page.keyboard.press('Space')
    await tabTo(page, (f) => f.tag === 'input' && f.text === '欠席', '欠席')
    await page.keyboard.press('Space')
    await tabTo(page, (f) => f.tag === 'input' && f.text.includes('今日'), 'the day choice')
    await page.keyboard.press('ArrowDown')
    expect((await focused(page)).text).toContain('明日')
    // A radio group is one Tab stop; its choices are the arrow keys'.
    await tabTo(page, (f) => f.tag === 'input' && f.field === 'reason', 'the reasons')
    await page.keyboard.press('Space')
    await tabTo(page, (f) => f.tag === 'button' && f.text === '確認へ進む', 'the review button')
    await page.keyboard.press('Enter')
    await page.locator('asg-report-confirm').waitFor()
    expect((await focused(page)).id).toBe('confirm-heading')

    await tabTo(page, (f) => f.tag === 'button' && f.text === 'この内容で送信する', 'send')
    await page.keyboard.press('Enter')
    await page.locator('asg-report-receipt').waitFor()
    await shadowPresent(page, '#receipt-heading')
    expect((await focused(page)).id).toBe('receipt-heading')
    const reports = (await guardian.get('/api/guardian/reports')).body.reports as { id: number; withdrawnAt: string | null }[]
    expect(reports).toHaveLength(before + 1)

    await tabTo(page, (f) => f.tag === 'button' && f.text === '取り消す', 'withdraw')
    await page.keyboard.press('Enter')
    await page.locator('asg-report-list .withdraw-row').waitFor()
    expect((await focused(page)).text).toBe('やめる')
    await page.keyboard.press('Tab')
    expect((await focused(page)).text).toBe('取り消す')
    await page.keyboard.press('Enter')
    await page.locator('asg-report-list [role="status"]', { hasText: '連絡を取り消しました。' }).waitFor()
    expect((await focused(page)).id).toBe('list-heading')
    const after = (await guardian.get('/api/guardian/reports')).body.reports as { id: number; withdrawnAt: string | null }[]
    expect(after.find((r) => r.id === reports[0]!.id)?.withdrawnAt).not.toBeNull()
    await context.close()
  })
})

describe('the guardian form on small screens', () => {
  it('reflows at 320 px and at 200 % text without horizontal scrolling; every target is at least 44 × 44 px', async () => {
    const widths: Record<string, number> = {}
    for (const [name, viewport, textScale] of [['320 px', { width: 320, height: 640 }, '100%'], ['200 % text', { width: 390, height: 844 }, '200%']] as const) {
      const context = await contextAt(e2e.browser, { viewport })
      const page = await context.newPage()
      await page.goto(e2e.server.url + '/guardian/')
      await loginThroughPage(page, e2e.server.school.login.suzuki, PASSWORD)
      await page.locator('asg-report-form fieldset[data-field="children"]').waitFor()
      await page.addStyleTag({ content: `html { font-size: ${textScale} }` })
      await page.locator('asg-report-form fieldset[data-field="kind"] label').nth(1).click()
      widths[name] = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      if (textScale === '100%') expect(await smallTargets(page)).toEqual([])
      await context.close()
    }
    expect(widths).toEqual({ '320 px': 0, '200 % text': 0 })
  })
})
