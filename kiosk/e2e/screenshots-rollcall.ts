import { join } from 'node:path'
import { DEMO_PASSWORD } from '../../server/seed/demo.js'
import { contextAt, loginThroughPage } from './harness.js'
import { demoServer, screenshotSession, SCREENSHOTS_DIR } from './demoServer.js'

/**
 * `npm run screenshots:rollcall`: the demo school on a Monday at 8:33, just after the
 * roll-call time. 1年1組's teacher takes the roll on a phone; the vice-principal's lists on a
 * PC. Writes docs/screenshots/teacher-rollcall-*.png and office-*.png.
 */
const AT = '2026-11-30T08:33:00+09:00'
const OUT = SCREENSHOTS_DIR

await screenshotSession(() => demoServer(AT), async ({ url, db }, browser) => {
  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
  const teacherCtx = await contextAt(browser, phone)
  await teacherCtx.clock.setSystemTime(new Date(AT))
  const teacher = await teacherCtx.newPage()
  await teacher.goto(url + '/teacher/')
  await loginThroughPage(teacher, 't-1-1', DEMO_PASSWORD)
  await teacher.getByText('接続中').first().waitFor()
  const tiles = teacher.locator('asg-roll-call li button.tap')
  await tiles.first().waitFor()
  await teacher.screenshot({ path: join(OUT, 'teacher-rollcall-before.png') })
  // Two pupils are not in the room.
  for (const n of [3, 7]) {
    await tiles.nth(n).click()
    await teacher.locator(`asg-roll-call li.st-not_arrived`).nth(n === 3 ? 0 : 1).waitFor()
  }
  await teacher.screenshot({ path: join(OUT, 'teacher-rollcall-marked.png') })
  await teacher.locator('asg-roll-call .confirm button').click()
  await teacher.getByText('点呼済').first().waitFor()
  await teacher.locator('asg-roll-call li button.more').nth(3).click()
  await teacher.locator('asg-pupil-sheet li, asg-pupil-sheet .when').first().waitFor()
  await teacher.waitForTimeout(500)
  await teacher.screenshot({ path: join(OUT, 'teacher-rollcall-pupil.png') })

  const officeCtx = await contextAt(browser, { viewport: { width: 1280, height: 900 } })
  await officeCtx.clock.setSystemTime(new Date(AT))
  const office = await officeCtx.newPage()
  await office.goto(url + '/teacher/')
  await loginThroughPage(office, 'kyoto', DEMO_PASSWORD)
  await office.getByText('接続中').first().waitFor()
  await office.locator('asg-office-lists section').first().waitFor()
  await office.waitForTimeout(1000)
  await office.screenshot({ path: join(OUT, 'office-lists.png') })

  // The office sends the notices; one family answers 遅刻 9:30 on the phone; the other is to be phoned.
  await db.sql`update school set settings = settings || '{"callListAfterMinutes": 0}'::jsonb`
  await office.getByRole('button', { name: /名の保護者に送信/ }).click()
  await office.getByText(/名に送信しました/).waitFor()
  const [family] = await db.sql<{ loginId: string }[]>`
    select g.login_id from not_arrived_notice n join guardian_pupil gp on gp.pupil_id = n.pupil_id join guardian g on g.id = gp.guardian_id
    order by n.id limit 1`
  const guardianCtx = await contextAt(browser, phone)
  await guardianCtx.clock.setSystemTime(new Date(AT))
  const guardian = await guardianCtx.newPage()
  await guardian.goto(url + '/guardian/')
  await loginThroughPage(guardian, family!.loginId, DEMO_PASSWORD)
  const notice = guardian.locator('asg-guardian-notices section.notice').first()
  await notice.getByRole('button', { name: '遅刻します' }).click()
  await notice.locator('input[type="time"]').fill('09:30')
  await guardian.waitForTimeout(300)
  await guardian.screenshot({ path: join(OUT, 'guardian-notice.png') })
  await notice.getByRole('button', { name: '回答を送る' }).click()
  await guardian.getByText('回答済').first().waitFor()
  await office.locator('asg-office-notices section[aria-label="電話リスト"]').waitFor()
  await office.getByText('遅刻します 9:30').waitFor()
  await office.locator('asg-office-notices').scrollIntoViewIfNeeded()
  await office.waitForTimeout(500)
  await office.screenshot({ path: join(OUT, 'office-notices.png'), fullPage: true })
  console.log(`screenshots written to ${OUT}`)
})
