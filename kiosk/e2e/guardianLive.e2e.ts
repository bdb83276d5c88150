import { describe, expect, it } from 'vitest'
import { SURVEY_TEMPLATES } from '../../shared/domain/surveyTemplates.js'
import { PASSWORD } from '../../server/test/fixtures.js'
import { Client } from '../../server/test/server.js'
import { contextAt, journey, loginThroughPage } from './harness.js'

const e2e = journey()

describe("the guardian page follows the school's answer live", () => {
  it('the teacher acknowledges, the guardian page shows 確認済 without a reload; a not-arrived notice and a newly published survey appear the same way', async () => {
    const [fever] = await e2e.server.db.sql<{ id: number }[]>`select id from school_reason where school_id = ${e2e.server.school.schoolId} and label = '発熱'`
    const api = await new Client(e2e.server).login(e2e.server.school.login.suzuki)
    const sent = await api.post('/api/guardian/reports', {
      idempotencyKey: 'e2e-guardian-live-0001', pupilIds: [e2e.server.school.pupils.taro], kind: 'absent', fromDate: '2026-11-30', toDate: '2026-11-30',
      reasonId: fever!.id, symptoms: [], temperature: null, message: '熱があります。',
    })
    expect(sent.status).toBe(201)

    const guardianContext = await contextAt(e2e.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const guardian = await guardianContext.newPage()
    let loads = 0
    guardian.on('load', () => loads++)
    await guardian.goto(e2e.server.url + '/guardian/')
    await loginThroughPage(guardian, e2e.server.school.login.suzuki, PASSWORD)
    const list = guardian.locator('asg-report-list')
    await list.getByText('鈴木 太郎').first().waitFor()
    expect(await list.getByText('確認済').count()).toBe(0)

    // The homeroom teacher acknowledges on their own page.
    const teacherContext = await contextAt(e2e.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const teacher = await teacherContext.newPage()
    await teacher.goto(e2e.server.url + '/teacher/')
    await loginThroughPage(teacher, e2e.server.school.login.teacher1, PASSWORD)
    const row = teacher.locator('asg-class-day li[data-pupil]', { hasText: '鈴木 太郎' })
    await row.getByRole('button', { name: /確認/ }).click()

    await list.getByText('確認済').first().waitFor({ timeout: 5000 })
    await list.getByText('学校が確認しました').waitFor()

    // The office sends a not-arrived notice for the sibling: it appears on the open page too.
    const vp = await (await new Client(e2e.server).login(e2e.server.school.login.vp)).socket()
    expect(await vp.emitWithAck('pupil:mark', { pupilId: e2e.server.school.pupils.jiro, mark: 'not_arrived' })).toEqual({ ok: true })
    vp.disconnect()
    const office = await new Client(e2e.server).login(e2e.server.school.login.vp)
    const notice = await office.post('/api/office/notices', { pupilIds: [e2e.server.school.pupils.jiro] })
    expect(notice.body.sent).toEqual([e2e.server.school.pupils.jiro])
    await guardian.locator('asg-guardian-notices').getByText('鈴木 次郎').first().waitFor({ timeout: 5000 })

    // The vice-principal publishes a survey to jiro's class: it appears on the open page too.
    const template = SURVEY_TEMPLATES.find((t) => t.key === 'event')!.draft
    const created = await office.post('/api/surveys', { ...template, title: '学習発表会の出欠', target: { kind: 'classes', classIds: [e2e.server.school.classes.c2] }, deadline: '2026-12-04T17:00:00+09:00', remindAt: null })
    expect(created.status).toBe(201)
    expect((await office.post(`/api/surveys/${created.body.id}/publish`)).status).toBe(200)
    await guardian.locator('asg-guardian-surveys h3', { hasText: '学習発表会の出欠' }).waitFor({ timeout: 5000 })

    expect(loads).toBe(1)
    for (const c of [guardianContext, teacherContext]) await c.close()
  })
})
