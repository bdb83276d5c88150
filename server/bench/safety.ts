import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import type { CreateReportRequest } from '../../shared/protocol/index.js'
import { fiscalYearOf, schoolDateOf } from '../../shared/time/schoolTime.js'
import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import { createApp } from '../app.js'
import { systemClock } from '../clock.js'
import type { Log } from '../log.js'
import { deliverOutbox, smtpTransport } from '../notices/outbox.js'
import { startSmtp } from '../test/smtp.js'
import { closeSockets, connectBoards, type BoardSocket } from './boards.js'
import { DEFAULT_DATABASE_URL, openEmbedded, openPostgres, postgresAnswers, redactUrl, type BenchDatabase } from './databases.js'
import { PageSession } from './http.js'
import { upcomingSchoolDays } from './schoolDays.js'
import { BENCH_PASSWORD, seedBenchSchool } from './school.js'
import { summarize, type Summary } from './stats.js'

/**
 * `npm run bench:safety [pupils] [seconds]`: a 安否確認 to a whole school. Figures: the start
 * (every family's e-mail written to the outbox in the change), the time until the outbox worker
 * has handed every e-mail to a local SMTP server, and answer → board tally latency with the
 * answers spread over `seconds`, next to report → board latency of the same school, same
 * guardians, same board, measured in the same run. Prints, never judges.
 */

const errorsOnly: Log = { info() {}, warn() {}, error: (msg, fields) => console.error(msg, fields) }
const BUILD_ID = 'bench'

const fmt = (s: Summary) => `n=${s.n}  p50 ${s.p50.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  max ${s.max.toFixed(1)} ms`

/** Resolves with the time of the board's next event of that name. */
function nextAt(board: BoardSocket, name: 'day:changed' | 'safety:changed'): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} within 15 s`)), 15_000)
    board.once(name as never, (() => {
      clearTimeout(timer)
      resolve(performance.now())
    }) as never)
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function measure(db: BenchDatabase, pupils: number, seconds: number): Promise<void> {
  const now = systemClock.now()
  const today = schoolDateOf(now, SCHOOL_ZONE)
  const school = await seedBenchSchool(db.sql, { pupils, fiscalYear: fiscalYearOf(today) })
  await db.sql`update guardian set email = 'family' || id || '@example.jp'`
  // The baseline's reports are for the next school day: today's may be past the school's cut-off.
  const reportDay = upcomingSchoolDays(now, SCHOOL_ZONE, 1).days[0]!
  const smtp = await startSmtp()
  const app = createApp(
    { sql: db.sql, dbMode: db.mode, clock: systemClock, log: errorsOnly, buildId: BUILD_ID, version: 'bench', mail: { mode: 'smtp', publicUrl: 'https://asagao.example.jp' } },
    { allowedOrigins: [], secureCookies: false },
  )
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`
  const admin = await new PageSession(baseUrl).login(school.adminLoginId, BENCH_PASSWORD)
  const [board] = await connectBoards(baseUrl, admin, 1, BUILD_ID)
  const sessions = new Map<string, PageSession>()
  const queue = [...school.guardians]
  // A few at a time: each login verifies a scrypt hash on the libuv thread pool.
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let g = queue.shift(); g; g = queue.shift()) sessions.set(g.loginId, await new PageSession(baseUrl).login(g.loginId, BENCH_PASSWORD))
  }))
  const families = school.guardians.length
  const interval = (seconds * 1000) / families
  try {
    // Baseline: one report per family, each followed to the board.
    const reports: number[] = []
    for (const g of school.guardians) {
      const body: CreateReportRequest = {
        idempotencyKey: randomBytes(12).toString('base64url'), pupilIds: [g.pupilIds[0]!], kind: 'absent', fromDate: reportDay, toDate: reportDay,
        reasonId: school.reasonId, symptoms: [], temperature: null, message: '',
      }
      const arrived = nextAt(board!, 'day:changed')
      const t0 = performance.now()
      const res = await sessions.get(g.loginId)!.request('POST', '/api/guardian/reports', body)
      if (res.status !== 201) throw new Error(`report: ${res.status} ${JSON.stringify(res.body)}`)
      reports.push((await arrived) - t0)
    }

    // The confirmation: start, then the worker hands every e-mail to SMTP.
    const started = nextAt(board!, 'safety:changed')
    const t0 = performance.now()
    const res = await admin.request('POST', '/api/safety', { template: 'drill', situation: 'out_of_school' })
    const tStart = performance.now()
    if (res.status !== 201) throw new Error(`start: ${res.status} ${JSON.stringify(res.body)}`)
    const tBoard = await started
    const id = (res.body as { id: number }).id
    const transport = smtpTransport(`smtp://127.0.0.1:${smtp.port}`, 'school@example.jp')
    let handed = 0
    const [{ n: emails }] = (await db.sql<{ n: number }[]>`select count(*)::int as n from outbox where safety_id = ${id}`) as unknown as [{ n: number }]
    while (handed < emails) handed += (await deliverOutbox(db.sql, systemClock, transport, errorsOnly)).sent
    const tSmtp = performance.now()
    transport.close()

    // Every family answers for all its children, spread over `seconds`.
    const answers: number[] = []
    const tAnswers = performance.now()
    for (const [i, g] of school.guardians.entries()) {
      const due = tAnswers + i * interval
      const wait = due - performance.now()
      if (wait > 0) await sleep(wait)
      const arrived = nextAt(board!, 'safety:changed')
      const a0 = performance.now()
      const r = await sessions.get(g.loginId)!.request('POST', `/api/guardian/safety/${id}/answer`, { answers: g.pupilIds.map((pupilId) => ({ pupilId, status: i % 10 === 0 ? 'injured' : 'safe', whereabouts: 'home' })) })
      if (r.status !== 200) throw new Error(`answer: ${r.status} ${JSON.stringify(r.body)}`)
      answers.push((await arrived) - a0)
    }
    const took = (performance.now() - tAnswers) / 1000

    console.log(`\n${db.mode} — ${db.serverVersion}`)
    console.log(`  school: ${pupils} pupils, ${families} families (guardians with e-mail), 1 board`)
    console.log(`  start → answered:              ${(tStart - t0).toFixed(0)} ms (targets, ${emails} e-mails into the outbox, tally)`)
    console.log(`  start → board in safety mode:  ${(tBoard - t0).toFixed(0)} ms`)
    console.log(`  start → every e-mail at SMTP:  ${(tSmtp - t0).toFixed(0)} ms (${emails} messages, one worker, local smtp-server)`)
    console.log(`  answer → board tally:          ${fmt(summarize(answers))}  (${families} answers in ${took.toFixed(1)} s)`)
    console.log(`  baseline report → board:       ${fmt(summarize(reports))}`)
  } finally {
    closeSockets([board!])
    app.io.disconnectSockets(true)
    app.httpServer.closeAllConnections()
    await new Promise<void>((resolve) => app.io.close(() => resolve()))
    await smtp.close()
  }
}

async function main(): Promise<void> {
  const pupils = Number(process.argv[2] ?? 1000)
  const seconds = Number(process.argv[3] ?? 60)
  console.log(`bench:safety — ${pupils} pupils, answers spread over ${seconds} s`)
  const embedded = await openEmbedded()
  try {
    await measure(embedded, pupils, seconds)
  } finally {
    await embedded.close()
  }
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  if (!(await postgresAnswers(url))) return console.log(`\npostgres — skipped: no PostgreSQL answered at ${redactUrl(url)}`)
  const pg = await openPostgres(url)
  try {
    await measure(pg, pupils, seconds)
  } finally {
    await pg.close()
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
