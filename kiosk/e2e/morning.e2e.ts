import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { PASSWORD } from '../../server/test/fixtures.js'
import { Client } from '../../server/test/server.js'
import { contextAt, type E2EServer, journey, loginThroughPage, openPairedBoard } from './harness.js'

const boardEntry = (board: Page, name: string) => board.locator('asg-board-entry', { hasText: name })

/** The text a person sees in an element, shadow DOM included. */
const seenText = (locator: ReturnType<Page['locator']>) => locator.evaluate((el) => (el.shadowRoot ?? el).textContent ?? '')

const e2e = journey()

describe('the morning loop in a browser', () => {
  it('a guardian reports an absence, the board shows it, the teacher acknowledges, the board shows 確認済', async () => {
    const board = await openPairedBoard(e2e.browser, e2e.server)
    expect(await boardEntry(board, '鈴木 太郎').count()).toBe(0)

    const guardianContext = await contextAt(e2e.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const guardian = await guardianContext.newPage()
    await guardian.goto(e2e.server.url + '/guardian/')
    await loginThroughPage(guardian, e2e.server.school.login.suzuki, PASSWORD)
    await guardian.getByText('鈴木 太郎').first().click()
    await guardian.locator('label', { hasText: '欠席' }).first().click()
    await guardian.locator('label', { hasText: '今日' }).first().click()
    await guardian.locator('label', { hasText: '発熱' }).first().click()
    await guardian.locator('textarea').fill('朝から38度の熱があります。')
    await guardian.getByRole('button', { name: '確認へ進む' }).click()
    await guardian.getByRole('button', { name: 'この内容で送信する' }).click()

    // Within two seconds of sending, the board shows the pupil.
    await boardEntry(board, '鈴木 太郎').waitFor({ timeout: 2000 })
    await guardian.getByText('受付番号').waitFor()
    const entryText = await seenText(boardEntry(board, '鈴木 太郎'))
    expect(entryText).toContain('欠席')
    expect(entryText).toContain('発熱')
    expect(entryText).not.toContain('38度') // free text stays off the board by default
    expect(entryText).not.toContain('確認済')

    const teacherContext = await contextAt(e2e.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const teacher = await teacherContext.newPage()
    await teacher.goto(e2e.server.url + '/teacher/')
    await loginThroughPage(teacher, e2e.server.school.login.teacher1, PASSWORD)
    const row = teacher.locator('asg-class-day li[data-pupil]', { hasText: '鈴木 太郎' })
    await row.getByText('朝から38度の熱があります。').waitFor()
    await row.getByRole('button', { name: /確認/ }).click()

    await boardEntry(board, '確認済').filter({ hasText: '鈴木 太郎' }).waitFor({ timeout: 2000 })
    await teacher.getByText('確認済').first().waitFor()
    for (const c of [guardianContext, teacherContext, board.context()]) await c.close()
  })

  it('the board shows it is reconnecting while the server is away, then resyncs by itself', async () => {
    const board = await openPairedBoard(e2e.browser, e2e.server)
    const port = Number(new URL(e2e.server.url).port)
    // Take the server away (the database stays), change data meanwhile, bring it back on the same port.
    e2e.server.io.disconnectSockets(true)
    await new Promise<void>((resolve) => e2e.server.io.close(() => resolve()))
    await board.getByText('接続が切れています').waitFor({ timeout: 15_000 })

    const [reason] = await e2e.server.db.sql<{ id: number }[]>`select id from school_reason where school_id = ${e2e.server.school.schoolId} and label = '頭痛'`
    const revived = await startE2EServerOn(port)
    const guardian = await new Client(revived).login(e2e.server.school.login.tanaka)
    const res = await guardian.post('/api/guardian/reports', {
      idempotencyKey: 'e2e-reconnect-0001', pupilIds: [e2e.server.school.pupils.hanako], kind: 'absent',
      fromDate: '2026-11-30', toDate: '2026-11-30', reasonId: reason!.id,
    })
    expect(res.status).toBe(201)
    await boardEntry(board, '田中 花子').waitFor({ timeout: 40_000 })
    await board.getByText('接続が切れています').waitFor({ state: 'detached', timeout: 5000 })
    expect(await boardEntry(board, '鈴木 太郎').count()).toBe(1) // nothing lost from before
    await board.context().close()
  })
})

/** Serves the same database again on the given port, as a restarted server would. */
async function startE2EServerOn(port: number): Promise<E2EServer> {
  const { createApp } = await import('../../server/app.js')
  const { ShiftedClock } = await import('../../server/clock.js')
  const { silentLog } = await import('../../server/log.js')
  const { PAGES_DIR, readBuildInfo } = await import('../../server/pages/buildInfo.js')
  const { MORNING } = await import('./harness.js')
  const app = createApp(
    { sql: e2e.server.db.sql, dbMode: e2e.server.db.mode, clock: new ShiftedClock(MORNING), log: silentLog, buildId: readBuildInfo()?.buildId ?? 'unbuilt', version: 'e2e' },
    { allowedOrigins: [], secureCookies: false, pagesDir: PAGES_DIR },
  )
  await new Promise<void>((resolve) => app.httpServer.listen(port, '127.0.0.1', resolve))
  Object.assign(e2e.server, app)
  return e2e.server
}
