import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../server/pages/buildInfo.js'
import { freshPostgresDatabase } from '../../server/test/db.js'
import { smallSchool, type SmallSchool } from '../../server/test/fixtures.js'
import { startServerProcess, type ServerProcess } from '../../server/test/process.js'
import { Client } from '../../server/test/server.js'
import type { Database } from '../../server/db/types.js'
import { contextAt, launchChromium, MORNING } from './harness.js'
import { startNginx, type RunningNginx } from './nginx.js'

/**
 * Three real server processes on one PostgreSQL behind nginx, with the documented site file
 * for several processes (docs/deploy/nginx-asagao-cluster.conf). A board's report reaches it
 * from another process; the process holding the board is killed, and the board carries on
 * from another one with nothing missing. PostgreSQL only: the embedded database is one process.
 */
const url = process.env.DATABASE_URL
const SITE = join(ROOT, 'docs', 'deploy', 'nginx-asagao-cluster.conf')
/** Each process replays the journeys' school morning on its own clock. */
const ENTRY = `import('./server/main.ts').then(async (m) => { const { ShiftedClock } = await import('./server/clock.ts'); await m.main({ clock: new ShiftedClock('${MORNING}') }) })`

let db: Database & { url: string }
let school: SmallSchool
let processes: ServerProcess[] = []
let nginx: RunningNginx
let browser: Browser

async function startProcess(): Promise<ServerProcess> {
  return startServerProcess(ROOT, ['--import', 'tsx', '-e', ENTRY], {
    DATABASE_URL: db.url, ASAGAO_CLUSTER: 'postgres', ASAGAO_DEMO: 'off', ASAGAO_TRUST_PROXY: 'loopback', ASAGAO_SECURE_COOKIES: 'true', ASAGAO_LOG: 'info',
  })
}

beforeAll(async () => {
  if (!url) return
  db = await freshPostgresDatabase(url)
  school = await smallSchool(db.sql, `cl${Date.now() % 100000}`)
  processes = await Promise.all([startProcess(), startProcess(), startProcess()])
  nginx = await startNginx(SITE, (_site, replace) => {
    replace(/ {4}server 127\.0\.0\.1:3001 (.*);\n {4}server 127\.0\.0\.1:3002 .*;\n {4}server 127\.0\.0\.1:3003 .*;/, processes.map((p) => `    server ${new URL(p.url).host} $1;`).join('\n'))
  })
  browser = await launchChromium()
}, 240_000)
afterAll(async () => {
  await browser?.close()
  await nginx?.stop()
  for (const p of processes) await p.stop()
  await db?.close()
})

/** How many board sockets each process holds, from its own /metrics. */
async function boardSockets(p: ServerProcess): Promise<number> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return 0
  const text = await (await fetch(p.url + '/metrics')).text()
  const line = text.split('\n').find((l) => l.startsWith('asagao_sockets{kind="board"}'))
  return Number(line?.split(' ')[1] ?? 0)
}

async function holderOfBoard(): Promise<ServerProcess> {
  for (let i = 0; i < 100; i++) {
    const counts = await Promise.all(processes.map(boardSockets))
    const at = counts.indexOf(1)
    if (at >= 0 && counts.reduce((a, b) => a + b) === 1) return processes[at]!
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('the board holds no socket on any process')
}

async function report(guardian: Client, pupilId: number, idempotencyKey: string): Promise<void> {
  const [reason] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${school.schoolId} limit 1`
  const res = await guardian.post('/api/guardian/reports', {
    idempotencyKey, pupilIds: [pupilId], kind: 'absent', fromDate: '2026-11-30', toDate: '2026-11-30', reasonId: reason!.id, symptoms: [], message: '', mode: 'add',
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
}

const boardEntry = (board: Page, name: string) => board.locator('asg-board-entry', { hasText: name })

describe.skipIf(!url)('three processes on one PostgreSQL behind nginx', () => {
  it('a board on one process sees a report sent to another; when its process is killed it moves on and misses nothing', async () => {
    const admin = await new Client(processes[0]!).login(school.login.admin)
    const created = await admin.post('/api/admin/board-devices', { name: '職員室モニター' })
    const context = await contextAt(browser, { viewport: { width: 1920, height: 1080 }, ignoreHTTPSErrors: true })
    const board = await context.newPage()
    await board.goto(nginx.httpsUrl + created.body.pairingPath)
    await board.getByText('接続中').waitFor()
    const a = await holderOfBoard()
    const [b, c] = processes.filter((p) => p !== a) as [ServerProcess, ServerProcess]

    // A report sent straight to another process reaches the board through the adapter.
    const suzukiOnB = await new Client(b).login(school.login.suzuki)
    const sentAt = Date.now()
    await report(suzukiOnB, school.pupils.taro, 'cluster-e2e-000001')
    const answeredAt = Date.now()
    await boardEntry(board, '鈴木 太郎').waitFor({ timeout: 10_000 })
    console.log(`report sent to one process → shown on a board on another: ${Date.now() - sentAt} ms (the report's answer took ${answeredAt - sentAt} ms)`)

    // The board's process dies; a report arrives meanwhile on a third one.
    await a.kill()
    await report(await new Client(c).login(school.login.tanaka), school.pupils.hanako, 'cluster-e2e-000002')
    const diedAt = Date.now()
    // nginx moves the board to a live process; its fresh snapshot holds what it missed.
    await boardEntry(board, '田中 花子').waitFor({ timeout: 60_000 })
    console.log(`board back with the missed report ${Date.now() - diedAt} ms after its process died`)
    const now = await holderOfBoard()
    expect([b, c]).toContain(now)
    expect(await boardEntry(board, '鈴木 太郎').count()).toBe(1)

    // Live again on its new process: a report on the other survivor arrives as an event.
    await report(await new Client(now === b ? c : b).login(school.login.suzuki), school.pupils.jiro, 'cluster-e2e-000003')
    await boardEntry(board, '鈴木 次郎').waitFor({ timeout: 10_000 })
    // Nothing missing, nothing twice: the three absences, once each.
    expect(await board.locator('asg-board-entry').allInnerTexts()).toHaveLength(3)
    await context.close()
  })
})
