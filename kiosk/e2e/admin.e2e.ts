import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import jsQR from 'jsqr'
import { beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../server/auth/password.js'
import { ROOT } from '../../server/pages/buildInfo.js'
import { createSchool, createSchoolYear, createStaff } from '../../server/data/schoolSetup.js'
import { contextAt, journey, loginThroughPage } from './harness.js'

const SHOTS = join(ROOT, 'docs', 'screenshots')
const FIXTURE = join(ROOT, 'server', 'roster', 'fixtures', 'roster-sjis-crlf.csv')

const e2e = journey()
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  // An empty school, as on the day it adopts Asagao: one year, one administrator, no pupils.
  const schoolId = await createSchool(e2e.server.db.sql, { name: '朝顔市立ひまわり小学校' })
  await createSchoolYear(e2e.server.db.sql, schoolId, 2026)
  await createStaff(e2e.server.db.sql, { schoolId, loginId: 'himawari-admin', passwordHash: await hashPassword('admin-pass-1'), familyName: '管理', givenName: '花子', roles: ['admin'] })
})

/** The text a person sees in the page, shadow DOMs included. */
const deepText = (page: Page) =>
  page.evaluate(() => {
    const walk = (n: Node): string => (n instanceof Element && n.shadowRoot ? walk(n.shadowRoot) : '') + [...n.childNodes].map((c) => (c.nodeType === 3 ? c.textContent : walk(c))).join('')
    return walk(document.body)
  })

