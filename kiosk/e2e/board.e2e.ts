import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../server/app.js'
import type { Clock } from '../../server/clock.js'
import { connectEmbedded } from '../../server/db/embedded.js'
import { freshPostgresDatabase } from '../../server/test/db.js'
import { migrate } from '../../server/db/migrate.js'
import type { Database } from '../../server/db/types.js'
import { silentLog } from '../../server/log.js'
import { PAGES_DIR, readBuildInfo } from '../../server/pages/buildInfo.js'
import { Client } from '../../server/test/server.js'
import { seedBoardLoad, type BoardLoad } from './boardLoad.js'
import { contextAt, launchChromium, MORNING } from './harness.js'

/** Real time shifted to a chosen instant, and movable while the test runs (midnight). */
class MovableClock implements Clock {
  private offset = 0
  constructor(at: string) {
    this.set(at)
  }
  set(at: string): void {
    this.offset = Date.parse(at) - Date.now()
  }
  now(): number {
    return Date.now() + this.offset
  }
}

const TODAY = '2026-11-30'
const LOAD_PASSWORD = 'board-load-7'
const clock = new MovableClock(MORNING)
let db: Database
let load: BoardLoad
let app: App
let url: string
let browser: Browser

/** Serves the database on `port` (0: any) as a server of build `buildId` would. */
async function serve(port: number, buildId: string): Promise<void> {
  app = createApp(
    { sql: db.sql, dbMode: db.mode, clock, log: silentLog, buildId, version: 'e2e' },
    { allowedOrigins: [], secureCookies: false, pagesDir: PAGES_DIR },
  )
  await new Promise<void>((resolve) => app.httpServer.listen(port, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`
}

async function stopServing(): Promise<void> {
  app.io.disconnectSockets(true)
  await new Promise<void>((resolve) => app.io.close(() => resolve()))
}

const builtId = () => readBuildInfo()?.buildId ?? 'unbuilt'

beforeAll(async () => {
  db = process.env.DATABASE_URL ? await freshPostgresDatabase(process.env.DATABASE_URL) : await connectEmbedded()
  await migrate(db.sql)
  load = await seedBoardLoad(db.sql, { today: TODAY, nowIso: MORNING, entries: 10 })
  await serve(0, builtId())
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await stopServing()
  await db?.close()
})

const admin = () => new Client({ url }).login(`load-admin-${load.schoolId}`, LOAD_PASSWORD)
const guardian = () => new Client({ url }).login(`load-guardian-${load.schoolId}`, LOAD_PASSWORD)

/** A new board device, paired through its link in a 1920×1080 page whose clock starts at `at`. */
async function openBoard(at = MORNING): Promise<{ page: Page; deviceId: number }> {
  const created = await (await admin()).post('/api/admin/board-devices', { name: '職員室モニター' })
  const context = await contextAt(browser, { viewport: { width: 1920, height: 1080 } })
  await context.clock.setSystemTime(new Date(at))
  const page = await context.newPage()
  await page.goto(url + created.body.pairingPath)
  await page.getByText('接続中').waitFor()
  return { page, deviceId: created.body.device.id }
}

async function reasonId(label: string): Promise<number> {
  const [r] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${load.schoolId} and label = ${label}`
  return r!.id
}

const entry = (page: Page, name: string) => page.locator('asg-board-entry', { hasText: name })
const countOf = (page: Page, status: string) => page.locator(`.count.${status} b`).innerText()
const pupilName = async (id: number) => {
  const [p] = await db.sql<{ name: string }[]>`select family_name || ' ' || given_name as name from pupil where id = ${id}`
  return p!.name
}

describe('the staff-room board', () => {
  it('shows a new report live, highlighted for a few seconds, and counts it', async () => {
    const { page } = await openBoard()
    const absentBefore = Number(await countOf(page, 'absent'))
    const pupilId = load.pupils[4]![20]! // 3年1組, nobody there yet
    const name = await pupilName(pupilId)
    expect(await entry(page, name).count()).toBe(0)

    const res = await (await guardian()).post('/api/guardian/reports', {
      idempotencyKey: 'board-e2e-live-0001', pupilIds: [pupilId], kind: 'absent', fromDate: TODAY, toDate: TODAY, reasonId: await reasonId('頭痛'),
    })
    expect(res.status).toBe(201)
    await entry(page, name).waitFor({ timeout: 3000 })
    await expect.poll(() => entry(page, name).getAttribute('fresh'), { timeout: 2000 }).not.toBeNull()
    expect(Number(await countOf(page, 'absent'))).toBe(absentBefore + 1)
    // The highlight goes after a few seconds; the entry stays.
    await page.clock.fastForward(10_000)
    await expect.poll(() => entry(page, name).getAttribute('fresh')).toBeNull()
    expect(await entry(page, name).count()).toBe(1)
    await page.context().close()
  })

  it('a revoked display shows that it is not paired, within seconds', async () => {
    const { page, deviceId } = await openBoard()
    const res = await (await admin()).post(`/api/admin/board-devices/${deviceId}/revoke`, {})
    expect(res.status).toBe(200)
    await page.getByText('この表示端末は登録されていません').waitFor({ timeout: 5000 })
    // A reload does not bring the data back: the device's token is dead.
    await page.reload()
    await page.getByText('この表示端末は登録されていません').waitFor({ timeout: 5000 })
    expect(await page.locator('asg-board-entry').count()).toBe(0)
    await page.context().close()
  })

  it('asks for the Screen Wake Lock again whenever the page becomes visible', async () => {
    const created = await (await admin()).post('/api/admin/board-devices', { name: 'wake lock' })
    const context = await contextAt(browser, { viewport: { width: 1366, height: 768 } })
    await context.addInitScript(() => {
      const w = window as unknown as { wakeLockRequests: number }
      w.wakeLockRequests = 0
      Object.defineProperty(navigator, 'wakeLock', {
        value: { request: async () => (w.wakeLockRequests++, { release: async () => undefined }) },
      })
    })
    const page = await context.newPage()
    await page.goto(url + created.body.pairingPath)
    await page.getByText('接続中').waitFor()
    const requests = () => page.evaluate(() => (window as unknown as { wakeLockRequests: number }).wakeLockRequests)
    expect(await requests()).toBe(1)
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
    await expect.poll(requests).toBe(2)
    await context.close()
  })

  it('switches to the new day at school-local midnight without reloading', async () => {
    const tomorrow = '2026-12-01'
    const pupilId = load.pupils[6]![2]! // 4年1組
    const name = await pupilName(pupilId)
    const res = await (await guardian()).post('/api/guardian/reports', {
      idempotencyKey: 'board-e2e-tomorrow-0001', pupilIds: [pupilId], kind: 'absent', fromDate: tomorrow, toDate: tomorrow, reasonId: await reasonId('通院'),
    })
    expect(res.status).toBe(201)

    const evening = '2026-11-30T23:59:50+09:00'
    clock.set(evening)
    const { page } = await openBoard(evening)
    await page.getByText('11月30日(月)').waitFor()
    expect(await entry(page, name).count()).toBe(0)
    await expect.poll(() => page.locator('asg-board-app').getAttribute('dimmed'), { timeout: 3000 }).not.toBeNull() // night: dimmed
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true))

    // Midnight passes on both clocks.
    const midnight = '2026-12-01T00:00:05+09:00'
    clock.set(midnight)
    await page.clock.setSystemTime(new Date(midnight))
    await page.getByText('12月1日(火)').waitFor({ timeout: 5000 })
    await entry(page, name).waitFor({ timeout: 5000 })
    expect(await page.locator('.clock').innerText()).toBe('0:00')
    expect(await page.locator('asg-board-app').getAttribute('dimmed')).not.toBeNull() // still night
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
    clock.set(MORNING)
    await page.context().close()
  })

  it('reloads once when the server comes back with a new build, and never loops', async () => {
    const { page } = await openBoard()
    let loads = 0
    page.on('load', () => loads++)
    const port = Number(new URL(url).port)
    await stopServing()
    await page.getByText('接続が切れています').waitFor({ timeout: 15_000 })
    await serve(port, 'next-build')
    await expect.poll(() => loads, { timeout: 40_000 }).toBe(1)
    await page.getByText('接続中').waitFor({ timeout: 20_000 })
    // The reloaded page (still the old files in this test) sees the same new build: no second reload.
    await page.waitForTimeout(4000)
    expect(loads).toBe(1)
    expect(await page.locator('asg-board-entry').count()).toBeGreaterThan(0)
    await page.context().close()
  })
})
