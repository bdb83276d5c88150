import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { PROTOCOL_VERSION } from '../../shared/protocol/index.js'
import { hashToken, newToken } from '../auth/tokens.js'
import { createStaff } from '../data/schoolSetup.js'
import { insertBoardDevice, redeemPairingCode } from '../data/boardDevices.js'
import { buildStale } from '../build/build.mjs'
import { ROOT } from '../pages/buildInfo.js'
import { SERVER_NODE_FLAGS, startServerProcess, stopProcess } from './serverProcess.js'
import { freePort } from '../test/process.js'
import { seedCity } from './city.js'
import { DEFAULT_DATABASE_URL, openPostgres, postgresAnswers, redactUrl } from './databases.js'
import { int, readFlags } from './flags.js'
import { summarize } from './stats.js'
import type { FromClients, StormClientPlan, ToClients } from './stormClients.js'

/**
 * `npm run bench:storm`: a reconnect storm. N board sockets (default 10,000) over 3 server
 * processes on one PostgreSQL, opened by load-generator processes of their own; then every
 * server process is killed (SIGKILL) and started again. Prints the time until every page holds
 * a snapshot taken after the kill, /healthz latency while the pages come back, the errors the
 * servers logged, and the memory each connected page costs, against bare Socket.IO servers
 * reconnecting the same number of sockets in the same run. Figures only: nothing is asserted.
 */
const USAGE = `usage: npm run bench:storm -- [--sockets N] [--schools N] [--processes N] [--clients N]
  --sockets N    board sockets (default 10000)
  --schools N    schools of 300 pupils sharing them (default 20)
  --processes N  server processes (default 3)
  --clients N    load-generator processes (default 2)
  DATABASE_URL   PostgreSQL server to use (default ${DEFAULT_DATABASE_URL})
  BENCH_SERVER_NODE_FLAGS  Node flags for the product's server processes (e.g. --cpu-prof --cpu-prof-dir=DIR)`

interface Options { sockets: number; schools: number; processes: number; clients: number }

function parse(argv: string[]): Options {
  return readFlags(argv, { sockets: int(10_000), schools: int(20), processes: int(3), clients: int(2) }, USAGE)
}

/** How long the bench waits for the pages to come back before it says they did not. */
const RESYNC_LIMIT_MS = 180_000
const HEALTH_EVERY_MS = 50
/** Quiet time after the first connect before memory is read, the same for both sides. */
const SETTLE_MS = 15_000

interface ServerSet {
  kind: 'asagao' | 'bare'
  ports: number[]
  procs: (ChildProcess | null)[]
  log: string[]
  /** Starts process i and waits until it answers /healthz (at most `waitMs`). */
  start(i: number, waitMs?: number): Promise<void>
  killAll(): Promise<void>
  stopAll(): Promise<void>
}

function serverSet(kind: 'asagao' | 'bare', ports: number[], env: Record<string, string>, args: string[]): ServerSet {
  const set: ServerSet = {
    kind, ports, procs: ports.map(() => null), log: [],
    async start(i, waitMs = 120_000) {
      set.procs[i] = await startServerProcess({
        label: `${kind} server ${i}`, args: [...(kind === 'asagao' ? SERVER_NODE_FLAGS : []), ...args], port: ports[i]!, env, log: set.log, waitMs,
      })
    },
    async killAll() {
      await Promise.all(set.procs.map((p) => p && stopProcess(p, 'SIGKILL')))
    },
    async stopAll() {
      await Promise.all(set.procs.map((p) => p && stopProcess(p, 'SIGTERM')))
    },
  }
  return set
}

/** Resident memory of a process, in bytes. */
function rss(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!
  return Number(line.split(/\s+/)[1]) * 1024
}

