import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../server/app.js'
import { ShiftedClock } from '../../server/clock.js'
import { connectEmbedded } from '../../server/db/embedded.js'
import { freshPostgresDatabase } from '../../server/test/db.js'
import { migrate } from '../../server/db/migrate.js'
import type { Database } from '../../server/db/types.js'
import { silentLog } from '../../server/log.js'
import { PAGES_DIR, readBuildInfo } from '../../server/pages/buildInfo.js'
import { seedBoardLoad } from './boardLoad.js'
import { contextAt, launchChromium } from './harness.js'

/** Every entry of the board, at every size and load, shows all its text: nothing cut at the foot of a column or inside an entry. */

const AT = '2026-11-30T08:20:00+09:00'
const LOADS = [13, 24, 40, 70]
const SIZES = [[1920, 1080], [3840, 2160]] as const

let db: Database
let app: App
let url: string
let browser: Browser
const pairing = new Map<number, string>()

beforeAll(async () => {
  db = process.env.DATABASE_URL ? await freshPostgresDatabase(process.env.DATABASE_URL) : await connectEmbedded()
  await migrate(db.sql)
  // Low badge thresholds give many entries a long second line (reason, 連続, 累計, ✓確認済), which wraps in narrow columns.
  const settings = { consecutiveAbsenceBadge: 2, cumulativeAbsenceBadges: [2, 4] }
  for (const n of LOADS) pairing.set(n, (await seedBoardLoad(db.sql, { today: '2026-11-30', nowIso: AT, entries: n, settings })).pairingPath)
  app = createApp(
    { sql: db.sql, dbMode: db.mode, clock: new ShiftedClock(AT), log: silentLog, buildId: readBuildInfo()?.buildId ?? 'unbuilt', version: 'e2e' },
    { allowedOrigins: [], secureCookies: false, pagesDir: PAGES_DIR },
  )
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  app?.io.disconnectSockets(true)
  await new Promise<void>((resolve) => (app ? app.io.close(() => resolve()) : resolve()))
  await db?.close()
})

interface Seen {
  columns: number
  entries: number
  /** Entries whose text is cut, with what is cut. */
  clipped: string[]
}

/**
 * What the board shows on its current page: the column count, the entries, and every entry
 * whose text is cut — an entry reaching past its column or the window, a part of an entry
 * reaching past the entry, or any text box whose content is taller or wider than the box.
 */
function inspect(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const root = document.querySelector('asg-board-app')!.shadowRoot!
    const grid = root.querySelector<HTMLElement>('.grid')!
    const clipped: string[] = []
    let entries = 0
    for (const block of grid.querySelectorAll('asg-board-class')) {
      const column = block.parentElement!.getBoundingClientRect()
      for (const entry of block.shadowRoot!.querySelectorAll('asg-board-entry')) {
        entries++
        const box = entry.getBoundingClientRect()
        const name = entry.shadowRoot!.querySelector('.name')?.textContent ?? '?'
        if (box.bottom > column.bottom + 0.5 || box.bottom > window.innerHeight || box.right > window.innerWidth) clipped.push(`${name}: entry past its column or the window`)
        for (const el of entry.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
          const r = el.getBoundingClientRect()
          if (r.width === 0 && r.height === 0) continue
          const what = `${name}: ${el.className || el.tagName} 「${(el.textContent ?? '').trim()}」`
          if (r.bottom > box.bottom + 0.5 || r.right > box.right + 0.5) clipped.push(`${what} past the entry`)
          // A CJK font's content area is taller than a tight line-height without any ink being
          // cut, so a box counts as cut vertically only when a whole half line is hidden.
          const halfLine = parseFloat(getComputedStyle(el).fontSize) / 2
          if (el.scrollHeight > el.clientHeight + halfLine || el.scrollWidth > el.clientWidth + 1) clipped.push(`${what} cut inside its box`)
        }
      }
    }
    return { columns: getComputedStyle(grid).gridTemplateColumns.split(' ').length, entries, clipped }
  })
}

describe('the board fits every entry whole', () => {
  for (const n of LOADS) {
    it(`${n} entries at 1920×1080 and 3840×2160: no text cut`, async () => {
      let state: Awaited<ReturnType<BrowserContext['storageState']>> | undefined
      for (const [width, height] of SIZES) {
        const context = await contextAt(browser, { viewport: { width, height }, storageState: state })
        await context.clock.setSystemTime(new Date(AT))
        const page = await context.newPage()
        await page.goto(url + (state ? '/board/' : pairing.get(n)!))
        await page.getByText('接続中').waitFor()
        state ??= await context.storageState()
        // The fit settles once the entries are measured; then nothing may be cut.
        let seen: Seen = { columns: 0, entries: 0, clipped: ['not inspected'] }
        await expect
          .poll(async () => {
            seen = await inspect(page)
            return seen.entries > 0 && seen.clipped.length === 0
          }, { timeout: 8000, interval: 300 })
          .toBe(true)
          .catch(() => {
            throw new Error(`${n} entries at ${width}×${height} in ${seen.columns} columns: ${seen.clipped.join('; ')}`)
          })
        await context.close()
      }
    })
  }
})
