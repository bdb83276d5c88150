import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import type { CreateReportRequest, DayChanged } from '../../shared/protocol/index.js'
import { createApp } from '../app.js'
import { systemClock } from '../clock.js'
import type { Log } from '../log.js'
import { Arrivals } from './arrivals.js'
import { closeSockets, connectBoards } from './boards.js'
import type { BenchDatabase } from './databases.js'
import { PageSession } from './http.js'
import { BENCH_PASSWORD, seedBenchSchool, type BenchSchool } from './school.js'
import { upcomingSchoolDays } from './schoolDays.js'

const BUILD_ID = 'bench'
/** A realistic school has a few hundred pupils; 100 keeps seeding quick and still spreads the reports. */
const MIN_PUPILS = 100
/** At most this many school days ahead: about a month of upcoming absences. */
const MAX_DAYS = 20

/** Quiet, except for errors the server would otherwise hide behind a 500. */
const errorsOnly: Log = { info() {}, warn() {}, error: (msg, fields) => console.error(msg, fields) }

/** Times of one report, in ms from just before its HTTP POST. */
export interface ReportTiming {
  /** The first board socket has the report's day:changed. */
  firstBoard: number
  /** Every board socket has it: the moment the whole staff room can see it. */
  lastBoard: number
  /** The 201 receipt is read (what the guardian waits for). */
  receipt: number
}

/** The running app with its boards and logged-in guardians, ready to submit reports. */
export interface ReportBench {
  pupils: number
  days: number
  /** Submits report number `i` of the plan and waits until every board has it. */
  submit(i: number): Promise<ReportTiming>
  /** The last board event seen, so the baseline can broadcast a payload of the same size. */
  lastBoardEvent(): DayChanged
  close(): Promise<void>
}

interface PlannedReport {
  session: PageSession
  pupilId: number
  date: string
}

/**
 * One report per (pupil, day): pupils first, then days, so every report is a new pupil-day
 * and the reports spread over the coming school days as a season of colds would.
 */
function plan(school: BenchSchool, sessions: Map<string, PageSession>, days: readonly string[], total: number): PlannedReport[] {
  const children = school.guardians.flatMap((g) => g.pupilIds.map((pupilId) => ({ session: sessions.get(g.loginId)!, pupilId })))
  return Array.from({ length: total }, (_, i) => ({ ...children[i % children.length]!, date: days[Math.floor(i / children.length) % days.length]! }))
}

async function loginAll(baseUrl: string, school: BenchSchool): Promise<Map<string, PageSession>> {
  const sessions = new Map<string, PageSession>()
  // A few at a time: each login verifies a scrypt hash on the libuv thread pool (4 threads).
  const queue = [...school.guardians]
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let g = queue.shift(); g; g = queue.shift()) sessions.set(g.loginId, await new PageSession(baseUrl).login(g.loginId, BENCH_PASSWORD))
    }),
  )
  return sessions
}

/**
 * Seeds a school on `db`, starts the real app on a free port with the real clock, pairs and
 * connects `boards` board displays and logs every guardian in. Clients and server share this
 * process, as the baseline's do, so both sides pay the same client-side costs.
 */
export async function startReportBench(db: BenchDatabase, opts: { boards: number; reports: number }): Promise<ReportBench> {
  const { fiscalYear, days } = upcomingSchoolDays(systemClock.now(), SCHOOL_ZONE, MAX_DAYS)
  const pupils = Math.max(MIN_PUPILS, Math.ceil(opts.reports / days.length))
  const school = await seedBenchSchool(db.sql, { pupils, fiscalYear })

  const app = createApp(
    { sql: db.sql, dbMode: db.mode, clock: systemClock, log: errorsOnly, buildId: BUILD_ID, version: 'bench' },
    { allowedOrigins: [], secureCookies: false },
  )
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`
  const close = async () => {
    app.io.disconnectSockets(true)
    app.httpServer.closeAllConnections()
    await new Promise<void>((resolve) => app.io.close(() => resolve()))
  }

  const boards = await connectBoards(baseUrl, await new PageSession(baseUrl).login(school.adminLoginId, BENCH_PASSWORD), opts.boards, BUILD_ID).catch(async (err: unknown) => {
    await close()
    throw err
  })
  const arrivals = new Arrivals(boards.length)
  // A holder, not a `let`: TypeScript does not see assignments made inside the handlers.
  const captured: { event: DayChanged | null } = { event: null }
  boards.forEach((socket, i) =>
    socket.on('day:changed', (event) => {
      const at = performance.now()
      if (i === 0) captured.event = event
      arrivals.received(i, event.changes.map((c) => `${c.pupilId}|${c.date}`), at)
    }),
  )
  const planned = plan(school, await loginAll(baseUrl, school), days, opts.reports)

  return {
    pupils,
    days: Math.min(days.length, Math.ceil(opts.reports / pupils)),
    async submit(i) {
      const r = planned[i]!
      const body: CreateReportRequest = {
        idempotencyKey: randomBytes(12).toString('base64url'),
        pupilIds: [r.pupilId], kind: 'absent', fromDate: r.date, toDate: r.date, reasonId: school.reasonId,
        symptoms: ['発熱'], temperature: 38.2, message: '',
      }
      const arrival = arrivals.expect(`${r.pupilId}|${r.date}`)
      const t0 = performance.now()
      const res = await r.session.request('POST', '/api/guardian/reports', body)
      const tReceipt = performance.now()
      if (res.status !== 201) {
        arrival.catch(() => {}) // it will time out; the error below says why
        throw new Error(`report ${i} for pupil ${r.pupilId} on ${r.date}: ${res.status} ${JSON.stringify(res.body)}`)
      }
      const { first, last } = await arrival
      return { firstBoard: first - t0, lastBoard: last - t0, receipt: tReceipt - t0 }
    },
    lastBoardEvent() {
      if (!captured.event) throw new Error('no board event seen yet: submit a report first')
      return captured.event
    },
    async close() {
      closeSockets(boards)
      await close()
    },
  }
}
