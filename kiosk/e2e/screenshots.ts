import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { build } from 'vite'
import { createApp } from '../../server/app.js'
import { ShiftedClock } from '../../server/clock.js'
import { connectEmbedded } from '../../server/db/embedded.js'
import { migrate } from '../../server/db/migrate.js'
import { silentLog } from '../../server/log.js'
import { PAGES_DIR, readBuildInfo, ROOT, sourceHash } from '../../server/pages/buildInfo.js'
import { DEMO_PASSWORD, renewDemoPairingCode, seedDemo } from '../../server/seed/demo.js'
import { contextAt, launchChromium, loginThroughPage } from './harness.js'

/**
 * `npm run screenshots`: the demo school on a Monday morning at 8:20, photographed the way
 * people see it. Writes docs/screenshots/*.png.
 */
const AT = '2026-11-30T08:20:00+09:00'
const OUT = join(ROOT, 'docs', 'screenshots')

if (readBuildInfo()?.buildId !== sourceHash()) await build({ configFile: join(ROOT, 'kiosk', 'vite.config.ts'), logLevel: 'warn' })
mkdirSync(OUT, { recursive: true })
const clock = new ShiftedClock(AT)
const db = await connectEmbedded()
await migrate(db.sql)
await seedDemo(db.sql, clock)
const pairing = (await renewDemoPairingCode(db.sql, clock))!
const app = createApp(
  { sql: db.sql, dbMode: db.mode, clock, log: silentLog, buildId: readBuildInfo()!.buildId, version: 'screenshots' },
  { allowedOrigins: [], secureCookies: false, pagesDir: PAGES_DIR },
)
await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve))
const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`
const browser = await launchChromium()
try {
  const boardCtx = await contextAt(browser, { viewport: { width: 1920, height: 1080 } })
  await boardCtx.clock.setSystemTime(new Date(AT))
  const board = await boardCtx.newPage()
  await board.goto(url + pairing.path)
  await board.getByText('接続中').waitFor()
  await board.waitForTimeout(7000) // let the "new" highlight fade
  await board.screenshot({ path: join(OUT, 'board-1920x1080.png') })

  const teacherCtx = await contextAt(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
  await teacherCtx.clock.setSystemTime(new Date(AT))
  const teacher = await teacherCtx.newPage()
  await teacher.goto(url + '/teacher/')
  await loginThroughPage(teacher, 't-1-1', DEMO_PASSWORD)
  await teacher.getByText('接続中').first().waitFor()
  await teacher.waitForTimeout(1500)
  await teacher.screenshot({ path: join(OUT, 'teacher-phone.png'), fullPage: true })

  const guardianCtx = await contextAt(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
  await guardianCtx.clock.setSystemTime(new Date(AT))
  const guardian = await guardianCtx.newPage()
  await guardian.goto(url + '/guardian/')
  await loginThroughPage(guardian, 'hogosha1', DEMO_PASSWORD)
  await guardian.getByText('どのお子さまですか').waitFor()
  await guardian.waitForTimeout(800)
  await guardian.screenshot({ path: join(OUT, 'guardian-phone.png') })
  console.log(`screenshots written to ${OUT}`)
} finally {
  await browser.close()
  app.io.close()
  await db.close()
}
