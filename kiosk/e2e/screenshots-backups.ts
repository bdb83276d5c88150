import { copyFileSync, mkdtempSync, rmSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { backupIfDue } from '../../server/backup/nightly.js'
import { ManualClock } from '../../server/clock.js'
import { silentLog } from '../../server/log.js'
import { DEMO_PASSWORD } from '../../server/seed/demo.js'
import { demoServer, screenshotSession, SCREENSHOTS_DIR } from './demoServer.js'
import { contextAt, loginThroughPage } from './harness.js'

/**
 * `npm run screenshots:backups`: the admin page's backup list at 1366×768, over real nightly
 * backups of the demo school taken on five mornings and one copied by hand before an upgrade.
 * Writes docs/screenshots/admin-backups.png.
 */
const AT = '2026-12-02T08:10:00+09:00'
const dataDir = mkdtempSync(join(tmpdir(), 'asagao-backups-shot-'))
const dir = join(dataDir, 'backups')
try {
  await screenshotSession(() => demoServer(AT, { deps: { dataDir } }), async ({ url, db }, browser) => {
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
    const context = await contextAt(browser, { viewport: { width: 1366, height: 768 } })
    await context.clock.setSystemTime(new Date(AT))
    const page = await context.newPage()
    await page.goto(url + '/admin/#backups')
    await loginThroughPage(page, 'admin', DEMO_PASSWORD)
    await page.locator('asg-admin-backups table tbody tr').first().waitFor()
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'admin-backups.png') })
  })
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}
