import { join } from 'node:path'
import { SURVEY_TEMPLATES } from '../../shared/domain/surveyTemplates.js'
import { DEMO_PASSWORD } from '../../server/seed/demo.js'
import { Client } from '../../server/test/server.js'
import { contextAt, loginThroughPage } from './harness.js'
import { demoServer, screenshotSession, SCREENSHOTS_DIR } from './demoServer.js'

/**
 * `npm run screenshots:surveys`: the demo school on Monday 10:00. The vice-principal has
 * published 行事の出欠 to the whole school and about two thirds of the families have answered.
 * Writes docs/screenshots/survey-builder.png and survey-results.png (1366×768) and
 * guardian-survey.png (390×844).
 */
const AT = '2026-11-30T10:00:00+09:00'

await screenshotSession(() => demoServer(AT), async ({ url, db }, browser) => {
  const vp = await new Client({ url }).login('kyoto', DEMO_PASSWORD)
  const event = SURVEY_TEMPLATES.find((t) => t.key === 'event')!.draft
  const created = await vp.post('/api/surveys', { ...event, title: '音楽会(12月12日)の出欠', description: '12月12日(土)の音楽会への出欠をお知らせください。', target: { kind: 'school' }, deadline: '2026-12-04T17:00:00+09:00', remindAt: '2026-12-03T07:00:00+09:00' })
  if (created.status !== 201) throw new Error(JSON.stringify(created.body))
  const id = created.body.id as number
  await vp.post(`/api/surveys/${id}/publish`)
  const handover = SURVEY_TEMPLATES.find((t) => t.key === 'handover')!.draft
  const draft = await vp.post('/api/surveys', { ...handover, target: { kind: 'school' }, deadline: '2026-12-10T17:00:00+09:00' })
  if (draft.status !== 201) throw new Error(JSON.stringify(draft.body))

  // Answers of two thirds of the families, other than the demo guardian's (who answers on screen).
  const pupils = await db.sql<{ pupilId: number; guardianId: number }[]>`
    select sp.pupil_id, min(gp.guardian_id) as guardian_id from survey_pupil sp join guardian_pupil gp on gp.pupil_id = sp.pupil_id
    join guardian g on g.id = gp.guardian_id
    where sp.survey_id = ${id} and g.login_id <> 'hogosha1' group by sp.pupil_id order by sp.pupil_id`
  let n = 0
  for (const p of pupils) {
    n++
    if (n % 3 === 0) continue
    const answers = { q1: n % 11 === 0 ? 1 : n % 7 === 0 ? 2 : 0, ...(n % 2 ? { q2: 1 + (n % 3) } : {}) }
    // Answered the evening before and this morning.
    const at = new Date(n % 2 ? Date.parse('2026-11-29T19:00:00+09:00') + (n % 24) * 10 * 60_000 : Date.parse('2026-11-30T06:00:00+09:00') + (n % 20) * 10 * 60_000).toISOString()
    await db.sql`insert into survey_answer (survey_id, subject, guardian_id, answers, answered_at, first_answered_at)
      values (${id}, ${p.pupilId}, ${p.guardianId}, ${db.sql.json(answers)}, ${at}, ${at})`
  }

  const desk = await contextAt(browser, { viewport: { width: 1366, height: 768 } })
  await desk.clock.setSystemTime(new Date(AT))
  const page = await desk.newPage()
  await page.goto(url + '/surveys/#new')
  await loginThroughPage(page, 'kyoto', DEMO_PASSWORD)
  const builder = page.locator('asg-survey-builder')
  const preview = builder.locator('asg-survey-form')
  await preview.getByText('はい').waitFor()
  // The page may still be settling (its socket, the list): click until the template shows in the preview.
  for (let tries = 0; ; tries++) {
    await builder.getByRole('button', { name: '引き渡し訓練の迎え方' }).click()
    if (await preview.getByText('自転車').waitFor({ timeout: 3000 }).then(() => true, () => false)) break
    if (tries === 3) throw new Error('the template did not apply')
  }
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'survey-builder.png') })

  await page.goto(url + `/surveys/#results-${id}`)
  await page.locator('asg-survey-results h2').waitFor()
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'survey-results.png') })

  const phone = await contextAt(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
  await phone.clock.setSystemTime(new Date(AT))
  const guardian = await phone.newPage()
  await guardian.goto(url + '/guardian/')
  await loginThroughPage(guardian, 'hogosha1', DEMO_PASSWORD)
  const surveys = guardian.locator('asg-guardian-surveys')
  await surveys.getByRole('button', { name: '回答する' }).first().click()
  const form = surveys.locator('asg-survey-form').first()
  await form.getByRole('radio', { name: '○ 出席' }).check()
  await form.locator('input[type="number"]').fill('2')
  await surveys.locator('h3').first().evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await guardian.waitForTimeout(300)
  await guardian.screenshot({ path: join(SCREENSHOTS_DIR, 'guardian-survey.png') })
})
