import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { createApp, type App, type AppOptions } from '../../server/app.js'
import { ShiftedClock } from '../../server/clock.js'
import { connectEmbedded } from '../../server/db/embedded.js'
import { freshPostgresDatabase } from '../../server/test/db.js'
import { migrate } from '../../server/db/migrate.js'
import type { Database } from '../../server/db/types.js'
import type { Deps } from '../../server/deps.js'
import { silentLog } from '../../server/log.js'
import { PAGES_DIR, readBuildInfo } from '../../server/pages/buildInfo.js'
import { smallSchool, type SmallSchool } from '../../server/test/fixtures.js'
import { Client } from '../../server/test/server.js'

/** A school morning the journeys replay: Monday 30 November 2026, 7:45 in Tokyo. */
export const MORNING = '2026-11-30T07:45:00+09:00'

export interface E2EServer extends App {
  url: string
  db: Database
  school: SmallSchool
  close(): Promise<void>
}

/**
 * The real server with built pages on a free port, on an in-memory embedded database (or on
 * a new PostgreSQL database when DATABASE_URL is set), with a clock that starts at MORNING and runs.
 */
export async function startE2EServer(port = 0, options: Partial<AppOptions> = {}, deps: Partial<Omit<Deps, 'publish' | 'sql' | 'dbMode' | 'clock'>> = {}): Promise<E2EServer> {
  const db = process.env.DATABASE_URL ? await freshPostgresDatabase(process.env.DATABASE_URL) : await connectEmbedded()
  await migrate(db.sql)
  const school = await smallSchool(db.sql, `e2e${Date.now() % 100000}`)
  const app = createApp(
    { sql: db.sql, dbMode: db.mode, clock: new ShiftedClock(MORNING), log: silentLog, buildId: readBuildInfo()?.buildId ?? 'unbuilt', version: 'e2e', ...deps },
    { allowedOrigins: [], secureCookies: false, pagesDir: PAGES_DIR, ...options },
  )
  await new Promise<void>((resolve) => app.httpServer.listen(port, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`
  return {
    ...app,
    url,
    db,
    school,
    close: () => closeApp(app, db),
  }
}

/** Stops a test or screenshot server: its sockets first, so nothing writes after the database closes. */
export async function closeApp(app: App, db: Database): Promise<void> {
  app.io.disconnectSockets(true)
  await new Promise<void>((resolve) => app.io.close(() => resolve()))
  await db.close()
}

/**
 * Date inputs follow Chromium's own UI language, not the page's locale: `--lang=ja` makes them read
 * 2026/12/02 as on a school's PCs. Chromium falls back to en-US (12/02/2026) unless its Japanese
 * locale is installed (Debian's chromium-l10n; .ci/run installs it).
 */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--lang=ja']

/** Debian's Chromium, headless (Playwright's own browser download is not available here). */
export function launchChromium(): Promise<Browser> {
  // A Japanese browser locale makes fontconfig pick the Japanese forms of the CJK font, as a school's PCs show them.
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, env: { ...process.env, LANG: 'ja_JP.UTF-8', LANGUAGE: 'ja' } })
}

export interface JourneyOptions {
  /** The app's options, as startE2EServer takes them (trusted proxies, secure cookies…). */
  app?: Partial<AppOptions>
  /** The app's dependencies, as startE2EServer takes them (mail, push…). */
  deps?: Partial<Omit<Deps, 'publish' | 'sql' | 'dbMode' | 'clock'>>
}

/** The server and browser of a journey file, there from its first beforeAll to its last afterAll. */
export interface Journey {
  readonly server: E2EServer
  readonly browser: Browser
}

/**
 * What every journey file does around its tests: starts the server (startE2EServer) and
 * Chromium before them, and closes both after. Call it at the top of the file; a file's own
 * beforeAll registered after it runs with both up, its own afterAll before they close.
 */
export function journey(options: JourneyOptions = {}): Journey {
  let server: E2EServer | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    server = await startE2EServer(0, options.app, options.deps)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  const started = <T>(what: T | undefined, name: string): T => {
    if (what === undefined) throw new Error(`the journey's ${name} is there only once its beforeAll ran`)
    return what
  }
  return {
    get server() {
      return started(server, 'server')
    },
    get browser() {
      return started(browser, 'browser')
    },
  }
}

/** A browser context whose clock starts at MORNING too, so page and server agree on the day. */
export async function contextAt(browser: Browser, opts: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', ...opts })
  await context.clock.install({ time: new Date(MORNING) })
  await context.clock.resume()
  return context
}

/** Logs in through the page's own login form. */
export async function loginThroughPage(page: Page, loginId: string, password: string): Promise<void> {
  await page.locator('asg-login input[name="loginId"]').fill(loginId)
  await page.locator('asg-login input[name="password"]').fill(password)
  await page.locator('asg-login button[type="submit"]').click()
}

/** Creates a board device through the admin API and opens its pairing link in a 1920×1080 page, connected. */
export async function openPairedBoard(browser: Browser, server: E2EServer): Promise<Page> {
  const admin = await new Client(server).login(server.school.login.admin)
  const created = await admin.post('/api/admin/board-devices', { name: '職員室モニター' })
  const context = await contextAt(browser, { viewport: { width: 1920, height: 1080 } })
  const page = await context.newPage()
  await page.goto(server.url + created.body.pairingPath)
  await page.getByText('接続中').waitFor()
  return page
}
