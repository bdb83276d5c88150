import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../pages/buildInfo.js'
import { liveSchool, type LiveSchool } from '../test/liveSchool.js'
import { postgresBin, startOwnPostgres, type OwnPostgres } from '../test/ownPostgres.js'
import { startServerProcess, type ServerProcess } from '../test/process.js'
import { Client } from '../test/server.js'
import { connectPostgres } from './connect.js'
import { connectEmbedded } from './embedded.js'
import { migrate } from './migrate.js'
import type { Database } from './types.js'

const bin = postgresBin()
const KILLS = 5
/** Acknowledged reports between two kills, so each kill meets submissions in flight. */
const ACKS_BETWEEN_KILLS = 6
const MAIN = ['--import', 'tsx', '-e', "import('./server/main.ts').then((m) => m.main())"]

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const folders: string[] = []
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true })
})

interface Storage {
  /** The database as the server process will find it, with the school in it. */
  prepare(): Promise<{ env: { ASAGAO_DATA_DIR: string } & Record<string, string>; school: LiveSchool }>
  /** A connection for the final count, opened after the server has stopped for good. */
  inspect(): Promise<Database>
  dispose(): void
}

function ownPostgres(): Storage {
  let pg: OwnPostgres
  return {
    async prepare() {
      pg = await startOwnPostgres(bin!)
      const db = await connectPostgres(pg.url, 2)
      await migrate(db.sql)
      const school = await liveSchool(db.sql, 'kill')
      await db.close()
      const dataDir = mkdtempSync(join(tmpdir(), 'asagao-kill-'))
      folders.push(dataDir)
      return { env: { DATABASE_URL: pg.url, ASAGAO_DATA_DIR: dataDir }, school }
    },
    inspect: () => connectPostgres(pg.url, 2),
    dispose: () => pg?.destroy(),
  }
}

function embedded(): Storage {
  const dataDir = mkdtempSync(join(tmpdir(), 'asagao-kill-'))
  folders.push(dataDir)
  return {
    async prepare() {
      const db = await connectEmbedded({ dataDir: join(dataDir, 'pgdata') })
      await migrate(db.sql)
      const school = await liveSchool(db.sql, 'kill')
      await db.close()
      return { env: { ASAGAO_DATA_DIR: dataDir }, school }
    },
    inspect: () => connectEmbedded({ dataDir: join(dataDir, 'pgdata') }),
    dispose() {},
  }
}

/** The PGlite sockets a server process left in its temporary folder. */
const socketsOf = (dir: string, pid: number) => readdirSync(dir).filter((f) => f.startsWith(`asagao-pglite-${pid}-`))

