import { randomBytes } from 'node:crypto'
import { request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import postgres from 'postgres'
import { SMTPServer } from 'smtp-server'
import { afterAll, describe, expect, it } from 'vitest'
import { connectPostgres } from '../db/connect.js'
import { connectEmbedded } from '../db/embedded.js'
import { migrate } from '../db/migrate.js'
import { DELIVERY } from '../notices/outbox.js'
import type { Database } from '../db/types.js'
import { ROOT } from '../pages/buildInfo.js'
import { PASSWORD, smallSchool, type SmallSchool } from '../test/fixtures.js'
import { startServerProcess } from '../test/process.js'
import { Client, nextEvent } from '../test/server.js'

/**
 * SIGTERM on a real server process with a request half-received, a page's socket open and
 * e-mail claimed by the outbox worker: the request is answered, the page told to reconnect,
 * the unsent e-mail given back, and the process exits 0.
 */
const cleanups: (() => Promise<void> | void)[] = []
afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

/** The database the process will use, seeded here first; PostgreSQL when DATABASE_URL is set. */
async function prepareDatabase(): Promise<{ env: Record<string, string>; open(): Promise<Database> }> {
  const url = process.env.DATABASE_URL
  if (!url) {
    const dataDir = mkdtempSync(join(tmpdir(), 'asagao-drain-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    return { env: { ASAGAO_DATA_DIR: dataDir, ASAGAO_BACKUP_KEEP: '0' }, open: () => connectEmbedded({ dataDir: join(dataDir, 'pgdata') }) }
  }
  const name = `asagao_test_${randomBytes(6).toString('hex')}`
  const admin = postgres(url, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.end()
  })
  const dbUrl = new URL(url)
  dbUrl.pathname = `/${name}`
  return { env: { DATABASE_URL: dbUrl.toString(), ASAGAO_DATA_DIR: mkdtempSync(join(tmpdir(), 'asagao-drain-')) }, open: async () => connectPostgres(dbUrl.toString(), 2) }
}

/** An SMTP server that holds every message until released, as a slow mail server would. */
async function slowSmtp(): Promise<{ port: number; firstArrived: Promise<void>; release(): void; accepted: () => number }> {
  let arrived!: () => void
  const firstArrived = new Promise<void>((resolve) => (arrived = resolve))
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let accepted = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume()
      stream.on('end', () => {
        arrived()
        void released.then(() => {
          accepted++
          callback()
        })
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { port: (server.server.address() as AddressInfo).port, firstArrived, release, accepted: () => accepted }
}

const EMAILS = DELIVERY.connections + 2

async function seed(db: Database): Promise<SmallSchool> {
  await migrate(db.sql)
  const s = await smallSchool(db.sql, 'drain')
  const [notice] = await db.sql<{ id: number }[]>`
    insert into not_arrived_notice (school_id, pupil_id, date, sent_by, sent_at, subject, body)
    values (${s.schoolId}, ${s.pupils.taro}, '2026-11-30', ${s.staff.vp}, now(), 's', 'b') returning id`
  const due = new Date(Date.now() - 60_000).toISOString()
  // More than the pool sends at once: the pool's worth is under way when the signal comes, the rest is not.
  const rows = Array.from({ length: EMAILS }, (_, i) => i + 1).map((n) => ({
    schoolId: s.schoolId, noticeId: notice!.id, guardianId: s.guardians.suzuki, channel: 'email', recipient: `parent${n}@example.jp`,
    subject: `notice ${n}`, body: 'b', status: 'pending', nextAttemptAt: due, createdAt: due,
  }))
  await db.sql`insert into outbox ${db.sql(rows)}`
  return s
}

describe('stopping the server with SIGTERM', () => {
  it('answers the request in flight, tells the page, releases the outbox leases and exits 0', { timeout: 180_000 }, async () => {
    const database = await prepareDatabase()
    const setup = await database.open()
    const s = await seed(setup)
    await setup.close()
    const smtp = await slowSmtp()

    const server = await startServerProcess(ROOT, ['--import', 'tsx', '-e', "import('./server/main.ts').then((m) => m.main())"], {
      ...database.env, ASAGAO_DEMO: 'off', ASAGAO_LOG: 'info', ASAGAO_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, ASAGAO_MAIL_FROM: 'school@example.jp',
    })
    cleanups.push(() => server.stop())
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)))

    const teacher = await new Client(server).login(s.login.teacher1)
    const socket = await teacher.socket()
    const restarting = nextEvent(socket, 'server:restarting', 60_000)
    // The worker has claimed the due e-mails and is sending the pool's worth.
    await smtp.firstArrived

    // A login whose body is only half sent when the signal comes.
    const body = JSON.stringify({ loginId: s.login.vp, password: PASSWORD })
    const { hostname: host, port } = new URL(server.url)
    const inFlight = request({ host, port, method: 'POST', path: '/api/session', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), origin: server.url } })
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      inFlight.on('response', (res) => {
        let text = ''
        res.on('data', (d: Buffer) => (text += d.toString()))
        res.on('end', () => resolve({ status: res.statusCode!, text }))
      })
      inFlight.on('error', reject)
    })
    inFlight.write(body.slice(0, 10))
    await untilOutput(server.output, '"msg":"request"') // the logins above were logged: the server reads requests
    await new Promise((r) => setTimeout(r, 200))

    server.child.kill('SIGTERM')
    await untilOutput(server.output, '"msg":"draining"')
    await restarting
    // No new connections while the old requests finish.
    await expect(fetch(server.url + '/healthz')).rejects.toThrow()

    inFlight.end(body.slice(10))
    const reply = await answered
    expect(reply.status, reply.text).toBe(200)
    expect(JSON.parse(reply.text)).toMatchObject({ ok: true, me: { kind: 'staff' } })

    smtp.release()
    expect(await exited).toBe(0)
    expect(server.output()).toContain('"msg":"stopped"')
    expect(smtp.accepted()).toBe(DELIVERY.connections)

    const after = await database.open()
    try {
      const rows = await after.sql<{ subject: string; status: string; attempts: number }[]>`select subject, status, attempts from outbox order by id`
      expect(rows).toEqual(Array.from({ length: EMAILS }, (_, i) =>
        i < DELIVERY.connections ? { subject: `notice ${i + 1}`, status: 'sent', attempts: 1 } : { subject: `notice ${i + 1}`, status: 'pending', attempts: 0 },
      ))
      const [late] = await after.sql<{ n: number }[]>`select count(*)::int as n from outbox where status = 'pending' and next_attempt_at > now()`
      expect(late!.n).toBe(0)
    } finally {
      await after.close()
    }
    socket.disconnect()
  })
})

async function untilOutput(output: () => string, text: string): Promise<void> {
  while (!output().includes(text)) await new Promise((r) => setTimeout(r, 50))
}

