import type { Locator } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { createCityAdmin, createOrganisation } from '../../server/data/organisations.js'
import { createPupil } from '../../server/data/schoolSetup.js'
import { hashPassword } from '../../server/auth/password.js'
import { PASSWORD } from '../../server/test/fixtures.js'
import { Client } from '../../server/test/server.js'
import { contextAt, journey, loginThroughPage } from './harness.js'

/** The rough edges of a first week: line breaks on phones, full names on a school PC, what the teacher sees first. */

const e2e = journey()
beforeAll(async () => {
  // Two 村上 with long given names in 1年1組: the roll must tell them apart by name.
  const s = e2e.server.school
  for (const [n, given, kana] of [[11, '陽菜多', 'ひなた'], [12, '陽太郎', 'ようたろう']] as const) {
    await createPupil(e2e.server.db.sql, {
      schoolId: s.schoolId, schoolYearId: s.yearId, classId: s.classes.c1, attendanceNumber: n, familyName: '村上', givenName: given,
      familyKana: 'むらかみ', givenKana: kana, enrolledOn: '2026-04-01',
    })
  }
})

/** The lines a piece of text is laid out on (distinct line tops of its characters). */
function linesOf(locator: Locator, text: string): Promise<number> {
  return locator.evaluate((el, text) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text)
      if (at < 0) continue
      const tops = new Set<number>()
      for (let i = at; i < at + text.length; i++) {
        const range = document.createRange()
        range.setStart(node, i)
        range.setEnd(node, i + 1)
        const r = range.getBoundingClientRect()
        if (r.width > 0) tops.add(Math.round(r.top))
      }
      return tops.size
    }
    return -1
  }, text)
}

describe('Japanese line breaking on phones', () => {
  for (const width of [390, 360]) {
    it(`at ${width} px the guardian header keeps ログアウト, the name with さん and アカウント・お子さまの追加 whole`, async () => {
      const context = await contextAt(e2e.browser, { viewport: { width, height: 800 }, isMobile: true, hasTouch: true })
      const page = await context.newPage()
      await page.goto(e2e.server.url + '/guardian/')
      await loginThroughPage(page, e2e.server.school.login.suzuki, PASSWORD)
      const header = page.locator('asg-guardian-app header')
      await header.getByText('アカウント・お子さまの追加').waitFor()
      expect(await linesOf(header.locator('a.small'), 'アカウント・お子さまの追加')).toBe(1)
      expect(await linesOf(header.locator('.who button.small'), 'ログアウト')).toBe(1)
      expect(await linesOf(header.locator('.name'), '鈴木 明美 さん')).toBe(1)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
      await context.close()
    })
  }
})

describe('the teacher page', () => {
  it('on a phone, the unacknowledged reports come before the roll of the class', async () => {
    const [fever] = await e2e.server.db.sql<{ id: number }[]>`select id from school_reason where school_id = ${e2e.server.school.schoolId} and label = '発熱'`
    const guardian = await new Client(e2e.server).login(e2e.server.school.login.tanaka)
    expect((await guardian.post('/api/guardian/reports', {
      idempotencyKey: 'e2e-staff-edges-0001', pupilIds: [e2e.server.school.pupils.hanako], kind: 'absent', fromDate: '2026-11-30', toDate: '2026-11-30',
      reasonId: fever!.id, symptoms: [], temperature: null, message: '',
    })).status).toBe(201)
    const context = await contextAt(e2e.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const page = await context.newPage()
    await page.goto(e2e.server.url + '/teacher/')
    await loginThroughPage(page, e2e.server.school.login.teacher1, PASSWORD)
    const report = page.locator('asg-class-day li[data-pupil]', { hasText: '田中 花子' })
    await report.getByRole('button', { name: /確認/ }).waitFor()
    await page.locator('asg-roll-call li', { hasText: '村上 陽太郎' }).waitFor()
    const reportTop = (await report.boundingBox())!.y
    const rollTop = (await page.locator('asg-roll-call').boundingBox())!.y
    expect(reportTop).toBeLessThan(rollTop)
    expect(reportTop).toBeLessThan(844)
    await context.close()
  })

  it('at 1366×768 the roll tiles show every full name, so two 村上 are told apart', async () => {
    const context = await contextAt(e2e.browser, { viewport: { width: 1366, height: 768 } })
    const page = await context.newPage()
    await page.goto(e2e.server.url + '/teacher/')
    await loginThroughPage(page, e2e.server.school.login.teacher1, PASSWORD)
    await page.locator('asg-roll-call li', { hasText: '村上 陽太郎' }).waitFor()
    const names = page.locator('asg-roll-call li .name')
    expect(await names.count()).toBeGreaterThanOrEqual(4)
    // A CJK font's content area is taller than the line; only a hidden half line counts as cut.
    const cut = await names.evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + parseFloat(getComputedStyle(el).fontSize) / 2)
        .map((el) => `${el.textContent} ${el.scrollWidth}/${el.clientWidth} ${el.scrollHeight}/${el.clientHeight}`))
    expect(cut).toEqual([])
    for (const name of ['村上 陽菜多', '村上 陽太郎']) expect(await page.locator('asg-roll-call li .name', { hasText: name }).isVisible()).toBe(true)
    await context.close()
  })
})

