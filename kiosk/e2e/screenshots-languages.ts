import { join } from 'node:path'
import { GUARDIAN_LANGUAGES } from '../../shared/i18n/languages.js'
import { PASSWORD } from '../../server/test/fixtures.js'
import { Client } from '../../server/test/server.js'
import { screenshotSession, SCREENSHOTS_DIR } from './demoServer.js'
import { contextAt, loginThroughPage, startE2EServer } from './harness.js'

/**
 * `npm run screenshots:languages`: the guardian form in each of its languages on a phone
 * (390×844), a guardian of the test school with two children, one chosen, 欠席 and 今日
 * picked. Writes docs/screenshots/guardian-form-<language>.png.
 */
await screenshotSession(() => startE2EServer(), async (server, browser) => {
  const account = await new Client(server).login(server.school.login.suzuki, PASSWORD)
  const context = await contextAt(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  await page.goto(server.url + '/guardian/')
  await loginThroughPage(page, server.school.login.suzuki, PASSWORD)
  await page.locator('asg-report-form fieldset[data-field="children"]').waitFor()
  for (const language of GUARDIAN_LANGUAGES) {
    const res = await account.request('PUT', '/api/guardian/settings/language', { language })
    if (res.status !== 200) throw new Error(`language ${language}: ${JSON.stringify(res.body)}`)
    await page.reload()
    await page.locator('asg-report-form fieldset[data-field="children"] label').first().click()
    await page.locator('asg-report-form fieldset[data-field="kind"] label').first().click()
    await page.locator('asg-report-form fieldset[data-field="day"] label').first().click()
    await page.evaluate(() => window.scrollTo(0, 0))
    const file = join(SCREENSHOTS_DIR, `guardian-form-${language}.png`)
    await page.screenshot({ path: file })
    console.log(file)
  }
})