// Each storage mode runs in the test pass for that mode (DATABASE_URL set or not), once.
const postgresPass = !!process.env.DATABASE_URL
describe.each([
  { mode: 'PostgreSQL', skip: !bin || !postgresPass, storage: ownPostgres },
  { mode: 'embedded PGlite in a data folder', skip: postgresPass, storage: embedded },
])('the server killed with SIGKILL during submissions ($mode)', ({ mode, skip, storage: make }) => {
  it.skipIf(skip)(`${KILLS} kills under 3 retrying guardians: every acknowledged report exactly once, nothing half-written`, { timeout: 900_000 }, async () => {
    const storage = make()
    const { env: dbEnv, school: s } = await storage.prepare()
    // The server's own temporary folder, where the embedded database puts its socket.
    const tmp = mkdtempSync(join(tmpdir(), 'asagao-kill-tmp-'))
    folders.push(tmp)
    const env = { ...dbEnv, TMPDIR: tmp, ASAGAO_DEMO: 'off', ASAGAO_BACKUP_KEEP: '0', ASAGAO_LOG: 'info' }
    mkdirSync(env.ASAGAO_DATA_DIR, { recursive: true })

    // The clients follow the server to whichever port it listens on after a restart.
    const target = { url: '' }
    let server: ServerProcess = await startServerProcess(ROOT, MAIN, env)
    target.url = server.url
    const outputs: string[] = []
    try {
      const suzuki = await new Client(target).login(s.login.suzuki)
      const tanaka = await new Client(target).login(s.login.tanaka)
      const senders = [
        { name: 'a', client: suzuki, pupilId: s.pupils.taro },
        { name: 'b', client: suzuki, pupilId: s.pupils.jiro },
        { name: 'c', client: tanaka, pupilId: s.pupils.hanako },
      ]
      const acknowledged: string[] = []
      // Submissions whose answer a kill cut off and that the guardian then gave up on (every other
      // one): they may be stored or not, but never in part. The rest are retried with the same key.
      const abandoned: string[] = []
      const unexpected: string[] = []
      // Acknowledged only on a retry after a kill cut an attempt off: when that last attempt began.
      const retriedAfterCut = new Map<string, number>()
      let lostAnswers = 0
      let retries = 0
      let running = true

      const submitAll = async (sender: (typeof senders)[number]) => {
        for (let n = 1; running; n++) {
          const key = `kill-${sender.name}-${String(n).padStart(6, '0')}-retry`
          const body = {
            idempotencyKey: key, pupilIds: [sender.pupilId], kind: 'absent', fromDate: s.reportDate, toDate: s.reportDate,
            reasonId: s.reasonId, message: key, mode: 'add',
          }
          let cut = false
          for (;;) {
            const attemptAt = Date.now()
            let refused = false
            const res = await sender.client.post('/api/guardian/reports', body).catch((err: { cause?: { code?: string } }) => {
              refused = err.cause?.code === 'ECONNREFUSED'
              return null
            })
            if (res?.status === 201) {
              acknowledged.push(key)
              if (cut) retriedAfterCut.set(key, attemptAt)
              break
            }
            if (res && res.status !== 503) {
              unexpected.push(`${key}: ${res.status} ${JSON.stringify(res.body)}`)
              break
            }
            // Sent, and the connection dropped before an answer: the kill met this submission.
            if (!res && !refused) {
              cut = true
              if (++lostAnswers % 2 === 0) {
                abandoned.push(key)
                break
              }
            }
            retries++
            await sleep(150)
          }
        }
      }
      const load = senders.map(submitAll)

      const killedPids: number[] = []
      for (let k = 0; k < KILLS; k++) {
        const before = acknowledged.length
        while (acknowledged.length < before + ACKS_BETWEEN_KILLS && unexpected.length === 0) await sleep(50)
        await sleep(Math.floor(Math.random() * 200))
        await server.kill()
        outputs.push(server.output())
        killedPids.push(server.pid)
        if (mode !== 'PostgreSQL') expect(socketsOf(tmp, server.pid), 'a killed process leaves its socket behind').toHaveLength(1)
        server = await startServerProcess(ROOT, MAIN, env)
        target.url = server.url
        // The next start removed the socket of the process killed before it.
        for (const pid of killedPids) expect(socketsOf(tmp, pid)).toEqual([])
      }
      const before = acknowledged.length
      while (acknowledged.length < before + ACKS_BETWEEN_KILLS && unexpected.length === 0) await sleep(50)
      running = false
      await Promise.all(load)
      expect(unexpected).toEqual([])
      expect((await suzuki.get('/api/guardian/home')).status).toBe(200)
      await server.stop()
      outputs.push(server.output())

      const db = await storage.inspect()
      try {
        const submissions = await db.sql<{ key: string; reports: number; complete: number }[]>`
          select s.idempotency_key as key, count(r.id)::int as reports,
            count(r.id) filter (where exists (select 1 from guardian_report_day d where d.report_id = r.id)
              and exists (select 1 from attendance_log l where l.report_id = r.id))::int as complete
          from guardian_submission s left join guardian_report r on r.submission_id = s.id
          where s.idempotency_key like 'kill-%' group by s.idempotency_key`
        const reportsByMessage = await db.sql<{ message: string; n: number }[]>`
          select message, count(*)::int as n from guardian_report where message like 'kill-%' group by message`
        const stored = new Map(submissions.map((r) => [r.key, r]))
        const perMessage = new Map(reportsByMessage.map((r) => [r.message, r.n]))

        // Every acknowledged report exists exactly once: one submission, one report, with its days and marks.
        expect(acknowledged.filter((k) => stored.get(k)?.reports !== 1 || stored.get(k)?.complete !== 1 || perMessage.get(k) !== 1)).toEqual([])
        // Nothing else was written than what the guardians sent, and nothing of it in part.
        const sent = new Set([...acknowledged, ...abandoned])
        expect(submissions.filter((r) => !sent.has(r.key))).toEqual([])
        expect(submissions.filter((r) => r.reports !== 1 || r.complete !== 1)).toEqual([])
        expect(reportsByMessage.filter((r) => r.n !== 1 || !sent.has(r.message))).toEqual([])
        const abandonedStored = abandoned.filter((k) => stored.has(k)).length
        // A report written before the attempt that was acknowledged was written by the attempt the
        // kill cut off: its retry got the stored receipt, not a second report.
        const written = await db.sql<{ message: string; submittedAt: string }[]>`
          select message, submitted_at from guardian_report where message like 'kill-%'`
        const replayed = written.filter((r) => retriedAfterCut.has(r.message) && Date.parse(r.submittedAt) < retriedAfterCut.get(r.message)!).length

        const log = outputs.join('\n')
        expect(log).not.toMatch(/uncaught exception|unhandled rejection/)
        console.log(
          `${mode}: ${KILLS} kills, ${acknowledged.length} reports acknowledged and each stored once; ${lostAnswers} answers cut off by a kill,` +
            ` ${retries} retries (refused while down, or cut off); ${retriedAfterCut.size} acknowledged on a retry after a cut-off attempt` +
            ` (${replayed} of them had been stored by that attempt and were answered with its receipt);` +
            ` ${abandoned.length} given up after a cut-off attempt (${abandonedStored} had been stored whole, the rest not at all)`,
        )
      } finally {
        await db.close()
      }
    } finally {
      await server.stop()
      storage.dispose()
    }
  })
})