/** Polls every process's /healthz throughout, one request at a time per process. */
function healthProbe(ports: number[]) {
  const samples: number[] = []
  let refused = 0
  let running = true
  const loops = ports.map(async (port) => {
    while (running) {
      const t = performance.now()
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(10_000) })
        await res.arrayBuffer()
        if (res.ok) samples.push(performance.now() - t)
        else refused++
      } catch {
        refused++
      }
      await new Promise((r) => setTimeout(r, HEALTH_EVERY_MS))
    }
  })
  return {
    async stop() {
      running = false
      await Promise.all(loops)
      return { samples, refused }
    },
  }
}

class Clients {
  private readonly procs: ChildProcess[] = []
  private readonly waiting = new Map<ChildProcess, (m: FromClients) => void>()

  private readonly dir = mkdtempSync(join(tmpdir(), 'asagao-storm-'))

  constructor(plans: StormClientPlan[]) {
    for (const [i, plan] of plans.entries()) {
      // Thousands of cookies are too long for the environment: the plan goes in a file.
      const file = join(this.dir, `plan-${i}.json`)
      writeFileSync(file, JSON.stringify(plan))
      const child = fork(join(ROOT, 'server', 'bench', 'stormClients.ts'), [], {
        execArgv: ['--import', 'tsx'],
        env: { ...process.env, STORM_PLAN_FILE: file },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      })
      child.on('message', (m: FromClients) => {
        const resolve = this.waiting.get(child)
        this.waiting.delete(child)
        resolve?.(m)
      })
      this.procs.push(child)
    }
  }

  private ask(child: ChildProcess, m: ToClients): Promise<FromClients> {
    return new Promise((resolve) => {
      this.waiting.set(child, resolve)
      child.send(m)
    })
  }

  async connect(): Promise<void> {
    await Promise.all(this.procs.map((c) => this.ask(c, { type: 'connect' })))
  }

  async status(since: number) {
    const all = (await Promise.all(this.procs.map((c) => this.ask(c, { type: 'status', since })))) as Extract<FromClients, { type: 'status' }>[]
    return {
      fresh: all.reduce((a, s) => a + s.fresh, 0),
      total: all.reduce((a, s) => a + s.total, 0),
      lastAt: Math.max(...all.map((s) => s.lastAt)),
      failedAsks: all.reduce((a, s) => a + s.failedAsks, 0),
      connectErrors: all.reduce((a, s) => a + s.connectErrors, 0),
      errorsSince: all.reduce<Record<string, number>>((a, s) => {
        for (const [k, v] of Object.entries(s.errorsSince)) a[k] = (a[k] ?? 0) + v
        return a
      }, {}),
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.procs.map((c) => {
      const gone = new Promise<void>((r) => c.once('exit', () => r()))
      c.send({ type: 'stop' } satisfies ToClients)
      return gone
    }))
    rmSync(this.dir, { recursive: true, force: true })
  }
}

interface StormResult {
  kind: string
  resyncMs: number | null
  /** From the moment every restarted process answers /healthz. */
  afterUpMs: number | null
  restartMs: number
  connectMs: number
  health: ReturnType<typeof summarize> | null
  healthRefused: number
  bytesPerPage: number
  failedAsks: number
  /** Transactions (mostly single statements) the database committed from the kill until the servers stopped after the resync. */
  transactions: number
  /** Failed handshakes from the kill until every page was back, by reason. */
  handshakeErrors: Record<string, number>
  errorLines: string[]
  unsafe: number
}

/** Connect every page, kill every server process, start them again, and wait for every page's new snapshot. */
/** Transactions committed in the bench database so far: each statement outside a transaction is one. */
type Committed = () => Promise<number>

