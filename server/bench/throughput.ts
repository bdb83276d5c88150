import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { PROTOCOL_VERSION, type CreateReportRequest } from '../../shared/protocol/index.js'
import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import { hashToken, newToken } from '../auth/tokens.js'
import { insertBoardDevice, redeemPairingCode } from '../data/boardDevices.js'
import { insertSession } from '../data/sessions.js'
import { createStaff } from '../data/schoolSetup.js'
import { freePort } from '../test/process.js'
import { closeSockets, connectSocket, type BoardSocket } from './boards.js'
import { DEFAULT_DATABASE_URL, openPostgres, postgresAnswers, redactUrl, type BenchDatabase } from './databases.js'
import { int, ints, readFlags } from './flags.js'
import { seedBenchSchool } from './school.js'
import { SERVER_NODE_FLAGS, startServerProcess, stopProcess } from './serverProcess.js'
import { upcomingSchoolDays } from './schoolDays.js'
import { summarize, type Summary } from './stats.js'

/**
 * `npm run bench:throughput`: how many guardian reports a second one server process takes on
 * PostgreSQL with p99 under a second. The server runs in its own process (`server/start.ts`, as
 * `npm start` runs it); this process is only the load generator. It offers reports open-loop at
 * rising rates (each report a new pupil-day of one of the city's schools, sent at its scheduled
 * moment whether or not earlier ones have been answered, as guardians do) and prints, per step,
 * the rate answered, latency, errors and the CPU milliseconds each report cost the server
 * process and the database server (every `postgres` process on this machine, read from /proc).
 * Figures only: nothing is asserted.
 */
const USAGE = `usage: npm run bench:throughput -- [--schools N] [--pupils N] [--boards N] [--seconds N] [--rates A,B,…]
  --schools N   schools of the city, each with its own board displays (default 20)
  --pupils N    pupils per school (default 150)
  --boards N    board sockets per school, connected through the whole run (default 2)
  --seconds N   length of each step (default 10)
  --rates LIST  offered reports per second, one step each (default 25,50,100,200,300,400,500,600,800)
  DATABASE_URL  PostgreSQL server to use (default ${DEFAULT_DATABASE_URL})
  BENCH_SERVER_NODE_FLAGS  Node flags for the server process, to see where its time goes (e.g. --cpu-prof --cpu-prof-dir=DIR)`

interface Options { schools: number; pupils: number; boards: number; seconds: number; rates: number[] }

function parse(argv: string[]): Options {
  return readFlags(argv, { schools: int(20), pupils: int(150), boards: int(2), seconds: int(10), rates: ints([25, 50, 100, 200, 300, 400, 500, 600, 800]) }, USAGE)
}

/** A step passes while its p99 stays under this and (almost) nothing fails. */
const P99_LIMIT_MS = 1000
const MAX_ERROR_SHARE = 0.001
/** Reports still unanswered this long after their step are counted as failed. */
const ANSWER_LIMIT_MS = 30_000
const CLOCK_TICKS = 100

interface PupilDayPlan { cookie: string; pupilId: number; date: string; reasonId: number }

interface StepResult {
  offered: number
  sent: number
  answered: number
  failed: Record<string, number>
  latency: Summary
  answeredPerSecond: number
  serverCpuMs: number
  dbCpuMs: number
  generatorCpuMs: number
}

/** CPU time (user + system) of a process so far, in ms; 0 once it is gone. */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
  } catch {
    return 0
  }
}

/** CPU time of every PostgreSQL server process on this machine (the postmaster, its backends and helpers). */
function postgresCpuMs(): number {
  let total = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuMsOf(Number(entry))
    } catch {
      // the process ended between the listing and the read
    }
  }
  return total
}

