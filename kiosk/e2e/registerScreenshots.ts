import { join } from 'node:path'
import { schoolDaysOf } from '../../server/register/counts.js'
import { DEMO_PASSWORD } from '../../server/seed/demo.js'
import { contextAt, loginThroughPage } from './harness.js'
import { demoServer, screenshotSession, SCREENSHOTS_DIR } from './demoServer.js'

/**
 * `npm run screenshots:register`: the register (出席簿), the guidance view (生徒指導) and the
 * calendar of the demo school, on Monday 30 November 2026 after school. The demo history
 * covers four weeks; a few pupils get absences earlier in the year (written here) so the
 * cumulative badges and the threshold list have something to show.
 */
const AT = '2026-11-30T16:00:00+09:00'
const OUT = SCREENSHOTS_DIR

await screenshotSession(() => demoServer(AT), async ({ url, db }, browser) => {
  const [school] = await db.sql<{ id: number }[]>`select id from school order by id limit 1`
  const schoolId = school!.id
  const pupils = await db.sql<{ pupilId: number }[]>`
    select m.pupil_id from class_membership m join school_class c on c.id = m.class_id
    where c.school_id = ${schoolId} and c.grade = 1 and c.name = '1組' order by m.attendance_number limit 3`
  const [absent] = await db.sql<{ id: number }[]>`select id from attendance_code where school_id = ${schoolId} and code = 'absent_other'`
  const days = await schoolDaysOf(db.sql, schoolId, '2026-06-01', '2026-10-30')
  for (const [i, p] of pupils.entries()) {
    const n = [28, 17, 8][i]!
    const mine = days.filter((_, k) => k % 4 === i).slice(0, n)
    await db.sql`insert into attendance_log ${db.sql(mine.map((date) => ({ schoolId, seq: 0, pupilId: p.pupilId, date, codeId: absent!.id, source: 'teacher', note: '' })))}`
  }
  await db.sql`insert into class_closure (school_id, school_year_id, grade, from_date, to_date, label)
    select ${schoolId}, id, 2, '2026-11-12', '2026-11-13', 'インフルエンザ' from school_year where school_id = ${schoolId}`
  await db.sql`insert into calendar_event (school_id, from_date, to_date, title) values (${schoolId}, '2026-12-04', '2026-12-04', '音楽会'), (${schoolId}, '2026-12-24', '2026-12-24', '終業式')`
  // The demo's winter break (from its calendar template) starts on 12/26; this school starts it a day earlier.
  await db.sql`insert into calendar_day (school_id, date, kind, label) values (${schoolId}, '2026-12-25', 'closed', '冬休み')`

  const ctx = await contextAt(browser, { viewport: { width: 1600, height: 1000 } })
  await ctx.clock.setSystemTime(new Date(AT))
  const page = await ctx.newPage()
  await page.goto(url + '/register/')
  await loginThroughPage(page, 'kyoto', DEMO_PASSWORD)
  await page.locator('asg-register-grid table').waitFor()
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(OUT, 'register-month.png'), fullPage: true })
  // 出席停止 ending on the last day before 冬季休業: the return day is the first school day after it.
  await page.getByRole('button', { name: '出席停止の計算' }).click()
  const calc = page.locator('asg-suspension-calculator')
  await calc.getByLabel('病名').selectOption('influenza')
  await calc.getByLabel('発症日').fill('2026-12-19')
  await calc.getByLabel('解熱した日').fill('2026-12-21')
  await calc.getByRole('button', { name: '期間を計算' }).click()
  await calc.locator('.plan dl').waitFor()
  await calc.screenshot({ path: join(OUT, 'register-suspension.png') })
  await page.getByRole('button', { name: '出席停止の計算' }).click()
  await page.locator('asg-register-grid td.day.absent button').first().click()
  await page.locator('asg-mark-history table').waitFor()
  await page.screenshot({ path: join(OUT, 'register-history.png') })
  await page.emulateMedia({ media: 'print' })
  await page.pdf({ path: join(OUT, 'register-print-a4-landscape.pdf'), format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true })
  await page.emulateMedia({ media: 'screen' })

  await page.goto(url + '/guidance/')
  await page.locator('asg-guidance-app table').waitFor()
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(OUT, 'guidance-view.png') })

  await page.goto(url + '/calendar/')
  await page.locator('asg-calendar-month').waitFor()
  await page.getByRole('button', { name: '次の月' }).click()
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(OUT, 'calendar-editor.png') })
  console.log(`screenshots written to ${OUT}`)
})
