import { join } from 'node:path'
import { DEMO_PASSWORD } from '../../server/seed/demo.js'
import { seedBoardLoad } from './boardLoad.js'
import { demoServer, screenshotSession, SCREENSHOTS_DIR } from './demoServer.js'
import { contextAt, loginThroughPage } from './harness.js'

/**
 * `npm run screenshots:english`: the staff pages in English with the demo school on a Monday at
 * 8:20 (an English browser, so the pages start in English): the teacher's roll at 1366×768, the
 * office view, the register, the administration page and the board at 1920×1080.
 * Writes docs/screenshots/english-*.png.
 */
const AT = '2026-11-30T08:20:00+09:00'
const OUT = SCREENSHOTS_DIR

await screenshotSession(() => demoServer(AT), async ({ url, db }, browser) => {
  const load = await seedBoardLoad(db.sql, { today: '2026-11-30', nowIso: AT, entries: 16, settings: { consecutiveAbsenceBadge: 2, cumulativeAbsenceBadges: [2, 4] } })
  const pc = { locale: 'en-US', viewport: { width: 1366, height: 768 } }

  const shoot = async (path: string, loginId: string, file: string, ready: string) => {
    const context = await contextAt(browser, pc)
    await context.clock.setSystemTime(new Date(AT))
    const page = await context.newPage()
    await page.goto(url + path)
    await loginThroughPage(page, loginId, DEMO_PASSWORD)
    await page.locator(ready).first().waitFor()
    await page.waitForTimeout(1200)
    await page.screenshot({ path: join(OUT, file) })
    await context.close()
  }
  await shoot('/teacher/', 't-1-1', 'english-teacher-1366x768.png', 'asg-roll-call li')
  await shoot('/teacher/#all', 'kyoto', 'english-office-1366x768.png', 'asg-staff-menu')
  await shoot('/register/', 'kyoto', 'english-register-1366x768.png', 'asg-register-grid')
  await shoot('/admin/', 'admin', 'english-admin-1366x768.png', 'asg-staff-menu')

  const boardCtx = await contextAt(browser, { locale: 'en-US', viewport: { width: 1920, height: 1080 } })
  await boardCtx.clock.setSystemTime(new Date(AT))
  const board = await boardCtx.newPage()
  // An English browser: the board speaks English without ?lang=en.
  await board.goto(url + load.pairingPath)
  await board.getByText('Connected').first().waitFor()
  await board.waitForTimeout(2000)
  await board.screenshot({ path: join(OUT, 'english-board-1920x1080.png') })
})