async function startServer(dbUrl: string, port: number): Promise<{ child: ChildProcess; log: string[] }> {
  const log: string[] = []
  const child = await startServerProcess({
    label: 'the server', args: [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/start.ts'], port, log,
    env: { DATABASE_URL: dbUrl, ASAGAO_DEMO: 'off', ASAGAO_LOG: 'info' },
  })
  return { child, log }
}

/**
 * Seeds the schools, and for each guardian a session (inserted as a login would, without the
 * deliberately slow password hash and the per-address login limit, which are not what this
 * measures) and for each school its board devices.
 */
async function seed(db: BenchDatabase, o: Options): Promise<{ plans: PupilDayPlan[]; boardCookies: string[] }> {
  const { fiscalYear, days } = upcomingSchoolDays(Date.now(), SCHOOL_ZONE, 20)
  const needed = o.rates.reduce((a, r) => a + r * o.seconds, 0)
  const byPupil: { cookie: string; pupilId: number; reasonId: number }[] = []
  const boardCookies: string[] = []
  const expiresAt = new Date(Date.now() + 24 * 3_600_000).toISOString()
  for (let s = 0; s < o.schools; s++) {
    const school = await seedBenchSchool(db.sql, { pupils: o.pupils, fiscalYear })
    const idByLogin = new Map((await db.sql<{ id: number; loginId: string }[]>`select id, login_id from guardian where login_id like ${`bench-guardian-${school.schoolId}-%`}`).map((r) => [r.loginId, r.id]))
    for (const guardian of school.guardians) {
      const token = newToken()
      await insertSession(db.sql, { tokenHash: hashToken(token), kind: 'guardian', id: idByLogin.get(guardian.loginId)!, expiresAt, userAgent: 'bench:throughput' })
      for (const pupilId of guardian.pupilIds) byPupil.push({ cookie: `asg_session=${token}`, pupilId, reasonId: school.reasonId })
    }
    const admin = await createStaff(db.sql, { schoolId: school.schoolId, loginId: `tp-admin-${school.schoolId}`, passwordHash: 'x', familyName: '管理', givenName: '者', roles: ['admin'] })
    for (let b = 0; b < o.boards; b++) {
      const code = newToken()
      const token = newToken()
      await insertBoardDevice(db.sql, { schoolId: school.schoolId, name: `職員室 ${b + 1}`, pairingCodeHash: hashToken(code), pairingExpiresAt: expiresAt, createdBy: admin })
      await redeemPairingCode(db.sql, hashToken(code), hashToken(token), new Date().toISOString())
      boardCookies.push(`asg_device=${token}`)
    }
  }
  // Pupils of all schools interleaved, then the days: consecutive reports go to different schools and pupils.
  const order = [...byPupil.keys()].sort((a, b) => (a % o.pupils) - (b % o.pupils) || a - b)
  const plans: PupilDayPlan[] = []
  for (const date of days) for (const i of order) plans.push({ ...byPupil[i]!, date })
  if (plans.length < needed) throw new Error(`${plans.length} pupil-days for ${needed} reports: raise --schools or --pupils, or lower --rates/--seconds`)
  return { plans, boardCookies }
}

async function runStep(baseUrl: string, plans: PupilDayPlan[], rate: number, seconds: number, serverPid: number): Promise<StepResult> {
  const total = rate * seconds
  const latencies: number[] = []
  const failed: Record<string, number> = {}
  const fail = (why: string) => void (failed[why] = (failed[why] ?? 0) + 1)
  const cpu0 = { server: cpuMsOf(serverPid), db: postgresCpuMs(), generator: process.cpuUsage() }
  const start = performance.now()
  const inFlight: Promise<void>[] = []
  const send = (plan: PupilDayPlan) => {
    const body: CreateReportRequest = {
      idempotencyKey: randomBytes(12).toString('base64url'), pupilIds: [plan.pupilId], kind: 'absent', fromDate: plan.date, toDate: plan.date,
      reasonId: plan.reasonId, symptoms: ['発熱'], temperature: 38.2, message: '',
    }
    const t = performance.now()
    return fetch(`${baseUrl}/api/guardian/reports`, {
      method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(ANSWER_LIMIT_MS),
      headers: { origin: baseUrl, 'content-type': 'application/json', cookie: plan.cookie },
    }).then(
      async (res) => {
        await res.arrayBuffer()
        if (res.status === 201) latencies.push(performance.now() - t)
        else fail(`HTTP ${res.status}`)
      },
      (err: unknown) => fail(err instanceof Error ? err.name : 'error'),
    )
  }
  // Open loop: each report leaves at its own moment, however the earlier ones are doing.
  let sent = 0
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate))
      while (sent < due) inFlight.push(send(plans.shift()!)), sent++
      if (sent >= total) return resolve()
      setTimeout(tick, 2)
    }
    tick()
  })
  const sendingMs = performance.now() - start
  await Promise.all(inFlight)
  const g = process.cpuUsage(cpu0.generator)
  return {
    offered: rate, sent, answered: latencies.length, failed, latency: summarize(latencies),
    answeredPerSecond: latencies.length / (Math.max(sendingMs, performance.now() - start) / 1000),
    serverCpuMs: (cpuMsOf(serverPid) - cpu0.server) / Math.max(1, latencies.length),
    dbCpuMs: (postgresCpuMs() - cpu0.db) / Math.max(1, latencies.length),
    generatorCpuMs: (g.user + g.system) / 1000 / Math.max(1, latencies.length),
  }
}

