import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Database } from '../db/types.js'
import { poolUsageOf } from '../db/poolUsage.js'
import { testDatabase } from '../test/db.js'
import { PASSWORD, smallSchool, type SmallSchool } from '../test/fixtures.js'
import { captureLog } from '../test/logLines.js'
import { Client, nextEvent, startTestServer, type TestServer } from '../test/server.js'

/** Structured logs, /metrics and liveness under a busy pool, on the database the run uses. */
let db: Database
let server: TestServer
let s: SmallSchool
let reasonId: number
const captured = captureLog()
const TOKEN = 'metrics-token-0123456789abcdef'

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'obs')
  reasonId = (await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} limit 1`)[0]!.id
  server = await startTestServer(db, undefined, { log: captured.log })
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

/** Reads one sample of the Prometheus text, e.g. `asagao_sockets{kind="board"}`. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '))
  if (line === undefined) throw new Error(`no ${series} in:\n${text}`)
  return Number(line.slice(series.length + 1))
}

async function scrape(headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(server.url + '/metrics', { headers })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
  return res.text()
}

const report = (message: string) => ({
  idempotencyKey: `obs-${Math.random().toString(36).slice(2, 14).padEnd(12, '0')}-xxxxxxxx`, pupilIds: [s.pupils.taro], kind: 'absent',
  fromDate: '2026-11-30', toDate: '2026-11-30', reasonId, symptoms: ['のどの痛み'], temperature: 38.4, message, mode: 'add',
})

describe('structured logs', () => {
  it('writes one line per request with its id, route pattern, status, duration and role, and nothing personal', async () => {
    const guardian = new Client(server)
    const failed = await guardian.post('/api/session', { loginId: s.login.suzuki, password: 'not the password' })
    expect(failed.status).toBe(401)
    await guardian.login(s.login.suzuki)
    const created = await guardian.post('/api/guardian/reports', report('太郎は昨夜から咳がひどく病院へ行きます'))
    expect(created.status).toBe(201)
    const admin = await new Client(server).login(s.login.admin)
    const device = await admin.post('/api/admin/board-devices', { name: '職員室モニター' })
    expect(device.status).toBe(201)
    await admin.get(`/api/guidance/notes/${s.pupils.taro}`) // not a GET route: 404 through the catalogue's fallback

    const lines = captured.lines
    const requests = lines.filter((l) => l.msg === 'request')
    expect(requests.find((l) => l.route === '/api/guardian/reports' && l.method === 'POST')).toMatchObject({ status: 201, role: 'guardian', level: 'info' })
    expect(requests.find((l) => l.route === '/api/admin/board-devices' && l.method === 'POST')).toMatchObject({ status: 201, role: 'staff:admin' })
    expect(requests.find((l) => l.route === '/api/session' && l.status === 401)).toMatchObject({ role: 'anonymous' })
    for (const l of requests) {
      expect(l.reqId).toMatch(/^[0-9a-f]{16}$/)
      expect(typeof l.ms).toBe('number')
      expect(typeof l.time).toBe('string')
    }
    expect(lines.filter((l) => l.msg === 'login failed')).toEqual([expect.objectContaining({ reason: 'wrong_credentials', level: 'warn' })])
    expect(lines.filter((l) => l.msg === 'login').map((l) => l.kind)).toEqual(['guardian', 'staff'])
    expect(lines.find((l) => l.msg === 'device created')).toMatchObject({ actor: `staff:${s.staff.admin}` })
    // The pupil's and guardian's names, the message, the symptoms, the temperature and the login ids stay out.
    const text = captured.text()
    for (const secret of ['太郎', '鈴木', '明美', '咳', 'のどの痛み', '38.4', s.login.suzuki, s.login.admin, PASSWORD, 'not the password', '職員室モニター']) expect(text).not.toContain(secret)
  })

  it('answers the request id in a header and in error bodies, and the log line carries the same id', async () => {
    const res = await fetch(server.url + '/api/guardian/home')
    const body = (await res.json()) as { error: { code: string; requestId: string } }
    expect(res.status).toBe(401)
    expect(body.error.requestId).toBe(res.headers.get('x-request-id'))
    expect(captured.lines.find((l) => l.reqId === body.error.requestId)).toMatchObject({ msg: 'request', route: '/api/guardian/home', status: 401 })
    const unmatched = await fetch(server.url + '/api/nothing-here?name=鈴木')
    expect(unmatched.status).toBe(404)
    expect(captured.lines.find((l) => l.reqId === unmatched.headers.get('x-request-id'))).toMatchObject({ route: 'unmatched', status: 404 })
  })
})

describe('/metrics', () => {
  it('counts reports, snapshots, sockets by kind and login failures', async () => {
    const before = await scrape()
    const guardian = await new Client(server).login(s.login.tanaka)
    await new Client(server).post('/api/session', { loginId: s.login.tanaka, password: 'wrong wrong' })
    const teacher = await new Client(server).login(s.login.teacher1)
    const staffSocket = await teacher.socket()
    const admin = await new Client(server).login(s.login.admin)
    const pairing = await admin.post('/api/admin/board-devices', { name: 'metrics' })
    const board = new Client(server)
    expect((await board.post('/api/board/pair', { code: pairing.body.pairingCode })).status).toBe(200)
    const boardSocket = await board.socket('board')
    const snap = await boardSocket.emitWithAck('day:snapshot', {})
    expect(snap.ok).toBe(true)
    const live = nextEvent(staffSocket, 'day:changed')
    expect((await guardian.post('/api/guardian/reports', { ...report(''), pupilIds: [s.pupils.hanako] })).status).toBe(201)
    await live

    const after = await scrape()
    const delta = (series: string) => sample(after, series) - (before.includes(series + ' ') ? sample(before, series) : 0)
    expect(delta('asagao_reports_created_total{kind="absent"}')).toBe(1)
    expect(delta('asagao_report_publish_seconds_count')).toBe(1)
    expect(delta('asagao_snapshots_built_total{reader="board"}')).toBe(1)
    expect(delta('asagao_snapshot_seconds_count{reader="board"}')).toBe(1)
    expect(delta('asagao_login_failures_total{reason="wrong_credentials"}')).toBe(1)
    expect(sample(after, 'asagao_sockets{kind="board"}')).toBe(1)
    expect(sample(after, 'asagao_sockets{kind="staff"}')).toBe(1)
    expect(sample(after, 'asagao_sockets{kind="guardian"}')).toBe(0)
    staffSocket.disconnect()
    boardSocket.disconnect()
  })

  it('reports the outbox depth and the age of its oldest e-mail', async () => {
    const [notice] = await db.sql<{ id: number }[]>`
      insert into not_arrived_notice (school_id, pupil_id, date, sent_by, sent_at, subject, body)
      values (${s.schoolId}, ${s.pupils.jiro}, '2026-11-30', ${s.staff.vp}, '2026-11-30T00:00:00Z', 's', 'b') returning id`
    const queued = (minutesAgo: number, status: string) => ({
      schoolId: s.schoolId, noticeId: notice!.id, guardianId: s.guardians.suzuki, channel: 'email', recipient: 'a@example.jp', subject: 's', body: 'b',
      status, nextAttemptAt: new Date(server.clock.now()).toISOString(), createdAt: new Date(server.clock.now() - minutesAgo * 60_000).toISOString(),
    })
    await db.sql`insert into outbox ${db.sql([queued(10, 'pending'), queued(3, 'sending'), queued(60, 'sent')])}`
    const text = await scrape()
    expect(sample(text, 'asagao_outbox_depth')).toBe(2)
    expect(sample(text, 'asagao_outbox_oldest_seconds')).toBe(600)
  })

  it('reports the pushes waiting and the age of the oldest', async () => {
    const [sub] = await db.sql<{ id: number }[]>`
      insert into push_subscription (guardian_id, endpoint, p256dh, auth, created_at)
      values (${s.guardians.suzuki}, 'https://fcm.googleapis.com/fcm/send/metrics', 'B', 'a', now()) returning id`
    const queued = (minutesAgo: number, status: string) => ({
      schoolId: s.schoolId, subscriptionId: sub!.id, kind: 'test', payload: '{}', urgency: 'normal', status,
      nextAttemptAt: new Date(server.clock.now()).toISOString(), expiresAt: new Date(server.clock.now() + 3600_000).toISOString(),
      createdAt: new Date(server.clock.now() - minutesAgo * 60_000).toISOString(),
    })
    await db.sql`insert into push_outbox ${db.sql([queued(5, 'pending'), queued(2, 'sending'), queued(30, 'sent'), queued(40, 'expired')])}`
    const text = await scrape()
    expect(sample(text, 'asagao_push_outbox_depth')).toBe(2)
    expect(sample(text, 'asagao_push_outbox_oldest_seconds')).toBe(300)
  })

  it('answers loopback callers, never a request that came through a proxy, and with a token only its bearer', async () => {
    expect((await fetch(server.url + '/metrics', { headers: { 'x-forwarded-for': '203.0.113.7' } })).status).toBe(403)
    const guarded = await startTestServer(db, undefined, {}, { metricsToken: TOKEN })
    try {
      expect((await fetch(guarded.url + '/metrics')).status).toBe(403)
      expect((await fetch(guarded.url + '/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(403)
      const ok = await fetch(guarded.url + '/metrics', { headers: { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '203.0.113.7' } })
      expect(ok.status).toBe(200)
      expect(await ok.text()).toContain('asagao_db_pool_waiting')
    } finally {
      await guarded.close()
    }
  })
})

describe('a busy database pool', () => {
  it('keeps /healthz answering and shows the waiting queries in /metrics', async () => {
    const size = poolUsageOf(db.sql)!.size
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    let holding = 0
    const held = Array.from({ length: size }, () => db.sql.begin(async (tx) => {
      await tx`select 1`
      holding++
      await gate
    }))
    while (holding < size) await new Promise((r) => setTimeout(r, 10))
    const waiting = db.sql`select 1 as one`.then((rows) => rows[0])
    const waitingAnswered = { done: false }
    void waiting.then(() => (waitingAnswered.done = true))
    try {
      expect(poolUsageOf(db.sql)!.waiting).toBeGreaterThanOrEqual(1)
      const health = await fetch(server.url + '/healthz')
      expect(health.status).toBe(200)
      expect(await health.json()).toMatchObject({ status: 'ok' })
      const ready = await fetch(server.url + '/readyz')
      expect(ready.status).toBe(503)
      const text = await scrape()
      expect(sample(text, 'asagao_db_pool_waiting')).toBeGreaterThanOrEqual(1)
      expect(sample(text, 'asagao_db_pool_size')).toBe(size)
      // Everything above was answered while the pool was still blocked.
      expect(waitingAnswered.done).toBe(false)
    } finally {
      release()
      await Promise.all(held)
    }
    expect(await waiting).toEqual({ one: 1 })
    // The readiness probe and the scrape's outbox query queued behind the blocked pool too: they settle just after.
    await vi.waitFor(() => expect(poolUsageOf(db.sql)!.busy).toBe(0), { timeout: 10_000 })
  })
})
