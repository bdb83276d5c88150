import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import type { CreateReportRequest } from '../../shared/protocol/index.js'
import { fiscalYearOf, schoolDateOf } from '../../shared/time/schoolTime.js'
import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import { createApp } from '../app.js'
import { systemClock } from '../clock.js'
import type { Log } from '../log.js'
import { DELIVERY, smtpTransport, startOutboxWorker, type MailTransport } from '../notices/outbox.js'
import { webPushSender, type PushSender } from '../push/deliver.js'
import { vapidKeys } from '../push/vapid.js'
import { startPushService, type TestBrowser } from '../test/pushService.js'
import { startSmtp } from '../test/smtp.js'
import { closeSockets, connectBoards, type BoardSocket } from './boards.js'
import { DEFAULT_DATABASE_URL, openEmbedded, openPostgres, postgresAnswers, redactUrl, type BenchDatabase } from './databases.js'
import { PageSession } from './http.js'
import { upcomingSchoolDays } from './schoolDays.js'
import { BENCH_PASSWORD, seedBenchSchool } from './school.js'
import { summarize, type Summary } from './stats.js'
import { int, readFlags } from './flags.js'

/**
 * `npm run bench:safety [-- --pupils N --families N --seconds N]`: a 安否確認 to a whole school (by default
 * 1,000 pupils in 700 families: 300 with two children, 400 with one), every family with an
 * e-mail address and one browser subscribed to Web Push on a push service on this machine.
 * Figures: the start (every family's e-mail and push written to the outboxes in the change),
 * the time until the outbox worker, as the server runs it, has handed every e-mail to a local
 * SMTP server and had every push accepted by the push service, and answer → board tally latency
 * with the answers spread over `seconds`, next to report → board latency of the same school,
 * same guardians, same board, measured in the same run. Prints, never judges.
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

/** `send`, counting successes: `done(n)` resolves with the time the `n`th one succeeded. */
function countDeliveries<T extends (...args: never[]) => Promise<void>>(send: T): { send: T; done(n: number): Promise<number> } {
  const times: number[] = []
  const waiting = new Map<number, (t: number) => void>()
  const counted = (async (...args: Parameters<T>) => {
    await send(...args)
    times.push(performance.now())
    waiting.get(times.length)?.(times.at(-1)!)
  }) as T
  return {
    send: counted,
    done: (n) => (times.length >= n ? Promise.resolve(times[n - 1]!) : new Promise((resolve) => waiting.set(n, resolve))),
  }
}

