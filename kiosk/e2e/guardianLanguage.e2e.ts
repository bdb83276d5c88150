import { describe, expect, it } from 'vitest'
import { vi as VI } from '../../shared/i18n/guardian/vi.js'
import { PASSWORD } from '../../server/test/fixtures.js'
import { Client } from '../../server/test/server.js'
import { contextAt, journey, loginThroughPage } from './harness.js'

/**
 * A guardian whose language is Vietnamese meets the server's refusals in Vietnamese: a wrong
 * password, a withdraw of a report already withdrawn elsewhere, a wrong current password on the
 * account page (whose words come down from the guardian page), a wrong registration code, and
 * the registration form's field errors.
 */

const e2e = journey()

describe('the guardian pages in Vietnamese', () => {
  it('show the server’s refusals in Vietnamese, and the account page too', async () => {
    const s = e2e.server.school
    const guardian = await new Client(e2e.server).login(s.login.tanaka)
    expect((await guardian.request('PUT', '/api/guardian/settings/language', { language: 'vi' })).status).toBe(200)
    const [reason] = await e2e.server.db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} and label = '発熱'`
    const created = await guardian.post('/api/guardian/reports', {
      idempotencyKey: 'language-e2e-vi-0001', pupilIds: [s.pupils.hanako], kind: 'absent', fromDate: '2026-12-01', toDate: '2026-12-01', reasonId: reason!.id,
    })
    expect(created.status).toBe(201)

    const context = await contextAt(e2e.browser, { locale: 'vi-VN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    // No live updates: the page keeps showing the report as it was when it loaded.
    await context.route('**/socket.io/**', (route) => route.abort())
    const page = await context.newPage()
    await page.goto(e2e.server.url + '/guardian/')
    await loginThroughPage(page, s.login.tanaka, 'not-the-password')
    await page.locator('asg-login [role="alert"]').getByText(VI.error_LOGIN_FAILED).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi')

    await loginThroughPage(page, s.login.tanaka, PASSWORD)
    const card = page.locator('asg-report-list li.card').first()
    await card.waitFor()
    // Withdrawn meanwhile from another device: the page still offers to withdraw it.
    const reportId = created.body.reports[0].id as number
    expect((await guardian.post(`/api/guardian/reports/${reportId}/withdraw`)).status).toBe(200)
    await card.locator('button.withdraw').click()
    await card.getByRole('button', { name: VI.withdrawYes, exact: true }).click()
    await page.locator('asg-report-list [role="alert"]').getByText(VI.error_ALREADY_WITHDRAWN).waitFor()
    await page.screenshot({ path: 'docs/screenshots/guardian-vi-refusal.png', fullPage: true })

    await page.goto(e2e.server.url + '/join/#account')
    await page.locator('asg-account h2').getByText(VI.accountPasswordHeading).waitFor()
    await page.locator('asg-account input[name="current"]').fill('not-the-password')
    await page.locator('asg-account input[name="next"]').fill('a-new-password-1')
    await page.locator('asg-account button[type="submit"]').click()
    await page.locator('asg-account [role="alert"]').getByText(VI.error_PASSWORD_WRONG).waitFor()
    await page.screenshot({ path: 'docs/screenshots/guardian-vi-account.png', fullPage: true })
    await context.close()
  })

  it('refuses a wrong registration code on /join/ in Vietnamese', async () => {
    const context = await contextAt(e2e.browser, { locale: 'vi-VN' })
    const page = await context.newPage()
    await page.goto(e2e.server.url + '/join/')
    await page.locator('asg-join-app input').first().fill('ABCD-EFGH-XYZ')
    await page.locator('asg-join-app button[type="submit"]').first().click()
    await page.locator('asg-join-app [role="alert"]').getByText(VI.error_CODE_INVALID).waitFor()
    await context.close()
  })

  it('says what is wrong with each /join/ field in Vietnamese', async () => {
    const admin = await new Client(e2e.server).login(e2e.server.school.login.admin)
    const letters = await admin.post('/api/admin/registration/letters', { pupilIds: [e2e.server.school.pupils.hanako] })
    expect(letters.status).toBe(200)
    const context = await contextAt(e2e.browser, { locale: 'vi-VN', viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    await page.goto(`${e2e.server.url}/join/?code=${encodeURIComponent(letters.body.letters[0].code)}`)
    await page.locator('asg-join-app input#familyName').fill('Trần')
    await page.locator('asg-join-app input#givenName').fill('An')
    await page.locator('asg-join-app input#loginId').fill('ab')
    await page.locator('asg-join-app input#password').fill('short')
    await page.getByRole('button', { name: VI.joinRegister, exact: true }).click()
    await page.locator('asg-join-app #loginId-error').getByText(VI.fieldLoginId).waitFor()
    await page.locator('asg-join-app #password-error').getByText(VI.fieldPassword).waitFor()
    await page.screenshot({ path: 'docs/screenshots/guardian-vi-join-fields.png', fullPage: true })
    await context.close()
  })
})
