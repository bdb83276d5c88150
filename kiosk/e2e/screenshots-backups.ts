import { copyFileSync, mkdtempSync, rmSync, utimesSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { backupIfDue } from '../../server/backup/nightly.js'
import { createApp } from '../../server/app.js'
import { ManualClock } from '../../server/clock.js'
import { silentLog } from '../../server/log.js'
import { PAGES_DIR, readBuildInfo } from '../../server/pages/buildInfo.js'
import { DEMO_PASSWORD } from '../../server/seed/demo.js'
import { openDemo, SCREENSHOTS_DIR } from './demoServer.js'
import { contextAt, launchChromium, loginThroughPage } from './harness.js'

/**
 * `npm run screenshots:backups`: the admin page's backup list at 1366×768, over real nightly
 * backups of the demo school taken on five mornings and one copied by hand before an upgrade.
 * Writes docs/screenshots/admin-backups.png.
 */
const AT = '2026-12-02T08:10:00+09:00'
const { db, clock } = await openDemo(AT)
const dataDir = mkdtempSync(join(tmpdir(), 'asagao-backups-shot-'))
const dir = join(dataDir, 'backups')
try {
  for (let day = 5; day >= 1; day--) {
    const at = Date.parse('2026-12-02T02:30:00+09:00') - day * 86_400_000
    const file = await backupIfDue({ sql: db.sql, dir, keep: 14, clock: new ManualClock(at), log: silentLog })
    if (day === 2 && file) {
      // Taken by hand the evening before an upgrade.
      const manual = join(dir, 'before-upgrade.backup.gz')
      copyFileSync(file, manual)
      utimesSync(manual, new Date(at + 16 * 3_600_000), new Date(at + 16 * 3_600_000))
    }
  }
  const app = createApp(
    { sql: db.sql, dbMode: 'embedded', clock, log: silentLog, buildId: readBuildInfo()!.buildId, version: 'screenshots', dataDir },
    { allowedOrigins: [], secureCookies: false, pagesDir: PAGES_DIR },
  )
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`
  const browser = await launchChromium()
  try {
    const context = await contextAt(browser, { viewport: { width: 1366, height: 768 } })
    await context.clock.setSystemTime(new Date(AT))
    const page = await context.newPage()
    await page.goto(url + '/admin/#backups')
    await loginThroughPage(page, 'admin', DEMO_PASSWORD)
    await page.locator('asg-admin-backups table tbody tr').first().waitFor()
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'admin-backups.png') })
  } finally {
    await browser.close()
    app.io.close()
  }
} finally {
  await db.close()
  rmSync(dataDir, { recursive: true, force: true })
}