async function measure(db: BenchDatabase, pupils: number, familyCount: number, seconds: number): Promise<void> {
  const now = systemClock.now()
  const today = schoolDateOf(now, SCHOOL_ZONE)
  const school = await seedBenchSchool(db.sql, { pupils, families: familyCount, fiscalYear: fiscalYearOf(today) })
  await db.sql`update guardian set email = 'family' || id || '@example.jp'`
  // The baseline's reports are for the next school day: today's may be past the school's cut-off.
  const reportDay = upcomingSchoolDays(now, SCHOOL_ZONE, 1).days[0]!
  const smtp = await startSmtp()
  const push = await startPushService()
  const app = createApp(
    {
      sql: db.sql, dbMode: db.mode, clock: systemClock, log: errorsOnly, buildId: BUILD_ID, version: 'bench',
      mail: { mode: 'smtp', publicUrl: 'https://asagao.example.jp' }, push: { extraHosts: [push.host] },
    },
    { allowedOrigins: [], secureCookies: false },
  )
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`
  const admin = await new PageSession(baseUrl).login(school.adminLoginId, BENCH_PASSWORD)
  const [board] = await connectBoards(baseUrl, admin, 1, BUILD_ID)
  const sessions = new Map<string, PageSession>()
  const browsers: TestBrowser[] = []
  const queue = [...school.guardians]
  // A few at a time: each login verifies a scrypt hash on the libuv thread pool.
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let g = queue.shift(); g; g = queue.shift()) {
      const session = await new PageSession(baseUrl).login(g.loginId, BENCH_PASSWORD)
      const browser = push.browser()
      browsers.push(browser)
      const res = await session.request('POST', '/api/guardian/push/devices', browser.subscription)
      if (res.status !== 200) throw new Error(`subscribe: ${res.status} ${JSON.stringify(res.body)}`)
      sessions.set(g.loginId, session)
    }
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

    // The confirmation: start, then the outbox worker, on the server's own one-second tick,
    // hands every e-mail to SMTP and every push to the push service.
    const [{ n: mailBefore }] = (await db.sql<{ n: number }[]>`select count(*)::int as n from outbox where status = 'pending'`) as unknown as [{ n: number }]
    const [{ n: pushBefore }] = (await db.sql<{ n: number }[]>`select count(*)::int as n from push_outbox where status = 'pending'`) as unknown as [{ n: number }]
    const transport = smtpTransport(`smtp://127.0.0.1:${smtp.port}`, 'school@example.jp')
    const mail = countDeliveries(transport.send.bind(transport))
    const sender = webPushSender(await vapidKeys(db.sql, systemClock), 'mailto:bench@example.jp', push.agent)
    const pushes = countDeliveries(sender.send.bind(sender))
    const mailer: MailTransport = { send: mail.send, close: () => transport.close() }
    const pusher: PushSender = { send: pushes.send }
    const started = nextAt(board!, 'safety:changed')
    const worker = startOutboxWorker(db.sql, systemClock, { mail: mailer, push: pusher }, errorsOnly)
    const t0 = performance.now()
    const res = await admin.request('POST', '/api/safety', { template: 'drill', situation: 'out_of_school' })
    const tStart = performance.now()
    if (res.status !== 201) throw new Error(`start: ${res.status} ${JSON.stringify(res.body)}`)
    const tBoard = await started
    const id = (res.body as { id: number }).id
    const [{ n: emails }] = (await db.sql<{ n: number }[]>`select count(*)::int as n from outbox where safety_id = ${id}`) as unknown as [{ n: number }]
    const [{ n: devices }] = (await db.sql<{ n: number }[]>`select count(*)::int as n from push_outbox where kind = 'safety'`) as unknown as [{ n: number }]
    const [tSmtp, tPush] = await Promise.all([mail.done(mailBefore + emails), pushes.done(pushBefore + devices)])
    await worker.stop()
    const decrypted = browsers.filter((b) => b.received.length === 1).length

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
    console.log(`  school: ${pupils} pupils, ${families} families (each with e-mail and one device subscribed to Web Push), 1 board`)
    console.log(`  start → answered:              ${(tStart - t0).toFixed(0)} ms (targets, ${emails} e-mails and ${devices} pushes into the outboxes, tally)`)
    console.log(`  start → board in safety mode:  ${(tBoard - t0).toFixed(0)} ms`)
    console.log(`  start → every e-mail at SMTP:  ${(tSmtp - t0).toFixed(0)} ms (${emails} messages, one worker on a 1 s tick, pooled SMTP, ${DELIVERY.connections} connections, local smtp-server)`)
    console.log(`  start → every push accepted:   ${(tPush - t0).toFixed(0)} ms (${devices} devices, same worker beside the e-mail, local HTTPS push service; ${decrypted} devices decrypted theirs)`)
    console.log(`  answer → board tally:          ${fmt(summarize(answers))}  (${families} answers in ${took.toFixed(1)} s)`)
    console.log(`  baseline report → board:       ${fmt(summarize(reports))}`)
  } finally {
    closeSockets([board!])
    app.io.disconnectSockets(true)
    app.httpServer.closeAllConnections()
    await new Promise<void>((resolve) => app.io.close(() => resolve()))
    await smtp.close()
    await push.close()
  }
}

const USAGE = `usage: npm run bench:safety -- [--pupils N] [--families N] [--seconds N]
  --pupils N    pupils of the school (default 1000)
  --families N  families they belong to (default 7 in 10 of the pupils)
  --seconds N   the span the families' answers are spread over (default 60)
  DATABASE_URL  PostgreSQL server to use (default ${DEFAULT_DATABASE_URL})`

async function main(): Promise<void> {
  const flags = readFlags(process.argv.slice(2), { pupils: int(1000), families: int(), seconds: int(60) }, USAGE)
  const { pupils, seconds } = flags
  const families = flags.families ?? Math.round(pupils * 0.7)
  if (families > pupils) {
    // Every family has a child at the school.
    console.error(`--families (${families}) cannot be more than --pupils (${pupils})\n${USAGE}`)
    process.exit(2)
  }
  console.log(`bench:safety — ${pupils} pupils in ${families} families, answers spread over ${seconds} s; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  const embedded = await openEmbedded()
  try {
    await measure(embedded, pupils, families, seconds)
  } finally {
    await embedded.close()
  }
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  if (!(await postgresAnswers(url))) return console.log(`\npostgres — skipped: no PostgreSQL answered at ${redactUrl(url)}`)
  const pg = await openPostgres(url)
  try {
    await measure(pg, pupils, families, seconds)
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
