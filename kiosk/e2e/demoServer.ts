import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { createApp, type App } from '../../server/app.js'
import { ShiftedClock } from '../../server/clock.js'
import { connectEmbedded } from '../../server/db/embedded.js'
import { migrate } from '../../server/db/migrate.js'
import type { Database } from '../../server/db/types.js'
import type { Deps } from '../../server/deps.js'
import { silentLog } from '../../server/log.js'
import { PAGES_DIR, readBuildInfo, ROOT } from '../../server/pages/buildInfo.js'
import { buildStale } from '../../server/build/build.mjs'
import { seedDemo } from '../../server/seed/demo.js'
import { closeApp, launchChromium } from './harness.js'

/** Where the screenshot scripts write. */
export const SCREENSHOTS_DIR = join(ROOT, 'docs', 'screenshots')

/** A server a screenshot script photographs: where it answers, and how it stops. */
export interface Served {
  url: string
  close(): Promise<void>
}

/**
 * What every screenshot script does around its shots: builds the pages if they are stale,
 * starts `serve` and Chromium, runs `shoot`, and closes both after it, even when it throws.
 */
export async function screenshotSession<S extends Served>(serve: () => Promise<S>, shoot: (server: S, browser: Browser) => Promise<void>): Promise<void> {
  // Before serve: the server reads the build's id when it starts.
  await buildStale(['pages'])
  mkdirSync(SCREENSHOTS_DIR, { recursive: true })
  const server = await serve()
  try {
    const browser = await launchChromium()
    try {
      await shoot(server, browser)
    } finally {
      await browser.close()
    }
  } finally {
    await server.close()
  }
}

export interface DemoServer extends App, Served {
  db: Database
  clock: ShiftedClock
}

export interface DemoOptions {
  /** false: an empty database, for scripts that seed their own schools. */
  demo?: boolean
  /** Dependencies of the app beyond the database, clock and log (a data folder…). */
  deps?: Partial<Omit<Deps, 'publish' | 'sql' | 'dbMode' | 'clock'>>
}

/**
 * The demo school in an in-memory database whose clock starts at `at` and runs, served with
 * the built pages on a free port. Scripts add their own data through `db` or the API before
 * the first page asks for it.
 */
export async function demoServer(at: string, options: DemoOptions = {}): Promise<DemoServer> {
  const clock = new ShiftedClock(at)
  const db = await connectEmbedded()
  await migrate(db.sql)
  if (options.demo !== false) await seedDemo(db.sql, clock)
  const app = createApp(
    { sql: db.sql, dbMode: db.mode, clock, log: silentLog, buildId: readBuildInfo()!.buildId, version: 'screenshots', ...options.deps },
    { allowedOrigins: [], secureCookies: false, pagesDir: PAGES_DIR },
  )
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve))
  return {
    ...app,
    url: `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`,
    db,
    clock,
    close: () => closeApp(app, db),
  }
}
