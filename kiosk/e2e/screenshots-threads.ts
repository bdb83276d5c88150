import { join } from 'node:path'
import { DEMO_PASSWORD } from '../../server/seed/demo.js'
import { Client } from '../../server/test/server.js'
import { contextAt, loginThroughPage } from './harness.js'
import { demoServer, screenshotSession, SCREENSHOTS_DIR } from './demoServer.js'

/**
 * `npm run screenshots:threads`: two reports for one pupil-day in the demo school, Monday
 * 7:50. A 欠席 with fever, acknowledged; then the guardian's form asks whether an 早退 changes
 * it; the teacher's thread and the board's 確認後に変更. Writes docs/screenshots/
 * guardian-form-existing.png, teacher-thread.png and board-changed-after-ack.png.
 */
const AT = '2026-11-30T07:50:00+09:00'
const TODAY = '2026-11-30'

await screenshotSession(() => demoServer(AT), async ({ url, db }, browser) => {
  const [child] = await db.sql<{ pupilId: number; name: string; teacherLogin: string }[]>`
    select p.id as pupil_id, p.family_name || ' ' || p.given_name as name, s.login_id as teacher_login
    from guardian g join guardian_pupil gp on gp.guardian_id = g.id join pupil p on p.id = gp.pupil_id
    join class_membership m on m.pupil_id = p.id join homeroom_assignment h on h.class_id = m.class_id join staff s on s.id = h.staff_id
    where g.login_id = 'hogosha1'
      and not exists (select 1 from guardian_report_day d where d.pupil_id = p.id and d.date = ${TODAY})
    order by p.id limit 1`
  if (!child) throw new Error('the demo guardian has no child without a report today')
  const [fever] = await db.sql<{ id: number }[]>`select r.id from school_reason r join pupil p on p.school_id = r.school_id where p.id = ${child.pupilId} and r.label = '発熱'`
  const server = { url }
  const guardianApi = await new Client(server).login('hogosha1', DEMO_PASSWORD)
  const first = await guardianApi.post('/api/guardian/reports', {
    idempotencyKey: 'screenshot-thread-first', pupilIds: [child.pupilId], kind: 'absent', fromDate: TODAY, toDate: TODAY,
    reasonId: fever!.id, symptoms: ['せき'], temperature: 38.4, message: '朝から熱があります。様子を見て、下がれば午後から登校させます。',
  })
  if (first.status !== 201) throw new Error(`first report: ${JSON.stringify(first.body)}`)
  const teacherSocket = await (await new Client(server).login(child.teacherLogin, DEMO_PASSWORD)).socket()
  await teacherSocket.emitWithAck('report:acknowledge', { reportId: first.body.reports[0].id })
  teacherSocket.disconnect()

  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
  const guardianCtx = await contextAt(browser, phone)
  await guardianCtx.clock.setSystemTime(new Date(AT))
  const guardian = await guardianCtx.newPage()
  await guardian.goto(url + '/guardian/')
  await loginThroughPage(guardian, 'hogosha1', DEMO_PASSWORD)
  await guardian.getByText(child.name).first().click()
  await guardian.locator('label', { hasText: '早退' }).first().click()
  await guardian.locator('label', { hasText: '今日' }).first().click()
  await guardian.locator('asg-report-form input[type="time"]').fill('13:00')
  const question = guardian.locator('fieldset[data-field="mode"]')
  await question.locator('label', { hasText: '前の連絡を変更する' }).click()
  await question.evaluate((el) => el.scrollIntoView({ block: 'center' }))
  await guardian.screenshot({ path: join(SCREENSHOTS_DIR, 'guardian-form-existing.png') })
  await guardian.locator('label', { hasText: '通院' }).first().click()
  await guardian.getByRole('button', { name: '確認へ進む' }).click()
  await guardian.getByRole('button', { name: 'この内容で送信する' }).click()
  await guardian.getByText('受付番号').waitFor()

  const teacherCtx = await contextAt(browser, { viewport: { width: 1280, height: 900 } })
  await teacherCtx.clock.setSystemTime(new Date(AT))
  const teacher = await teacherCtx.newPage()
  await teacher.goto(url + '/teacher/')
  await loginThroughPage(teacher, child.teacherLogin, DEMO_PASSWORD)
  const row = teacher.locator('asg-class-day li[data-pupil]', { hasText: child.name })
  await row.locator('asg-report-thread li').nth(1).waitFor()
  await row.evaluate((el) => el.scrollIntoView({ block: 'center' }))
  await teacher.waitForTimeout(300)
  await teacher.screenshot({ path: join(SCREENSHOTS_DIR, 'teacher-thread.png') })

  const admin = await new Client(server).login('admin', DEMO_PASSWORD)
  const created = await admin.post('/api/admin/board-devices', { name: '職員室モニター' })
  const boardCtx = await contextAt(browser, { viewport: { width: 1920, height: 1080 } })
  await boardCtx.clock.setSystemTime(new Date(AT))
  const board = await boardCtx.newPage()
  await board.goto(url + created.body.pairingPath)
  await board.locator('asg-board-entry', { hasText: child.name }).getByText('確認後に変更').waitFor()
  await board.waitForTimeout(500)
  await board.screenshot({ path: join(SCREENSHOTS_DIR, 'board-changed-after-ack.png') })
})
