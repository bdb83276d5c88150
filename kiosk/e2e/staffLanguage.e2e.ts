import { describe, expect, it } from 'vitest'
import { createCityAdmin, createOrganisation } from '../../server/data/organisations.js'
import { hashPassword } from '../../server/auth/password.js'
import { PASSWORD } from '../../server/test/fixtures.js'
import { contextAt, journey, loginThroughPage } from './harness.js'

/** The staff pages in English: chosen in the header menu, remembered on the account, undone the same way. */

const e2e = journey()

describe('the staff pages in English', () => {
  it('a teacher switches to English in the menu; another device follows the account at login; switching back restores Japanese', async () => {
    const context = await contextAt(e2e.browser, { viewport: { width: 1366, height: 768 } })
    const page = await context.newPage()
    await page.goto(e2e.server.url + '/teacher/')
    await loginThroughPage(page, e2e.server.school.login.teacher1, PASSWORD)
    const menu = page.locator('asg-staff-menu')
    await menu.getByRole('button', { name: 'メニュー ▾' }).click()
    await menu.getByRole('button', { name: 'Show the staff pages in English' }).click()
    await menu.getByRole('button', { name: 'Menu ▾' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await menu.getByRole('button', { name: 'Menu ▾' }).click()
    await menu.getByRole('link', { name: 'Attendance register' }).waitFor()
    expect(await menu.getByRole('link', { name: '出席簿' }).count()).toBe(0)
    const [row] = await e2e.server.db.sql<{ language: string | null }[]>`select language from staff where login_id = ${e2e.server.school.login.teacher1}`
    expect(row!.language).toBe('en')

    // A PC in the staff room, Japanese until this teacher logs in on it.
    const other = await contextAt(e2e.browser, { viewport: { width: 1366, height: 768 } })
    const pc = await other.newPage()
    await pc.goto(e2e.server.url + '/teacher/')
    await pc.locator('asg-login').getByRole('heading', { name: 'ログイン' }).waitFor()
    await loginThroughPage(pc, e2e.server.school.login.teacher1, PASSWORD)
    await pc.locator('asg-staff-menu').getByRole('button', { name: 'Menu ▾' }).waitFor()
    expect(await pc.evaluate(() => document.documentElement.lang)).toBe('en')

    await pc.locator('asg-staff-menu').getByRole('button', { name: 'Menu ▾' }).click()
    await pc.locator('asg-staff-menu').getByRole('button', { name: '教職員のページを日本語で表示する' }).click()
    await pc.locator('asg-staff-menu').getByRole('button', { name: 'メニュー ▾' }).waitFor()
    expect(await pc.evaluate(() => document.documentElement.lang)).toBe('ja')
    const [after] = await e2e.server.db.sql<{ language: string | null }[]>`select language from staff where login_id = ${e2e.server.school.login.teacher1}`
    expect(after!.language).toBe('ja')
    await context.close()
    await other.close()
  })

  it("a city administrator switches the city's view, which has no menu, with the same switch in its header", async () => {
    const sql = e2e.server.db.sql
    const city = await createOrganisation(sql, { kind: 'municipality', name: '言語市' })
    await createCityAdmin(sql, { organisationId: city, loginId: 'e2e-city-lang', passwordHash: await hashPassword(PASSWORD), familyName: '言語市', givenName: '教委' })
    const context = await contextAt(e2e.browser, { viewport: { width: 1920, height: 1080 } })
    const page = await context.newPage()
    await page.goto(e2e.server.url + '/city/')
    await loginThroughPage(page, 'e2e-city-lang', PASSWORD)
    await page.getByRole('button', { name: 'Show the staff pages in English' }).click()
    await page.getByRole('button', { name: '教職員のページを日本語で表示する' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    const [row] = await sql<{ language: string | null }[]>`select language from staff where login_id = 'e2e-city-lang'`
    expect(row!.language).toBe('en')
    await context.close()
  })
})
