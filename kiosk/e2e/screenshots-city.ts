import { join } from 'node:path'
import { hashPassword } from '../../server/auth/password.js'
import { CITY_ADMIN_LOGIN, seedCity } from '../../server/seed/city.js'
import { DEMO_PASSWORD } from '../../server/seed/demo.js'
import { demoServer, screenshotSession, SCREENSHOTS_DIR } from './demoServer.js'
import { contextAt, loginThroughPage } from './harness.js'

/**
 * `npm run screenshots:city`: the board of education's page at 1920×1080 over the 50-school
 * demo city (`npm run seed -- --city 50`) at 9:40 on a Wednesday of a flu wave, after the rolls.
 * Writes docs/screenshots/city-day.png.
 */
const AT = '2026-12-02T09:40:00+09:00'
await screenshotSession(() => demoServer(AT, { demo: false }), async ({ url, db, clock }, browser) => {
  const started = Date.now()
  await seedCity(db.sql, { schools: 50, nowMs: clock.now(), passwordHash: await hashPassword(DEMO_PASSWORD) })
  console.log(`seeded 50 schools in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  const context = await contextAt(browser, { viewport: { width: 1920, height: 1080 } })
  await context.clock.setSystemTime(new Date(AT))
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('page error:', err.message))
  await page.goto(url + '/city/')
  await loginThroughPage(page, CITY_ADMIN_LOGIN, DEMO_PASSWORD)
  await page.locator('asg-city-school-table table tbody tr').first().waitFor({ timeout: 120_000 })
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'city-day.png') })
})
