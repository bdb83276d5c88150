import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { PASSWORD } from '../../server/test/fixtures.js'
import { Client } from '../../server/test/server.js'
import { contextAt, journey, loginThroughPage, openPairedBoard } from './harness.js'

/** The text a person sees in an element, shadow DOM included. */
const seenText = (locator: Locator) =>
  locator.evaluate((el) => {
    const walk = (n: Node): string => {
      const root = (n as Element).shadowRoot
      const own = [...(root ?? n).childNodes].map((c) => (c.nodeType === Node.TEXT_NODE ? c.textContent ?? '' : walk(c))).join('')
      return own
    }
    return walk(el)
  })

const e2e = journey()

describe('a second report for the same day, in a browser', () => {
  it('the guardian form asks "change or add?", the teacher sees one thread, the board marks the change', async () => {
    // Early morning: 欠席 with fever, acknowledged by the homeroom teacher.
    const [fever] = await e2e.server.db.sql<{ id: number }[]>`select id from school_reason where school_id = ${e2e.server.school.schoolId} and label = '発熱'`
    const api = await new Client(e2e.server).login(e2e.server.school.login.suzuki)
    const first = await api.post('/api/guardian/reports', {
      idempotencyKey: 'e2e-thread-first-0001', pupilIds: [e2e.server.school.pupils.taro], kind: 'absent', fromDate: '2026-11-30', toDate: '2026-11-30',
      reasonId: fever!.id, symptoms: ['せき'], temperature: 38.4, message: '朝から熱があります。',
    })
    expect(first.status).toBe(201)
    const teacherApi = await (await new Client(e2e.server).login(e2e.server.school.login.teacher1)).socket()
    expect(await teacherApi.emitWithAck('report:acknowledge', { reportId: first.body.reports[0].id })).toEqual({ ok: true })
    teacherApi.disconnect()
    const board = await openPairedBoard(e2e.browser, e2e.server)
    const boardEntry = board.locator('asg-board-entry', { hasText: '鈴木 太郎' })
    await boardEntry.getByText('✓確認済').waitFor()

    // Later the fever is down: the guardian reports an 早退 for the same day.
    const guardianContext = await contextAt(e2e.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const guardian = await guardianContext.newPage()
    await guardian.goto(e2e.server.url + '/guardian/')
    await loginThroughPage(guardian, e2e.server.school.login.suzuki, PASSWORD)
    await guardian.getByText('鈴木 太郎').first().click()
    await guardian.locator('label', { hasText: '早退' }).first().click()
    await guardian.locator('label', { hasText: '今日' }).first().click()
    const question = guardian.locator('fieldset[data-field="mode"]')
    await question.getByText('この日はすでに連絡があります').waitFor()
    expect(await seenText(question)).toContain('鈴木 太郎さん 11月30日(月): 欠席')
    await guardian.locator('asg-report-form input[type="time"]').fill('13:00')
    await guardian.locator('label', { hasText: '通院' }).first().click()
    // Without an answer the form does not go on.
    await guardian.getByRole('button', { name: '確認へ進む' }).click()
    await question.getByText('前の連絡を変更するのか、追加の連絡なのかを選んでください').waitFor()
    await question.locator('label', { hasText: '前の連絡を変更する' }).click()
    await guardian.getByRole('button', { name: '確認へ進む' }).click()
    await guardian.getByText('変更する(この内容に置き換え)').waitFor()
    await guardian.getByRole('button', { name: 'この内容で送信する' }).click()
    await guardian.getByText('受付番号').waitFor()

    // The board: the current state, marked as changed after 確認.
    await boardEntry.getByText('確認後に変更').waitFor({ timeout: 3000 })
    const onBoard = await seenText(boardEntry)
    expect(onBoard).toContain('早退')
    expect(onBoard).toContain('13:00下校')
    expect(onBoard).not.toContain('✓確認済')

    // The teacher: one thread, newest first, the morning report kept with its fever.
    const teacherContext = await contextAt(e2e.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const teacher = await teacherContext.newPage()
    await teacher.goto(e2e.server.url + '/teacher/')
    await loginThroughPage(teacher, e2e.server.school.login.teacher1, PASSWORD)
    const row = teacher.locator('asg-class-day li[data-pupil]', { hasText: '鈴木 太郎' })
    await row.getByText('確認後に変更').waitFor()
    const items = row.locator('asg-report-thread li')
    expect(await items.count()).toBe(2)
    expect(await seenText(items.nth(0))).toContain('前の連絡を変更')
    expect(await seenText(items.nth(1))).toMatch(/欠席.*発熱[\s\S]*変更前[\s\S]*朝から熱があります。[\s\S]*38\.4℃[\s\S]*確認済/)
    await items.nth(0).getByRole('button', { name: '確認' }).click()
    await row.getByText('確認後に変更').waitFor({ state: 'detached' })
    await boardEntry.getByText('✓確認済').waitFor({ timeout: 3000 })
    for (const c of [guardianContext, teacherContext, board.context()]) await c.close()
  })
})