describe('the login lockout', () => {
  it('the login form says when to try again; a browser that logged in before still gets in', async () => {
    const login = e2e.server.school.login.tanaka
    // This browser logged in yesterday (it is known for the account), then logged out.
    const knownContext = await contextAt(e2e.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const known = await knownContext.newPage()
    await known.goto(e2e.server.url + '/guardian/')
    await loginThroughPage(known, login, PASSWORD)
    await known.getByRole('button', { name: 'ログアウト' }).click()
    await known.locator('asg-login').waitFor()

    // Someone else guesses the password until the account is locked.
    for (let i = 0; i < 11; i++) await new Client(e2e.server).request('POST', '/api/session', { loginId: login, password: `guess ${i}` })

    const strangerContext = await contextAt(e2e.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const stranger = await strangerContext.newPage()
    await stranger.goto(e2e.server.url + '/guardian/')
    await loginThroughPage(stranger, login, PASSWORD)
    const refusal = stranger.locator('asg-login [role="alert"]')
    await refusal.waitFor()
    expect(await refusal.textContent()).toMatch(/試行回数が多すぎます。\d+分後\(\d{1,2}:\d{2}\)にもう一度お試しください。/)

    await loginThroughPage(known, login, PASSWORD)
    await known.getByRole('button', { name: 'ログアウト' }).waitFor()
    for (const c of [knownContext, strangerContext]) await c.close()
  })
})

describe('the staff header menu', () => {
  it('offers each person the pages their roles open, on every staff page, and goes there', async () => {
    const context = await contextAt(e2e.browser, { viewport: { width: 1366, height: 768 } })
    const page = await context.newPage()
    await page.goto(e2e.server.url + '/register/')
    await loginThroughPage(page, e2e.server.school.login.vp, PASSWORD)
    const menu = page.locator('asg-staff-menu')
    await menu.getByRole('button', { name: /メニュー/ }).click()
    const items = menu.getByRole('navigation').getByRole('link')
    expect(await items.allTextContents()).toEqual(['学級の出欠', '全クラス・未登校の連絡', '安否確認', '出席簿', '生徒指導', '行事・休業日', 'アンケート', '学校の管理'])
    expect(await menu.getByRole('link', { name: '出席簿' }).getAttribute('aria-current')).toBe('page')
    for (const [label, path] of [['行事・休業日', '/calendar/'], ['安否確認', '/safety/'], ['アンケート', '/surveys/'], ['学校の管理', '/admin/'], ['学級の出欠', '/teacher/']] as const) {
      await menu.getByRole('link', { name: label }).click()
      await page.waitForURL(e2e.server.url + path)
      await page.locator('asg-staff-menu').getByRole('button', { name: /メニュー/ }).click()
    }
    await page.keyboard.press('Escape')
    await context.close()

    const teacherContext = await contextAt(e2e.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const teacher = await teacherContext.newPage()
    await teacher.goto(e2e.server.url + '/teacher/')
    await loginThroughPage(teacher, e2e.server.school.login.teacher1, PASSWORD)
    const teacherMenu = teacher.locator('asg-staff-menu')
    await teacherMenu.getByRole('button', { name: /メニュー/ }).click()
    expect(await teacherMenu.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['学級の出欠', '安否確認', '出席簿', '生徒指導', '行事・休業日', 'アンケート'])
    await teacherMenu.getByRole('button', { name: 'ログアウト' }).click()
    await teacher.locator('asg-login').waitFor()
    await teacherContext.close()
  })
})

describe('signing out', () => {
  it('ends the session on the admin page, the office pages and the city page, and a reload stays signed out', async () => {
    const sql = e2e.server.db.sql
    const city = await createOrganisation(sql, { kind: 'municipality', name: '検査市' })
    await createCityAdmin(sql, { organisationId: city, loginId: 'e2e-city', passwordHash: await hashPassword(PASSWORD), familyName: '検査市', givenName: '教委' })
    const { login } = e2e.server.school
    const pages = [
      { path: '/admin/', loginId: login.admin, signOut: 'menu', signedIn: 'nav[role="tablist"]' },
      { path: '/register/', loginId: login.vp, signOut: 'menu', signedIn: 'asg-register-grid' },
      { path: '/safety/', loginId: login.vp, signOut: 'menu', signedIn: 'asg-safety-start', live: true },
      { path: '/city/', loginId: 'e2e-city', signOut: 'button', signedIn: 'asg-city-totals' },
    ] as const
    // Counted where it matters, on the server: the browser's own close events of a page that
    // reloads are not always reported to the test.
    const vpSockets = async () =>
      (await e2e.server.io.fetchSockets()).filter((s) => s.data.principal?.kind === 'staff' && s.data.principal.staffId === e2e.server.school.staff.vp).length
    for (const p of pages) {
      const context = await contextAt(e2e.browser, { viewport: { width: 1366, height: 768 } })
      const page = await context.newPage()
      await page.goto(e2e.server.url + p.path)
      await loginThroughPage(page, p.loginId, PASSWORD)
      await page.locator(p.signedIn).first().waitFor()
      const signOutOfPage = async () => {
        if (p.signOut === 'menu') await page.locator('asg-staff-menu').getByRole('button', { name: /メニュー/ }).click()
        await page.getByRole('button', { name: 'ログアウト' }).click()
        await page.locator('asg-login').waitFor()
      }
      if ('live' in p) await expect.poll(() => vpSockets()).toBe(1)
      await signOutOfPage()
      if ('live' in p) {
        // Whoever signs in next on the same page hears the school live again on a socket of their own.
        await expect.poll(() => vpSockets()).toBe(0)
        await loginThroughPage(page, p.loginId, PASSWORD)
        await page.locator(p.signedIn).first().waitFor()
        await expect.poll(() => vpSockets()).toBe(1)
        await signOutOfPage()
        await expect.poll(() => vpSockets()).toBe(0)
      }
      await page.reload()
      await page.locator('asg-login').waitFor()
      await context.close()
    }
  })
})
