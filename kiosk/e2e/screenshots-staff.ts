import { join } from 'node:path'
import { DEMO_PASSWORD } from '../../server/seed/demo.js'
import { Client } from '../../server/test/server.js'
import { seedBoardLoad } from './boardLoad.js'
import { demoServer, screenshotSession, SCREENSHOTS_DIR } from './demoServer.js'
import { contextAt, loginThroughPage } from './harness.js'

/**
 * `npm run screenshots:staff`: the staff pages' first-week fixes with the demo school on a
 * Monday at 8:20: the teacher's phone (reports before the roll), the roll at 1366×768 (full
 * names), the header menu, the admin list of paired displays, and a board in four columns
 * whose entries' second lines wrap. Writes docs/screenshots/staff-*.png and board-1920x1080-4columns.png.
 */
const AT = '2026-11-30T08:20:00+09:00'
const OUT = SCREENSHOTS_DIR

await screenshotSession(() => demoServer(AT), async ({ url, db }, browser) => {
  // A flu morning with low badge thresholds: many entries carry reason, 連続, 累計 and ✓確認済.
  const load = await seedBoardLoad(db.sql, { today: '2026-11-30', nowIso: AT, entries: 24, settings: { consecutiveAbsenceBadge: 2, cumulativeAbsenceBadges: [2, 4] } })

  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
  const teacherCtx = await contextAt(browser, phone)
  await teacherCtx.clock.setSystemTime(new Date(AT))
  const teacher = await teacherCtx.newPage()
  await teacher.goto(url + '/teacher/')
  await loginThroughPage(teacher, 't-1-1', DEMO_PASSWORD)
  await teacher.getByText('接続中').first().waitFor()
  await teacher.locator('asg-roll-call li').first().waitFor()
  await teacher.waitForTimeout(1000)
  await teacher.screenshot({ path: join(OUT, 'teacher-phone.png'), fullPage: true })
  await teacher.screenshot({ path: join(OUT, 'staff-teacher-phone-top.png') })
  await teacher.locator('asg-staff-menu').getByRole('button', { name: /メニュー/ }).click()
  await teacher.waitForTimeout(300)
  await teacher.screenshot({ path: join(OUT, 'staff-menu-phone.png') })

  const pcCtx = await contextAt(browser, { viewport: { width: 1366, height: 768 } })
  await pcCtx.clock.setSystemTime(new Date(AT))
  const pc = await pcCtx.newPage()
  await pc.goto(url + '/teacher/')
  await loginThroughPage(pc, 't-1-1', DEMO_PASSWORD)
  await pc.locator('asg-roll-call li').first().waitFor()
  await pc.locator('asg-roll-call').scrollIntoViewIfNeeded()
  await pc.waitForTimeout(800)
  await pc.screenshot({ path: join(OUT, 'staff-roll-1366x768.png') })

  // The admin pairs a second display (保健室) beside the staff room's.
  const admin = await new Client({ url }).login('admin', DEMO_PASSWORD)
  for (const name of ['職員室モニター', '保健室モニター']) {
    const created = await admin.post('/api/admin/board-devices', { name })
    const boardCtx = await contextAt(browser, { viewport: { width: 1280, height: 720 } })
    const board = await boardCtx.newPage()
    await board.goto(url + created.body.pairingPath)
    await board.getByText('接続中').waitFor()
    await boardCtx.close()
  }
  await admin.post('/api/admin/board-devices', { name: '校長室モニター' })
  const adminCtx = await contextAt(browser, { viewport: { width: 1366, height: 768 } })
  await adminCtx.clock.setSystemTime(new Date(AT))
  const adminPage = await adminCtx.newPage()
  await adminPage.goto(url + '/admin/')
  await loginThroughPage(adminPage, 'admin', DEMO_PASSWORD)
  await adminPage.getByRole('tab', { name: '表示端末' }).click()
  await adminPage.getByText('保健室モニター').waitFor()
  await adminPage.screenshot({ path: join(OUT, 'staff-admin-displays.png'), fullPage: true })
  await adminPage.locator('asg-staff-menu').getByRole('button', { name: /メニュー/ }).click()
  await adminPage.waitForTimeout(300)
  await adminPage.screenshot({ path: join(OUT, 'staff-menu-admin.png') })

  const boardCtx = await contextAt(browser, { viewport: { width: 1920, height: 1080 } })
  await boardCtx.clock.setSystemTime(new Date(AT))
  const board = await boardCtx.newPage()
  await board.goto(url + load.pairingPath)
  await board.getByText('接続中').waitFor()
  await board.waitForTimeout(2000)
  await board.screenshot({ path: join(OUT, 'board-1920x1080-4columns.png') })
})
