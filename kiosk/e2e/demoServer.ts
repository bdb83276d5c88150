import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { createApp, type App } from '../../server/app.js'
import { ShiftedClock } from '../../server/clock.js'
import { connectEmbedded } from '../../server/db/embedded.js'
import { migrate } from '../../server/db/migrate.js'
import type { Database } from '../../server/db/types.js'
import { silentLog } from '../../server/log.js'
import { PAGES_DIR, readBuildInfo, ROOT } from '../../server/pages/buildInfo.js'
import { buildStale } from '../../server/build/build.mjs'
import { seedDemo } from '../../server/seed/demo.js'

/** Where the screenshot scripts write. */
export const SCREENSHOTS_DIR = join(ROOT, 'docs', 'screenshots')

/**
 * For the screenshot scripts: current pages, and the demo school in an in-memory database
 * whose clock starts at `at` and runs. Scripts may add data before calling `serveDemo`.
 */
export async function openDemo(at: string): Promise<{ db: Database; clock: ShiftedClock }> {
  await buildStale(['pages'])
  mkdirSync(SCREENSHOTS_DIR, { recursive: true })
  const clock = new ShiftedClock(at)
  const db = await connectEmbedded()
  await migrate(db.sql)
  await seedDemo(db.sql, clock)
  return { db, clock }
}

/** Serves the built pages and the API over that database on a free port. */
export async function serveDemo(db: Database, clock: ShiftedClock): Promise<App & { url: string }> {
  const app = createApp(
    { sql: db.sql, dbMode: db.mode, clock, log: silentLog, buildId: readBuildInfo()!.buildId, version: 'screenshots' },
    { allowedOrigins: [], secureCookies: false, pagesDir: PAGES_DIR },
  )
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve))
  return { ...app, url: `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}` }
}