async function storm(set: ServerSet, pages: StormClientPlan['pages'], o: Options, auth: Record<string, unknown>, committed: Committed): Promise<StormResult> {
  for (let i = 0; i < set.ports.length; i++) await set.start(i)
  await new Promise((r) => setTimeout(r, 1000))
  const idle = set.procs.reduce((a, p) => a + rss(p!.pid!), 0)
  const share = Math.ceil(pages.length / o.clients)
  const clients = new Clients(Array.from({ length: o.clients }, (_, c) => ({ pages: pages.slice(c * share, (c + 1) * share), auth, batch: 250 })))
  let committedBefore = 0
  let result: Omit<StormResult, 'transactions'>
  try {
    const t = Date.now()
    await clients.connect()
    const connectMs = Date.now() - t
    const first = await clients.status(0)
    const warned = set.log.filter((l) => /"level":(40|"warn")/.test(l))
    console.log(`  ${set.kind}: ${pages.length} pages connected with their snapshots in ${(connectMs / 1000).toFixed(1)} s (${first.connectErrors} refused or failed handshakes, ${first.failedAsks} snapshot asks refused or timed out, ${warned.length} warnings logged${warned[0] ? `, the first: ${warned[0].slice(0, 200)}` : ''})`)
    // Read once the connect's garbage is given back (V8's memory reducer runs after some quiet
    // seconds): right after the burst, RSS counts what the snapshot builds left behind, not the pages.
    await new Promise((r) => setTimeout(r, SETTLE_MS))
    const connected = set.procs.reduce((a, p) => a + rss(p!.pid!), 0)
    const bytesPerPage = (connected - idle) / pages.length
    const logBefore = set.log.length

    committedBefore = await committed()
    const killedAt = Date.now()
    await set.killAll()
    const probe = healthProbe(set.ports)
    // Under the storm a process may take long to answer its first /healthz: that is measured, not a failure.
    await Promise.all(set.ports.map((_, i) => set.start(i, RESYNC_LIMIT_MS)))
    const upAt = Date.now()
    console.log(`  ${set.kind}: all ${set.ports.length} processes killed and answering again after ${((upAt - killedAt) / 1000).toFixed(1)} s`)
    let resyncMs: number | null = null
    let last = await clients.status(killedAt)
    // When half, nine in ten and 99 in 100 pages were back: the tail shows the pages' backoff.
    const shares = [0.5, 0.9, 0.99]
    const reached: (number | null)[] = shares.map(() => null)
    while (Date.now() - killedAt < RESYNC_LIMIT_MS) {
      last = await clients.status(killedAt)
      shares.forEach((s, k) => { if (reached[k] === null && last.fresh >= s * last.total) reached[k] = Date.now() - killedAt })
      if (last.fresh === last.total) {
        resyncMs = last.lastAt - killedAt
        break
      }
      await new Promise((r) => setTimeout(r, 200))
    }
    console.log(`  ${set.kind}: ${shares.map((s, k) => `${s * 100}% of the pages back after ${reached[k] === null ? '—' : `${(reached[k]! / 1000).toFixed(1)} s`}`).join(', ')}`)
    if (resyncMs === null) console.log(`  ${set.kind}: only ${last.fresh} of ${last.total} pages resynced within ${RESYNC_LIMIT_MS / 1000} s`)
    // A little more of the calm after the storm, as /healthz sees it.
    await new Promise((r) => setTimeout(r, 1000))
    const { samples, refused } = await probe.stop()
    const after = set.log.slice(logBefore)
    const errorLines = after.filter((l) => /"level":(50|60)|"level":"(error|fatal)"|nhandled|UNSAFE_TRANSACTION/.test(l))
    result = {
      kind: set.kind, resyncMs, afterUpMs: resyncMs === null ? null : resyncMs - (upAt - killedAt), restartMs: upAt - killedAt, connectMs, health: samples.length ? summarize(samples) : null, healthRefused: refused, bytesPerPage,
      failedAsks: last.failedAsks, handshakeErrors: last.errorsSince, errorLines, unsafe: after.filter((l) => l.includes('UNSAFE_TRANSACTION')).length,
    }
  } finally {
    await clients.stop().catch(() => {})
    await set.stopAll()
  }
  // Read once the servers have stopped: a connection reports its statistics when it closes.
  return { ...result, transactions: (await committed()) - committedBefore }
}