async function main(): Promise<void> {
  const o = parse(process.argv.slice(2))
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL
  if (!(await postgresAnswers(url))) throw new Error(`PostgreSQL at ${redactUrl(url)} does not answer`)
  const db = await openPostgres(url)
  let server: { child: ChildProcess; log: string[] } | null = null
  let boards: BoardSocket[] = []
  try {
    const t = Date.now()
    const { plans, boardCookies } = await seed(db, o)
    console.log(`Asagao report throughput, one server process on PostgreSQL`)
    console.log(`  machine   ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`)
    console.log(`  city      ${o.schools} schools × ${o.pupils} pupils, ${o.boards} boards each; seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`)
    const dbUrl = new URL(url)
    dbUrl.pathname = `/${db.sql.options.database}`
    const port = await freePort()
    server = await startServer(dbUrl.toString(), port)
    const baseUrl = `http://127.0.0.1:${port}`
    boards = await Promise.all(boardCookies.map((cookie) => connectSocket<BoardSocket>(baseUrl, { cookie, auth: { protocol: PROTOCOL_VERSION, buildId: 'bench', client: 'board' } })))
    let events = 0
    for (const b of boards) b.on('day:changed', () => void events++)
    console.log(`  started   ${new Date().toISOString()}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, steps of ${o.seconds} s\n`)
    // Warm-up: the server's first requests compile and plan; not counted.
    await runStep(baseUrl, plans, 20, 3, server.child.pid!)
    console.log('  offered/s  answered/s   p50 ms   p99 ms   max ms  failed   CPU ms per report: server  database  generator')
    let best = 0
    for (const rate of o.rates) {
      const r = await runStep(baseUrl, plans, rate, o.seconds, server.child.pid!)
      const failedCount = Object.values(r.failed).reduce((a, b) => a + b, 0)
      const passes = r.latency.p99 < P99_LIMIT_MS && failedCount <= r.sent * MAX_ERROR_SHARE
      if (passes) best = rate
      const f = (v: number) => v.toFixed(1).padStart(8)
      console.log(`  ${String(r.offered).padStart(9)}  ${r.answeredPerSecond.toFixed(1).padStart(10)} ${f(r.latency.p50)} ${f(r.latency.p99)} ${f(r.latency.max)} ${String(failedCount).padStart(7)}   ${f(r.serverCpuMs).padStart(24)} ${f(r.dbCpuMs).padStart(9)} ${f(r.generatorCpuMs).padStart(10)}${passes ? '' : '   ← p99 ≥ 1 s or failures'}${failedCount ? ' ' + JSON.stringify(r.failed) : ''}`)
      if (!passes) break
    }
    const errors = server.log.filter((l) => /"level":"error"|unhandled|UNSAFE_TRANSACTION/i.test(l))
    console.log(`\n  highest offered rate with p99 < 1 s and no failures: ${best ? `${best} reports/s` : 'none of the steps'}`)
    console.log(`  board events received: ${events}; error lines in the server log: ${errors.length}`)
    for (const line of errors.slice(0, 5)) console.log(`    ${line.slice(0, 300)}`)
  } finally {
    closeSockets(boards)
    if (server) await stopProcess(server.child, 'SIGTERM')
    await db.close()
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  },
)
