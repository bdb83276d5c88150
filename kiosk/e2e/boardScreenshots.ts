import { join } from 'node:path'
import { seedBoardLoad } from './boardLoad.js'
import { demoServer, screenshotSession, SCREENSHOTS_DIR } from './demoServer.js'
import { contextAt } from './harness.js'

/**
 * `npm run screenshots:board`: the board at 1920×1080, 3840×2160 and 1366×768 with 0, 10 and
 * 70 pupils on it (a quiet day, a normal day, flu season; 150 to show paging) on Monday 30 November 2026 at 8:20,
 * and once after the roll-call time (未点呼 marks). Writes docs/screenshots/board-<size>-<n>.png.
 */
const AT = '2026-11-30T08:20:00+09:00'
const AFTER_ROLL_CALL = '2026-11-30T08:40:00+09:00'
const OUT = SCREENSHOTS_DIR
const SIZES = [[1920, 1080], [3840, 2160], [1366, 768]] as const
const LOADS = [0, 10, 70, 150]

await screenshotSession(() => demoServer(AT, { demo: false }), async ({ url, db }, browser) => {
  const schools = new Map<number, string>()
  for (const n of LOADS) schools.set(n, (await seedBoardLoad(db.sql, { today: '2026-11-30', nowIso: AT, entries: n })).pairingPath)
  for (const n of LOADS) {
    // The pairing code is single use: pair once, then open the other sizes with the board's cookie.
    let state: Awaited<ReturnType<import('playwright-core').BrowserContext['storageState']>> | undefined
    for (const [width, height] of SIZES) {
      const ctx = await contextAt(browser, { viewport: { width, height }, storageState: state })
      await ctx.clock.setSystemTime(new Date(AT))
      const page = await ctx.newPage()
      await page.goto(url + (state ? '/board/' : schools.get(n)!))
      await page.getByText('接続中').waitFor()
      state ??= await ctx.storageState()
      await page.waitForTimeout(1500)
      await page.screenshot({ path: join(OUT, `board-${width}x${height}-${n}.png`) })
      if (n === 10 && width === 1920) {
        await ctx.clock.setSystemTime(new Date(AFTER_ROLL_CALL))
        await page.getByText('未点呼').first().waitFor()
        await page.screenshot({ path: join(OUT, `board-${width}x${height}-${n}-after-roll-call.png`) })
      }
      await ctx.close()
    }
  }
  console.log(`board screenshots written to ${OUT}`)
})