async function main(): Promise<void> {
  const o = parse(process.argv.slice(2))
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL
  if (!(await postgresAnswers(url))) throw new Error(`PostgreSQL does not answer at ${redactUrl(url)}: the storm runs several processes, so it needs PostgreSQL`)
  console.log(`Reconnect storm: ${o.sockets} board sockets over ${o.processes} processes, ${o.schools} schools of 300 pupils, ${o.clients} load-generator processes; ${cpus().length} cores; PostgreSQL at ${redactUrl(url)}`)
  await buildStale(['server'])
  const db = await openPostgres(url)
  try {
    const t = Date.now()
    const city = await seedCity(db.sql, { schools: o.schools, fiscalYear: 2026, classesPerGrade: 2, pupilsPerClass: 25 })
    const cookies: string[] = []
    for (const school of city.schools) {
      const admin = await createStaff(db.sql, { schoolId: school.schoolId, loginId: `storm-admin-${school.schoolId}`, passwordHash: 'x', familyName: '管理', givenName: '者', roles: ['admin'] })
      const code = newToken()
      const token = newToken()
      await insertBoardDevice(db.sql, { schoolId: school.schoolId, name: '職員室', pairingCodeHash: hashToken(code), pairingExpiresAt: new Date(Date.now() + 3_600_000).toISOString(), createdBy: admin })
      await redeemPairingCode(db.sql, hashToken(code), hashToken(token), new Date().toISOString())
      cookies.push(`asg_device=${token}`)
    }
    console.log(`  seeded in ${((Date.now() - t) / 1000).toFixed(1)} s (${city.logRows} register rows, ${city.reports} reports on ${city.date})`)
    const dbUrl = currentUrl(url, db)
    const ports = await Promise.all(Array.from({ length: o.processes }, () => freePort()))
    const pagesAt = (port: (i: number) => number) => Array.from({ length: o.sockets }, (_, i) => ({ url: `http://127.0.0.1:${port(i)}`, cookie: cookies[i % cookies.length]! }))
    const auth = { protocol: PROTOCOL_VERSION, buildId: 'bench', client: 'board' }
    const morning = `${city.date}T08:00:00+09:00`
    // The bundled server, as `npm start` runs it: a restart is what production's costs, not a TypeScript compile.
    const entry = `process.setSourceMapsEnabled(true); import('./dist/server/bundle/main.js').then(async (m) => { const { ShiftedClock } = await import('./dist/server/bundle/clock.js'); await m.main({ clock: new ShiftedClock('${morning}') }) })`

    // The bare servers answer with a day of the product's own size, so both send the same bytes.
    const sample = await sampleSnapshot(dbUrl, city.schools[0]!.schoolId, city.date)
    const bare = serverSet('bare', ports, { STORM_BARE_SNAPSHOT: sample }, [join('server', 'bench', 'stormBare.mjs')])
    const asagao = serverSet('asagao', ports, { DATABASE_URL: dbUrl, ASAGAO_CLUSTER: 'postgres', ASAGAO_DEMO: 'off', ASAGAO_LOG: 'info' }, ['-e', entry])
    const results: StormResult[] = []
    const committed = async () => {
      await db.sql`select pg_stat_clear_snapshot()`
      const [row] = await db.sql<{ n: string }[]>`select xact_commit::text as n from pg_stat_database where datname = current_database()`
      return Number(row!.n)
    }
    for (const set of [bare, asagao]) results.push(await storm(set, pagesAt((i) => ports[i % ports.length]!), o, auth, committed))
    print(results, o)
  } finally {
    await db.close()
  }
}

/** The connection string of the bench database (openPostgres names it; its pool knows it). */
function currentUrl(url: string, db: { sql: { options: { database: string } } }): string {
  const u = new URL(url)
  u.pathname = `/${db.sql.options.database}`
  return u.toString()
}

