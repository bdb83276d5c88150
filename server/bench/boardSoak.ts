import type { AddressInfo } from 'node:net'
import type { CDPSession, Page } from 'playwright-core'
import { MORNING, contextAt, launchChromium } from '../../kiosk/e2e/harness.js'
import { seedBoardLoad } from '../../kiosk/e2e/boardLoad.js'
import { createApp } from '../app.js'
import { ShiftedClock } from '../clock.js'
import { appendMarks } from '../data/reports.js'
import { connectEmbedded } from '../db/embedded.js'
import { migrate } from '../db/migrate.js'
import { silentLog } from '../log.js'
import { PAGES_DIR, readBuildInfo } from '../pages/buildInfo.js'
import { buildStale } from '../build/build.mjs'
import { runChange } from '../realtime/change.js'

/**
 * `npm run bench:board`: the board's memory over a long run, in Chromium. A board showing a
 * flu-season morning (70 entries) receives SOAK_UPDATES live updates (default 10,000: pupils
 * toggled between 欠席 and present, each a real committed change with its event) and is
 * disconnected by the server SOAK_RECONNECTS times (default 100) along the way. JS heap (after
 * a forced GC) and DOM node count are printed at the start and the end. Prints figures; it
 * asserts nothing about time.
 */
const UPDATES = Number(process.env.SOAK_UPDATES ?? 10_000)
const RECONNECTS = Number(process.env.SOAK_RECONNECTS ?? 100)
const TODAY = '2026-11-30'
/** Pupils the soak toggles; an even number of updates each leaves them as they started. */
const TOGGLED = 40

