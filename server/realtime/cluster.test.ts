/// <reference path="../../kiosk/src/env.d.ts" />
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { io as ioClient } from 'socket.io-client'
import { PROTOCOL_VERSION, type DayChanged } from '../../shared/protocol/index.js'
import { DayController, type AppSocket } from '../../kiosk/src/controllers/day-controller.js'
import { THROTTLES } from '../auth/rateLimit.js'
import { adapterPool } from '../db/adapterPool.js'
import { connectPostgres } from '../db/connect.js'
import type { Database } from '../db/types.js'
import { insertNotice, insertOutbox } from '../data/notices.js'
import type { Log } from '../log.js'
import { deliverOutbox, type MailMessage } from '../notices/outbox.js'
import { ManualClock } from '../clock.js'
import { startHourlyPruning } from '../ops/jobs.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { freshPostgresDatabase } from '../test/db.js'
import { Client, eventWhere, nextEvent, startTestServer, type TestServer, type TestSocket } from '../test/server.js'
import { postgresAdapter } from './cluster.js'
import { rooms } from './hub.js'

/**
 * Several server processes on one PostgreSQL, as three apps in this process: each with its own
 * pool, its own adapter pool and so its own LISTEN connection, as separate processes would have.
 * PostgreSQL only: the embedded database serves one process.
 */
const url = process.env.DATABASE_URL
const quiet: Log = { info() {}, warn() {}, error: (msg, fields) => console.error(msg, fields) }

interface Node {
  db: Database
  adapterDb: Database
  server: TestServer
}

let db: Database & { url: string }
let nodes: Node[] = []
let s: SmallSchool
/** Notifications that node A's adapter will not hear: a broadcast lost between processes. */
let dropOnA: (payload: string) => boolean = () => false

async function startNode(filter?: (channel: string, payload: string) => boolean): Promise<Node> {
  const own = await connectPostgres(db.url, 4)
  const adapterDb = await connectPostgres(db.url, 1)
  const server = await startTestServer(own, undefined, {}, { adapter: postgresAdapter(adapterDb.sql, quiet, { filter }), seqBeaconMs: 500 })
  return { db: own, adapterDb, server }
}

beforeAll(async () => {
  if (!url) return
  db = await freshPostgresDatabase(url)
  s = await smallSchool(db.sql, 'cluster')
  nodes = [
    await startNode((_channel, payload) => !dropOnA(payload)),
    await startNode(),
    await startNode(),
  ]
  // Each adapter has heard the others' first heartbeat: their LISTENs are in place.
  await vi.waitFor(async () => {
    for (const n of nodes) expect(await n.server.io.of('/').adapter.serverCount()).toBe(3)
  }, { timeout: 10_000, interval: 100 })
})
afterAll(async () => {
  for (const n of nodes) {
    await n.server.close()
    await n.adapterDb.close()
    await n.db.close()
  }
  await db?.close()
})

const at = (i: number) => () => nodes[i]!.server
const [A, B, C] = [at(0), at(1), at(2)]

async function teacherSocket(server: TestServer): Promise<TestSocket> {
  return new Client(server).login(s.login.teacher1).then((c) => c.socket('person'))
}