/** A school's day as the product sends it, to give the bare servers the same payload. */
async function sampleSnapshot(dbUrl: string, schoolId: number, date: string): Promise<string> {
  const { connectPostgres } = await import('../db/connect.js')
  const { buildSnapshot } = await import('../day/snapshot.js')
  const db = await connectPostgres(dbUrl, 1)
  try {
    return JSON.stringify(await buildSnapshot(db.sql, { schoolId, date, buildId: 'bench', forBoard: true }))
  } finally {
    await db.close()
  }
}

function print(results: StormResult[], o: Options): void {
  const [bare, asagao] = results as [StormResult, StormResult]
  const ms = (v: number | null) => (v === null ? 'did not finish' : `${(v / 1000).toFixed(1)} s`)
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? `${(a / b).toFixed(2)}×` : '—')
  console.log(`\nReconnect storm, ${o.sockets} sockets over ${o.processes} processes (all killed and restarted)`)
  console.log('                                   Asagao        bare Socket.IO   ratio')
  console.log(`  first connect, all snapshots    ${ms(asagao.connectMs).padEnd(13)} ${ms(bare.connectMs).padEnd(16)} ${ratio(asagao.connectMs, bare.connectMs)}`)
  console.log(`  processes answering again       ${ms(asagao.restartMs).padEnd(13)} ${ms(bare.restartMs).padEnd(16)}`)
  console.log(`  all pages resynced after kill   ${ms(asagao.resyncMs).padEnd(13)} ${ms(bare.resyncMs).padEnd(16)} ${ratio(asagao.resyncMs, bare.resyncMs)}`)
  console.log(`    of which after all were up    ${ms(asagao.afterUpMs).padEnd(13)} ${ms(bare.afterUpMs).padEnd(16)} ${ratio(asagao.afterUpMs, bare.afterUpMs)}`)
  const h = (r: StormResult, k: 'p50' | 'p99' | 'max') => (r.health ? `${r.health[k].toFixed(1)} ms` : '—')
  for (const k of ['p50', 'p99', 'max'] as const) console.log(`  /healthz ${k.padEnd(22)} ${h(asagao, k).padEnd(13)} ${h(bare, k).padEnd(16)}`)
  console.log(`  /healthz answered / refused     ${`${asagao.health?.n ?? 0} / ${asagao.healthRefused}`.padEnd(13)} ${`${bare.health?.n ?? 0} / ${bare.healthRefused}`.padEnd(16)}`)
  const kb = (r: StormResult) => `${(r.bytesPerPage / 1024).toFixed(1)} KiB`
  console.log(`  memory per connected page       ${kb(asagao).padEnd(13)} ${kb(bare).padEnd(16)} ${ratio(asagao.bytesPerPage, bare.bytesPerPage)}`)
  console.log(`  snapshot asks refused/timed out ${String(asagao.failedAsks).padEnd(13)} ${String(bare.failedAsks).padEnd(16)}`)
  console.log(`  database transactions, kill → stop ${String(asagao.transactions).padEnd(7)} (${(asagao.transactions / o.sockets).toFixed(2)} per page)`)
  const errs = (r: StormResult) => Object.values(r.handshakeErrors).reduce((a, b) => a + b, 0)
  console.log(`  failed handshakes after kill    ${String(errs(asagao)).padEnd(13)} ${String(errs(bare)).padEnd(16)}`)
  for (const r of [asagao, bare]) {
    for (const [reason, n] of Object.entries(r.handshakeErrors).sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log(`    ${r.kind}: ${n} × ${reason.slice(0, 100)}`)
  }
  console.log(`  error lines in the server logs  ${String(asagao.errorLines.length).padEnd(13)} ${String(bare.errorLines.length).padEnd(16)}`)
  console.log(`  UNSAFE_TRANSACTION              ${String(asagao.unsafe).padEnd(13)} ${String(bare.unsafe).padEnd(16)}`)
  for (const line of asagao.errorLines.slice(0, 5)) console.log(`    ${line.slice(0, 300)}`)
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  },
)
