import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.js'
import { ShiftedClock } from '../../server/clock.js'
import { silentLog } from '../../server/log.js'
import { PAGES_DIR, readBuildInfo } from '../../server/pages/buildInfo.js'
import { PASSWORD } from '../../server/test/fixtures.js'
import { contextAt, journey, loginThroughPage, MORNING, openPairedBoard } from './harness.js'

/** A server drained as SIGTERM drains it: the pages say calmly that they reconnect, then are back by themselves. */
const e2e = journey()

describe('a server restart seen from the pages', () => {
  it('the board and the teacher show 再接続しています without alarm, and come back to the next server', async () => {
    const board = await openPairedBoard(e2e.browser, e2e.server)
    const teacherContext = await contextAt(e2e.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const teacher = await teacherContext.newPage()
    await teacher.goto(e2e.server.url + '/teacher/')
    await loginThroughPage(teacher, e2e.server.school.login.teacher1, PASSWORD)
    await teacher.getByText('接続中').first().waitFor()

    const port = Number(new URL(e2e.server.url).port)
    expect(await e2e.server.drain(5000)).toEqual({ unfinished: 0 })
    await teacher.getByText('サーバーを再起動しています。再接続しています…').waitFor({ timeout: 10_000 })
    expect(await teacher.getByText('接続が切れています').count()).toBe(0)
    await board.locator('asg-connection-status .restarting').waitFor({ timeout: 10_000 })
    expect(await board.locator('asg-connection-status').evaluate((el) => el.shadowRoot!.textContent)).toContain('再接続しています')

    // The next process on the same port, over the same database.
    const next = createApp(
      { sql: e2e.server.db.sql, dbMode: e2e.server.db.mode, clock: new ShiftedClock(MORNING), log: silentLog, buildId: readBuildInfo()?.buildId ?? 'unbuilt', version: 'e2e' },
      { allowedOrigins: [], secureCookies: false, pagesDir: PAGES_DIR },
    )
    await new Promise<void>((resolve) => next.httpServer.listen(port, '127.0.0.1', resolve))
    expect((next.httpServer.address() as AddressInfo).port).toBe(port)
    await teacher.locator('asg-connection-status .live').waitFor({ timeout: 40_000 })
    await board.locator('asg-connection-status .live').waitFor({ timeout: 40_000 })
    expect(await teacher.getByText('サーバーを再起動しています').count()).toBe(0)
    await teacherContext.close()
    await board.context().close()
    next.io.disconnectSockets(true)
    await new Promise<void>((resolve) => next.io.close(() => resolve()))
  })
})
