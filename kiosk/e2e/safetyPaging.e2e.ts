import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../server/auth/password.js'
import { createGuardian, createPupil, linkGuardian } from '../../server/data/schoolSetup.js'
import { PASSWORD } from '../../server/test/fixtures.js'
import { Client } from '../../server/test/server.js'
import { contextAt, launchChromium, loginThroughPage, startE2EServer, type E2EServer } from './harness.js'

/**
 * The office's 未回答 list of a large school is paged: 45 more families who never answer, and
 * the 教頭's page shows 20 of them at a time, 次へ moves on, and a call recorded on the second
 * page stays there.
 */
const MORE_FAMILIES = 45

let server: E2EServer
let browser: Browser
let staff: Page

beforeAll(async () => {
  server = await startE2EServer(0)
  browser = await launchChromium()
  const { sql } = server.db
  const s = server.school
  const hash = await hashPassword(PASSWORD)
  const prefix = s.login.admin.replace(/-admin$/, '')
  for (let i = 1; i <= MORE_FAMILIES; i++) {
    const pupil = await createPupil(sql, {
      schoolId: s.schoolId, schoolYearId: s.yearId, classId: s.classes.c1, attendanceNumber: 10 + i, familyName: '山田', givenName: `${i}郎`, familyKana: 'やまだ', givenKana: 'ろう', enrolledOn: '2026-04-01',
    })
    const guardian = await createGuardian(sql, { loginId: `${prefix}-yamada${i}`, passwordHash: hash, familyName: '山田', givenName: `保護者${i}`, phone: `090-1000-${String(i).padStart(4, '0')}` })
    await linkGuardian(sql, { schoolId: s.schoolId, guardianId: guardian, pupilId: pupil })
  }
  const vp = await new Client(server).login(s.login.vp)
  expect((await vp.post('/api/safety', { template: 'drill', situation: 'out_of_school' })).status).toBe(201)
  const context = await contextAt(browser, { viewport: { width: 1366, height: 900 } })
  staff = await context.newPage()
  await staff.goto(server.url + '/safety/')
  await loginThroughPage(staff, s.login.vp, PASSWORD)
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the office’s non-responders on /safety/', () => {
  it('shows 20 families a page and moves through them with 次へ and 前へ', async () => {
    const unanswered = staff.locator('asg-safety-rows.unanswered')
    await unanswered.locator('asg-pager').waitFor()
    const total = Number(/(\d+)名/.exec((await unanswered.locator('h3 .muted').textContent())!)![1])
    expect(total).toBeGreaterThan(MORE_FAMILIES)
    const pages = Math.ceil(total / 20)
    expect(await unanswered.locator('li').count()).toBe(20)
    expect(await unanswered.locator('asg-pager span').textContent()).toBe(`${total}件中 1〜20件(1/${pages}ページ)`)
    const first = await unanswered.locator('li .name').first().textContent()
    // A note half typed for one child must not move to another child's row with the page.
    await unanswered.getByLabel(`${first}さんの通話メモ`).fill('自宅で無事と確認')

    await unanswered.getByRole('button', { name: '次へ' }).click()
    await expect.poll(() => unanswered.locator('asg-pager span').textContent()).toBe(`${total}件中 21〜40件(2/${pages}ページ)`)
    expect(await unanswered.locator('li').count()).toBe(20)
    const second = (await unanswered.locator('li .name').first().textContent())!
    expect(second).not.toBe(first)
    expect(await unanswered.getByLabel(`${second}さんの通話メモ`).inputValue()).toBe('')

    await unanswered.getByRole('button', { name: '前へ' }).click()
    await expect.poll(() => unanswered.locator('li .name').first().textContent()).toBe(first)
  })

  it('records a call on the second page, which stays open', async () => {
    const unanswered = staff.locator('asg-safety-rows.unanswered')
    await unanswered.getByRole('button', { name: '次へ' }).click()
    const row = unanswered.locator('li').first()
    const name = (await row.locator('.name').textContent())!
    await row.getByLabel(`${name}さんの通話メモ`).fill('夕方にかけ直す')
    await row.getByRole('button', { name: '出ない' }).click()
    await staff.getByText('通話を記録しました。').waitFor()
    await unanswered.locator('li', { hasText: name }).getByText(/出ない ・ 夕方にかけ直す/).waitFor()
    expect(await unanswered.locator('asg-pager span').textContent()).toMatch(/21〜40件\(2\//)
  })
})
