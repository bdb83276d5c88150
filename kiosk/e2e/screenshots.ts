import { join } from 'node:path'
import { DEMO_PASSWORD, renewDemoPairingCode } from '../../server/seed/demo.js'
import { contextAt, loginThroughPage } from './harness.js'
import { demoServer, screenshotSession, SCREENSHOTS_DIR } from './demoServer.js'

/**
 * `npm run screenshots`: the demo school on a Monday morning at 8:20, photographed the way
 * people see it. Writes docs/screenshots/*.png.
 */
const AT = '2026-11-30T08:20:00+09:00'
const OUT = SCREENSHOTS_DIR

await screenshotSession(() => demoServer(AT), async ({ url, db, clock }, browser) => {
  const pairing = (await renewDemoPairingCode(db.sql, clock))!

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
})