describe.skipIf(!url)('the adapter pool over postgres.js', { timeout: 90_000 }, () => {
  it('answers queries with rows, hears LISTENed channels until released, and runs nothing but LISTEN on its client', async () => {
    const pool = adapterPool(db.sql)
    expect((await pool.query('select $1::int + 1 as n', [41])).rows).toEqual([{ n: 42 }])
    const client = await pool.connect()
    const heard: { channel: string; payload: string }[] = []
    client.on('notification', (n: { channel: string; payload: string }) => heard.push(n))
    await client.query('LISTEN "socket.io#/test"')
    await pool.query('SELECT pg_notify($1, $2)', ['socket.io#/test', 'hello'])
    await vi.waitFor(() => expect(heard).toEqual([{ channel: 'socket.io#/test', payload: 'hello' }]))
    client.release()
    await pool.query('SELECT pg_notify($1, $2)', ['socket.io#/test', 'after release'])
    await pool.query('select pg_sleep(0.2)')
    expect(heard).toHaveLength(1)
    await expect(client.query('select 1')).rejects.toThrow(/only LISTEN/)
  })

  it('stores a broadcast too large for NOTIFY as an attachment row and reads it back', async () => {
    const pool = adapterPool(db.sql)
    const bytes = new Uint8Array([1, 2, 3, 250])
    const { rows } = await pool.query('INSERT INTO socket_io_attachments (payload) VALUES ($1) RETURNING id;', [bytes])
    const back = await pool.query('SELECT payload FROM socket_io_attachments WHERE id = $1', [rows[0]!.id])
    expect([...(back.rows[0]!.payload as Buffer)]).toEqual([1, 2, 3, 250])
  })
})