await buildStale(['pages'])
const db = await connectEmbedded()
await migrate(db.sql)
const load = await seedBoardLoad(db.sql, { today: TODAY, nowIso: MORNING, entries: 70 })
const app = createApp(
  { sql: db.sql, dbMode: db.mode, clock: new ShiftedClock(MORNING), log: silentLog, buildId: readBuildInfo()!.buildId, version: 'bench' },
  { allowedOrigins: [], secureCookies: false, pagesDir: PAGES_DIR },
)
await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve))
const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`
let connections = 0
app.io.on('connection', () => connections++)

const [absent] = await db.sql<{ id: number }[]>`select id from attendance_code where school_id = ${load.schoolId} and code = 'absent_sick'`
const [present] = await db.sql<{ id: number }[]>`select id from attendance_code where school_id = ${load.schoolId} and code = 'present'`
const onBoard = new Set((await db.sql<{ pupilId: number }[]>`select distinct pupil_id from attendance_log where school_id = ${load.schoolId} and date = ${TODAY}`).map((r) => r.pupilId))
const toggled = load.pupils.flat().filter((id) => !onBoard.has(id)).slice(0, TOGGLED)

/** One live update: a pupil marked absent (or back to present) by the office, committed and published. */
async function update(i: number): Promise<void> {
  const pupilId = toggled[i % toggled.length]!
  const codeId = Math.floor(i / toggled.length) % 2 === 0 ? absent!.id : present!.id
  await runChange({ sql: db.sql, publish: app.publish }, load.schoolId, async (tx, change) => {
    await appendMarks(tx, [{
      schoolId: load.schoolId, seq: change.seq, pupilId, date: TODAY, codeId, suggestedCodeId: null, source: 'office', actorStaffId: load.adminId,
      actorGuardianId: null, reportId: null, atTime: null, note: '', recordedAt: new Date().toISOString(),
    }])
    change.pupilDays([{ pupilId, date: TODAY }])
  })
}

async function measure(cdp: CDPSession, page: Page) {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]))
  // The header's counts cover every page; the DOM holds only the page on screen.
  const counts = await page.locator('.count:not(.roll) b').allInnerTexts()
  const shown = counts.reduce((sum, n) => sum + Number(n), 0)
  // Nodes in the page itself, shadow roots included: what the board actually keeps on screen.
  // A string, not a function: tsx would add helpers to a function that do not exist in the page.
  const liveNodes = await page.evaluate<number>(`(() => {
    let n = 0
    const stack = [document]
    while (stack.length) {
      const node = stack.pop()
      n++
      if (node.shadowRoot) stack.push(node.shadowRoot)
      for (let c = node.firstChild; c; c = c.nextSibling) stack.push(c)
    }
    return n
  })()`)
  // Detached trees something still references (a leak would show here); Lit's cached <template>s are expected.
  await cdp.send('DOM.enable')
  const detached = ((await cdp.send('DOM.getDetachedDomNodes' as never)) as unknown as { detachedNodes: unknown[] }).detachedNodes.length
  return { heapMB: (m.JSHeapUsedSize ?? 0) / 2 ** 20, nodes: m.Nodes ?? 0, liveNodes, detached, listeners: m.JSEventListeners ?? 0, entriesShown: shown }
}

const browser = await launchChromium()
try {
  const context = await contextAt(browser, { viewport: { width: 1920, height: 1080 } })
  const page = await context.newPage()
  await page.goto(url + load.pairingPath)
  await page.getByText('接続中').waitFor()
  await page.waitForTimeout(3000)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  // The first measurement loads Playwright's helpers into the page; measure once more so they are in both figures.
  await measure(cdp, page)
  const start = await measure(cdp, page)
  const t0 = Date.now()
  const every = RECONNECTS > 0 ? Math.max(1, Math.floor(UPDATES / RECONNECTS)) : Infinity
  let reconnects = 0
  for (let i = 0; i < UPDATES; i++) {
    await update(i)
    if ((i + 1) % every === 0 && reconnects < RECONNECTS) {
      const before = connections
      app.io.disconnectSockets(true)
      reconnects++
      while (connections === before) await new Promise((r) => setTimeout(r, 50))
    }
    if ((i + 1) % 1000 === 0) console.log(`  ${i + 1} updates, ${reconnects} reconnects, ${((Date.now() - t0) / 1000).toFixed(0)} s`)
  }
  // Let the last snapshot land and the highlights fade before measuring again.
  await page.getByText('接続中').waitFor()
  await page.waitForTimeout(12_000)
  const end = await measure(cdp, page)
  // Garbage the renderer has not yet released shows as growth that shrinks on its own: look again later.
  await page.waitForTimeout(30_000)
  const later = await measure(cdp, page)
  const expected = (await db.sql<{ n: number }[]>`
    select count(*)::int as n from (
      select distinct on (pupil_id) pupil_id, code_id from attendance_log where school_id = ${load.schoolId} and date = ${TODAY} order by pupil_id, id desc
    ) latest join attendance_code c on c.id = latest.code_id where c.code <> 'present'`)[0]!.n
  console.log(`\nboard soak: ${UPDATES} live updates, ${reconnects} reconnects in ${((Date.now() - t0) / 1000).toFixed(0)} s (Chromium ${browser.version()}, 1920×1080)`)
  console.log('              JS heap (MB)  renderer nodes  nodes in page  detached roots  listeners  entries counted')
  const row = (label: string, r: typeof start) =>
    console.log(`  ${label}  ${r.heapMB.toFixed(2).padStart(12)}  ${String(r.nodes).padStart(14)}  ${String(r.liveNodes).padStart(13)}  ${String(r.detached).padStart(14)}  ${String(r.listeners).padStart(9)}  ${String(r.entriesShown).padStart(15)}`)
  row('start     ', start)
  row('end       ', end)
  row('end + 30 s', later)
  const sign = (n: number, digits = 0) => `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`
  console.log(`  change      ${sign(later.heapMB - start.heapMB, 2)} MB heap, ${sign(later.nodes - start.nodes)} renderer nodes, ${sign(later.liveNodes - start.liveNodes)} nodes in page (start → end + 30 s)`)
  console.log(`  entries expected from the register: ${expected}; counted on the board: ${end.entriesShown}`)
  if (expected !== end.entriesShown) console.log('  MISMATCH: the board does not show what the register holds')
} finally {
  await browser.close()
  app.io.close()
  await db.close()
}
