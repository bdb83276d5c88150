import { join } from 'node:path'
import type { SafetyStatus } from '../../shared/protocol/index.js'
import { silentLog } from '../../server/log.js'
import { readBuildInfo } from '../../server/pages/buildInfo.js'
import { answerSafety } from '../../server/safety/answer.js'
import { DEMO_PASSWORD } from '../../server/seed/demo.js'
import { Client } from '../../server/test/server.js'
import { demoServer, screenshotSession, SCREENSHOTS_DIR } from './demoServer.js'
import { contextAt, loginThroughPage } from './harness.js'

/**
 * `npm run screenshots:safety`: an earthquake during school hours at the demo school, Monday
 * 30 November 2026 at 10:20. The 教頭 starts the 安否確認 from the template; about two thirds
 * of the families answer (a few けが or 不明); the board in safety mode at 1920×1080 and
 * 3840×2160, a guardian answering for two children on a phone, and the staff page. Writes
 * docs/screenshots/safety-*.png.
 */
const AT = '2026-11-30T10:20:00+09:00'
const OUT = SCREENSHOTS_DIR

await screenshotSession(() => demoServer(AT), async ({ url, db, clock, publish }, browser) => {
  const staffCtx = await contextAt(browser, { viewport: { width: 1366, height: 900 } })
  await staffCtx.clock.setSystemTime(new Date(AT))
  const staff = await staffCtx.newPage()
  await staff.goto(url + '/safety/')
  await loginThroughPage(staff, 'kyoto', DEMO_PASSWORD)
  await staff.getByRole('button', { name: '地震', exact: true }).click()
  await staff.getByText('学校にいる(在校中)').waitFor()
  await staff.waitForTimeout(300)
  await staff.screenshot({ path: join(OUT, 'safety-start.png') })
  await staff.getByRole('button', { name: '全校の保護者に送信' }).click()
  await staff.locator('asg-safety-tally').waitFor()

  // Families answer through the server's own command, as their pages would; hogosha1 is left to answer on screen.
  const [latest] = await db.sql<{ id: number }[]>`select id from safety_confirmation order by id desc limit 1`
  const id = latest!.id
  const families = await db.sql<{ guardianId: number; name: string; loginId: string; pupilIds: number[] }[]>`
    select g.id as guardian_id, g.family_name || ' ' || g.given_name as name, g.login_id, array_agg(gp.pupil_id order by gp.pupil_id) as pupil_ids
    from guardian g join guardian_pupil gp on gp.guardian_id = g.id join safety_target t on t.pupil_id = gp.pupil_id and t.confirmation_id = ${id}
    group by g.id order by g.id`
  const deps = { sql: db.sql, dbMode: db.mode, clock, log: silentLog, publish, buildId: readBuildInfo()!.buildId, version: 'screenshots' }
  const answered = new Set<number>()
  let n = 0
  for (const f of families) {
    n++
    if (f.loginId === 'hogosha1' || f.pupilIds.some((p) => answered.has(p)) || n % 3 === 0) continue
    const status: SafetyStatus = n % 29 === 0 ? 'injured' : n % 41 === 0 ? 'unknown' : n % 23 === 0 ? 'other' : 'safe'
    const who = { kind: 'guardian' as const, guardianId: f.guardianId, name: f.name, sessionHash: '', pupilIds: f.pupilIds }
    const answers = f.pupilIds.map((pupilId) => ({
      pupilId, status, whereabouts: null, pickup: n % 5 === 0 ? ('wait_at_school' as const) : ('parent' as const), pickupTime: n % 5 === 0 ? null : '15:00',
      note: status === 'injured' ? '自宅で家族がけがをしました' : '',
    }))
    await answerSafety(deps, who, id, { answers })
    for (const p of f.pupilIds) answered.add(p)
  }

  const admin = await new Client({ url }).login('admin', DEMO_PASSWORD)
  const created = await admin.post('/api/admin/board-devices', { name: '職員室モニター' })
  let state: Awaited<ReturnType<import('playwright-core').BrowserContext['storageState']>> | undefined
  for (const [width, height] of [[1920, 1080], [3840, 2160]] as const) {
    const ctx = await contextAt(browser, { viewport: { width, height }, storageState: state })
    await ctx.clock.setSystemTime(new Date(AT))
    const board = await ctx.newPage()
    await board.goto(url + (state ? '/board/' : created.body.pairingPath))
    await board.locator('asg-board-safety-class').first().waitFor()
    state ??= await ctx.storageState()
    await board.waitForTimeout(1500)
    await board.screenshot({ path: join(OUT, `safety-board-${width}x${height}.png`) })
    await ctx.close()
  }

  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
  const guardianCtx = await contextAt(browser, phone)
  await guardianCtx.clock.setSystemTime(new Date(AT))
  const guardian = await guardianCtx.newPage()
  await guardian.goto(url + '/guardian/')
  await loginThroughPage(guardian, 'hogosha1', DEMO_PASSWORD)
  const card = guardian.locator('asg-guardian-safety')
  await card.locator('label.tile', { hasText: '無事' }).waitFor()
  await guardian.waitForTimeout(500)
  await guardian.screenshot({ path: join(OUT, 'safety-guardian.png') })
  await card.locator('label.tile', { hasText: '無事' }).click()
  await card.locator('label.tile', { hasText: '保護者が迎えに行きます' }).click()
  await card.locator('input[type="time"]').fill('15:30')
  await card.getByRole('button', { name: '回答を送る' }).click()
  await card.getByText('回答を受け付けました。').waitFor()
  await guardian.evaluate(() => window.scrollTo(0, 0))
  await guardian.waitForTimeout(300)
  await guardian.screenshot({ path: join(OUT, 'safety-guardian-answered.png') })

  await staff.reload()
  await staff.locator('asg-safety-rows.unanswered li').first().waitFor()
  await staff.locator('asg-safety-tally button').nth(1).click()
  await staff.waitForTimeout(800)
  await staff.screenshot({ path: join(OUT, 'safety-staff.png') })
  console.log(`safety screenshots written to ${OUT}`)
})