describe('from a roster file to registered families', () => {
  it('admin imports, prints letters; a guardian registers from the QR link, adds a sibling and reports; the rate goes up', async () => {
    const adminCtx = await contextAt(e2e.browser, { viewport: { width: 1280, height: 900 } })
    const admin = await adminCtx.newPage()
    await admin.goto(e2e.server.url + '/admin/')
    await loginThroughPage(admin, 'himawari-admin', 'admin-pass-1')

    // Roster: choose the Shift_JIS file, check the preview, apply.
    await admin.locator('input[type="file"]').setInputFiles(FIXTURE)
    await admin.getByLabel('ファイルにある組がなければ作る').check()
    await admin.getByRole('button', { name: '内容を確認' }).click()
    await admin.getByText('問題はありません。').waitFor()
    expect(await deepText(admin)).toContain('1年1組 1番 髙橋 一郎')
    await admin.screenshot({ path: join(SHOTS, 'admin-roster-preview.png'), fullPage: true })
    await admin.getByRole('button', { name: 'この内容で取り込む' }).click()
    await admin.getByText('取り込みました:追加 9人').waitFor()

    // Registration: 0% before anyone registers; print the letters of 1年1組.
    await admin.getByRole('tab', { name: '保護者の登録' }).click()
    await admin.getByTestId('school-rate').waitFor()
    expect(await admin.getByTestId('school-rate').textContent()).toBe('0%')
    await admin.evaluate(() => (window.print = () => {})) // the print dialog would block a headless page
    await admin.getByRole('button', { name: '1年1組の案内を印刷' }).click()
    const letters = admin.locator('asg-admin-letters article.page')
    await letters.first().waitFor({ state: 'attached' })
    expect(await letters.count()).toBe(3)
    await admin.emulateMedia({ media: 'print' })
    await admin.setViewportSize({ width: 794, height: 1123 }) // A4 at 96 dpi
    await admin.screenshot({ path: join(SHOTS, 'admin-letters-print.png'), clip: { x: 0, y: 0, width: 794, height: 1123 } })
    const first = letters.first()
    const code = (await first.locator('.code b').textContent())!.trim()
    expect(await first.textContent()).toContain('1年1組 1番 髙橋 一郎 さんの保護者様')
    // The QR code is exactly the registration link with this code filled in.
    const link = `${e2e.server.url}/join/?code=${encodeURIComponent(code)}`
    expect(await decodeQr(first.locator('img'))).toBe(link)
    await admin.emulateMedia({ media: 'screen' })
    await admin.setViewportSize({ width: 1280, height: 900 })

    // The sibling's letter (another class) comes from the list of unregistered pupils.
    const siblingCode = (await admin.evaluate(async () => {
      const res = await fetch('/api/admin/registration/letters', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ onlyUnregistered: true }) })
      const body = (await res.json()) as { letters: { pupilName: string; code: string }[] }
      return body.letters.find((l) => l.pupilName === '鈴木 三奈')!.code
    }))

    // A guardian scans the QR code with a phone.
    const phoneCtx = await contextAt(e2e.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const phone = await phoneCtx.newPage()
    await phone.goto(link)
    await phone.getByText('髙橋 一郎 さん').waitFor()
    await phone.getByLabel('姓').fill('髙橋')
    await phone.getByLabel('名', { exact: true }).fill('恵子')
    await phone.getByLabel(/ログインID/).fill('takahashi.keiko')
    await phone.getByLabel(/パスワード/).fill('himawari-2026')
    await phone.screenshot({ path: join(SHOTS, 'register-phone-form.png'), fullPage: true })
    await phone.getByRole('button', { name: '登録する' }).click()
    await phone.getByText('登録が完了しました').waitFor()
    // A sibling in another class, with that child's code.
    await phone.getByLabel(/きょうだいを追加/).fill(siblingCode)
    await phone.getByRole('button', { name: 'お子さまを追加' }).click()
    await phone.getByText('鈴木 三奈 さん').waitFor()
    await phone.getByRole('button', { name: '追加する' }).click()
    await phone.getByText('登録が完了しました').waitFor()
    expect(await deepText(phone)).toContain('鈴木 三奈 さん')
    await phone.screenshot({ path: join(SHOTS, 'register-phone-done.png'), fullPage: true })

    // Then the family reports an absence on the guardian page.
    await phone.getByRole('link', { name: '欠席・遅刻・早退の連絡へ' }).click()
    await phone.getByText('髙橋 一郎').first().click()
    await phone.locator('label', { hasText: '欠席' }).first().click()
    await phone.locator('label', { hasText: '今日' }).first().click()
    await phone.locator('label', { hasText: '発熱' }).first().click()
    await phone.getByRole('button', { name: '確認へ進む' }).click()
    await phone.getByRole('button', { name: 'この内容で送信する' }).click()
    await phone.getByText('受付番号').waitFor()
    // The guardian's own account: password change and the sessions, from the guardian page's header.
    await phone.getByRole('link', { name: 'アカウント・お子さまの追加' }).click()
    await phone.getByText('ログイン中の端末').waitFor()
    await phone.getByText('(この端末)', { exact: true }).waitFor()
    await phone.screenshot({ path: join(SHOTS, 'register-phone-account.png'), fullPage: true })

    // The dashboard: two of nine pupils now have a registered guardian.
    await admin.getByRole('button', { name: '更新' }).click()
    await admin.getByText('22%').first().waitFor()
    expect(await admin.getByTestId('school-rate').textContent()).toBe('22%')
    expect(await deepText(admin)).not.toContain('1髙橋 一郎')
    await admin.screenshot({ path: join(SHOTS, 'admin-registration-dashboard.png'), fullPage: true })

    // The other panels, photographed for the docs.
    for (const [tab, name] of [['職員', 'staff'], ['学校の設定', 'settings'], ['表示端末', 'devices'], ['アカウント', 'account']] as const) {
      await admin.getByRole('tab', { name: tab }).click()
      await admin.waitForTimeout(300)
      await admin.screenshot({ path: join(SHOTS, `admin-${name}.png`), fullPage: true })
    }
  })

  it('the next April: a new school year from the new roster, the sixth grade graduates (進級)', async () => {
    const ctx = await contextAt(e2e.browser, { viewport: { width: 1280, height: 900 } })
    const admin = await ctx.newPage()
    admin.on('dialog', (d) => void d.accept())
    await admin.goto(e2e.server.url + '/admin/')
    await loginThroughPage(admin, 'himawari-admin', 'admin-pass-1')
    await admin.getByRole('button', { name: '新しい年度を作る(進級)' }).click()
    await admin.locator('select').first().locator('option', { hasText: '2027年度' }).waitFor({ state: 'attached' })
    await admin.locator('input[type="file"]').setInputFiles(join(ROOT, 'server', 'roster', 'fixtures', 'roster-2027-sjis.csv'))
    await admin.getByRole('button', { name: '内容を確認' }).click()
    await admin.getByText('問題はありません。').waitFor()
    const text = await deepText(admin)
    expect(text).toContain('確認(2027年度')
    expect(text).toContain('小林 七海(卒業)')
    expect(text).toContain('組・番号の変更:7人')
    await admin.screenshot({ path: join(SHOTS, 'admin-new-year-preview.png'), fullPage: true })
    await admin.getByRole('button', { name: 'この内容で取り込む' }).click()
    await admin.getByText('転出・卒業 2人').waitFor()
    // The guardian links stay: 髙橋 一郎 is still registered, now in 2年1組 of 2027.
    const [row] = await e2e.server.db.sql<{ n: number }[]>`
      select count(*)::int as n from guardian_pupil gp join pupil p on p.id = gp.pupil_id
      join class_membership m on m.pupil_id = p.id join school_year y on y.id = m.school_year_id join school_class c on c.id = m.class_id
      where p.family_name = '髙橋' and y.fiscal_year = 2027 and c.grade = 2`
    expect(row!.n).toBe(1)
  })
})

/** What a phone's camera would read: the printed QR image rasterised and decoded by jsQR. */
async function decodeQr(img: Locator): Promise<string | null> {
  const pixels = await img.evaluate(async (el: HTMLImageElement) => {
    await el.decode()
    const canvas = document.createElement('canvas')
    canvas.width = canvas.height = 400
    const g = canvas.getContext('2d')!
    g.fillStyle = '#fff'
    g.fillRect(0, 0, 400, 400)
    g.drawImage(el, 0, 0, 400, 400)
    return Array.from(g.getImageData(0, 0, 400, 400).data)
  })
  return jsQR(Uint8ClampedArray.from(pixels), 400, 400)?.data ?? null
}