describe.skipIf(!url)('pages on one process hear changes made on another', { timeout: 90_000 }, () => {
  it('a teacher on A sees a mark made by a teacher on B, and an event too large for NOTIFY crosses as an attachment', async () => {
    const onA = await teacherSocket(A())
    const onB = await teacherSocket(B())
    const heard = eventWhere(onA, (e) => e.changes.some((c) => c.pupilId === s.pupils.taro && c.entry?.status === 'not_arrived'))
    expect(await onB.emitWithAck('pupil:mark', { pupilId: s.pupils.taro, mark: 'not_arrived' })).toEqual({ ok: true })
    await heard
    // A whole school's day in one event is far over NOTIFY's 8,000 bytes.
    const changes = Array.from({ length: 400 }, (_, i) => ({ date: '2026-11-30', pupilId: 100_000 + i, entry: null }))
    const big = eventWhere(onA, (e) => e.changes.length === 400)
    B().io.to(rooms.staff(s.schoolId)).emit('day:changed', { schoolId: s.schoolId, seq: 1_000_000, changes })
    expect(JSON.stringify(changes).length).toBeGreaterThan(8000)
    await big
    const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from socket_io_attachments`
    expect(row!.n).toBeGreaterThan(0)
    onA.disconnect()
    onB.disconnect()
  })

  it('two processes publishing for one school take their numbers from PostgreSQL: one sequence, no number twice, none skipped', async () => {
    const onC = await teacherSocket(C())
    const seqs: number[] = []
    onC.on('day:changed', (e: DayChanged) => seqs.push(e.seq))
    const onA = await teacherSocket(A())
    const onB = await teacherSocket(B())
    const seqNow = async () => (await db.sql<{ seq: number }[]>`select seq from school where id = ${s.schoolId}`)[0]!.seq
    const before = await seqNow()
    const marks = ['not_arrived', 'present', 'not_arrived', 'present', 'not_arrived', 'present'] as const
    const acks = await Promise.all(marks.flatMap((mark, i) => [
      onA.emitWithAck('pupil:mark', { pupilId: s.pupils.taro, mark, note: `A${i}` }),
      onB.emitWithAck('pupil:mark', { pupilId: s.pupils.hanako, mark, note: `B${i}` }),
    ]))
    expect(acks.filter((a) => !a.ok)).toEqual([])
    // A mark that changes nothing takes no number; every number taken reaches the page on C once.
    const after = await seqNow()
    expect(after - before).toBeGreaterThan(2)
    await vi.waitFor(() => expect(seqs.length).toBeGreaterThanOrEqual(after - before), { timeout: 10_000 })
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: after - before }, (_, i) => before + 1 + i))
    for (const sock of [onA, onB, onC]) sock.disconnect()
  })

  /** The teacher page's own controller, on a real socket to process A. */
  async function pageOnA(): Promise<DayController> {
    vi.stubGlobal('__ASAGAO_BUILD_ID__', 'dev')
    const teacher = await new Client(A()).login(s.login.teacher1)
    return new DayController(
      { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) },
      {
        client: 'person',
        gapGraceMs: 200,
        heartbeatMs: 60_000,
        connect: (auth) => ioClient(A().url, { transports: ['websocket'], extraHeaders: { origin: A().url, cookie: teacher.cookie }, auth: { ...auth, protocol: PROTOCOL_VERSION } }) as unknown as AppSocket,
      },
    )
  }

  /** What a page that has just connected to C holds: the truth to compare with. */
  async function freshEntries() {
    const fresh = await teacherSocket(C())
    const ack = await fresh.emitWithAck('day:snapshot', {})
    fresh.disconnect()
    if (!ack.ok) throw new Error(ack.error.code)
    return { seq: ack.snapshot.seq, entries: new Map(ack.snapshot.entries.map((e) => [e.pupilId, e])) }
  }

  it('a broadcast lost between processes costs the page a snapshot, and nothing is missing after it', async () => {
    const day = await pageOnA()
    try {
      day.hostConnected()
      await vi.waitFor(() => expect(day.state).toBe('live'), { timeout: 10_000 })
      const lost = day.snapshot!.seq + 1
      // Every broadcast of that change, for every room, is lost on its way to A.
      dropOnA = (payload) => payload.includes('"day:changed"') && payload.includes(`"seq":${lost}`)
      const marker = await teacherSocket(B())
      expect(await marker.emitWithAck('pupil:mark', { pupilId: s.pupils.taro, mark: 'late', time: '08:40', note: '' })).toEqual({ ok: true })
      expect(await marker.emitWithAck('pupil:mark', { pupilId: s.pupils.hanako, mark: 'early_leave', time: '10:15', note: '' })).toEqual({ ok: true })
      // The next event shows the hole; the page resnapshots and holds exactly what the database holds.
      await vi.waitFor(() => expect(day.snapshot!.seq).toBeGreaterThanOrEqual(lost + 1), { timeout: 10_000 })
      expect(day.snapshotsTaken).toBe(2)
      expect(day.entries.get(s.pupils.taro)?.status).toBe('late')
      expect(day.entries.get(s.pupils.hanako)?.status).toBe('early_leave')
      const truth = await freshEntries()
      expect(day.snapshot!.seq).toBe(truth.seq)
      expect(day.entries).toEqual(truth.entries)
      marker.disconnect()
    } finally {
      dropOnA = () => false
      day.hostDisconnected()
      vi.unstubAllGlobals()
    }
  })

  it('a lost broadcast of the school’s last change is caught by the latest number each process tells its pages', async () => {
    const day = await pageOnA()
    try {
      day.hostConnected()
      await vi.waitFor(() => expect(day.state).toBe('live'), { timeout: 10_000 })
      const lost = day.snapshot!.seq + 1
      dropOnA = (payload) => payload.includes('"day:changed"') && payload.includes(`"seq":${lost}`)
      const marker = await teacherSocket(B())
      expect(await marker.emitWithAck('pupil:mark', { pupilId: s.pupils.taro, mark: 'present', note: '' })).toEqual({ ok: true })
      marker.disconnect()
      // No event follows it; the beacon (every 0.5 s here, 30 s in production) shows A's page is behind.
      await vi.waitFor(() => expect(day.snapshot!.seq).toBe(lost), { timeout: 10_000 })
      expect(day.snapshotsTaken).toBe(2)
      expect(day.entries).toEqual((await freshEntries()).entries)
    } finally {
      dropOnA = () => false
      day.hostDisconnected()
      vi.unstubAllGlobals()
    }
  })

  it('a change of rights made on B re-authorises the person’s sockets on A and C', async () => {
    const onA = await teacherSocket(A())
    const onC = await teacherSocket(C())
    const told = Promise.all([nextEvent(onA, 'access:changed'), nextEvent(onC, 'access:changed')])
    await B().sockets.refreshStaff(s.staff.teacher1)
    await told
    onA.disconnect()
    onC.disconnect()
  })

  it('logging out on B ends the session’s socket on A', async () => {
    const teacher = await new Client(A()).login(s.login.teacher2)
    const onA = await teacher.socket('person')
    const ended = nextEvent(onA, 'session:ended')
    const viaB = new Client(B())
    viaB.cookie = teacher.cookie
    expect((await viaB.request('DELETE', '/api/session')).status).toBeLessThan(300)
    expect(await ended).toEqual({ code: 'UNAUTHENTICATED' })
  })
})

describe.skipIf(!url)('shared state lives in PostgreSQL: every process counts together', { timeout: 90_000 }, () => {
  it('login guesses spread over three processes hit one limit', async () => {
    await db.sql`delete from throttle`
    const servers = [A(), B(), C()]
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) =>
      new Client(servers[i % 3]!).request('POST', '/api/session', { loginId: s.login.vp, password: 'wrong password' })))
    const codes = results.map((r) => r.body?.error?.code)
    expect(codes.filter((c) => c === 'LOGIN_FAILED')).toHaveLength(THROTTLES.loginAccount.max)
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(30 - THROTTLES.loginAccount.max)
    await db.sql`delete from throttle`
  })

  it('a pairing code works once, whichever process each try reaches', async () => {
    const admin = await new Client(A()).login(s.login.admin)
    const created = await admin.post('/api/admin/board-devices', { name: '職員室' })
    const tries = await Promise.all([A(), B(), C()].map((srv) => new Client(srv).post('/api/board/pair', { code: created.body.pairingCode })))
    expect(tries.map((t) => t.status).sort()).toEqual([200, 400, 400].sort())
    expect(tries.filter((t) => t.status !== 200).every((t) => t.body.error.code === 'PAIRING_INVALID')).toBe(true)
    await db.sql`delete from throttle`
  })

  it('three outbox workers deliver each e-mail exactly once', async () => {
    const now = A().clock.now()
    const noticeId = await insertNotice(db.sql, { schoolId: s.schoolId, pupilId: s.pupils.taro, date: '2026-11-30', sentBy: s.staff.admin, sentAt: new Date(now).toISOString(), subject: '件名', body: '本文' })
    await insertOutbox(db.sql, Array.from({ length: 40 }, (_, i) => ({
      schoolId: s.schoolId, noticeId, guardianId: s.guardians.suzuki, channel: 'email' as const, recipient: `g${i}@example.jp`,
      subject: '件名', body: '本文', status: 'pending' as const, nextAttemptAt: new Date(now - 1000).toISOString(), sentAt: null, createdAt: new Date(now).toISOString(),
    })))
    const sent: string[] = []
    const transport = { send: async (m: MailMessage) => { await new Promise((r) => setTimeout(r, 5)); sent.push(m.to) }, close() {} }
    await Promise.all(nodes.map((n) => deliverOutbox(n.db.sql, n.server.clock, transport, quiet)))
    await Promise.all(nodes.map((n) => deliverOutbox(n.db.sql, n.server.clock, transport, quiet)))
    expect(sent).toHaveLength(40)
    expect(new Set(sent).size).toBe(40)
    const [left] = await db.sql<{ n: number }[]>`select count(*)::int as n from outbox where status <> 'sent'`
    expect(left!.n).toBe(0)
  })

  it('the hourly housekeeping runs once per hour, whichever processes are up', async () => {
    const clock = new ManualClock(Date.parse('2026-12-01T03:20:00Z'))
    // The interval never fires here: each process's check is asked for by hand.
    const loops = nodes.map((n) => startHourlyPruning(n.db.sql, clock, quiet, 3_600_000))
    const everyone = async () => (await Promise.all(loops.map((l) => l.tick()))).filter(Boolean)
    expect(await everyone()).toHaveLength(1)
    clock.advance(30 * 60_000)
    expect(await everyone()).toHaveLength(0)
    clock.advance(30 * 60_000)
    expect(await everyone()).toHaveLength(1)
    await Promise.all(loops.map((l) => l.stop()))
  })
})
