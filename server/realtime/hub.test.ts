import { io as ioClient } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { Client, nextEvent, startTestServer, type TestServer, type TestSocket } from '../test/server.js'

let db: Database
let server: TestServer
let s: SmallSchool
let other: SmallSchool

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'hub')
  other = await smallSchool(db.sql, 'hub2')
  server = await startTestServer(db)
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

async function pairedBoard(adminLogin = s.login.admin): Promise<{ board: Client; deviceId: number; admin: Client }> {
  const admin = await new Client(server).login(adminLogin)
  const created = await admin.post('/api/admin/board-devices', { name: '職員室モニター' })
  expect(created.status).toBe(201)
  const board = new Client(server)
  const paired = await board.post('/api/board/pair', { code: created.body.pairingCode.toLowerCase().replaceAll('-', ' ') })
  expect(paired.status).toBe(200)
  return { board, deviceId: created.body.device.id, admin }
}

function refusal(p: Promise<unknown>): Promise<string | undefined> {
  return p.then(
    () => undefined,
    (err: Error & { data?: { code?: string } }) => err.data?.code ?? err.message,
  )
}

describe('socket handshake', () => {
  it('refuses another origin, an old protocol and a missing session', async () => {
    const teacher = await new Client(server).login(s.login.teacher1)
    expect(await refusal(teacher.socket('person', { origin: 'https://evil.example' }))).toBeDefined()
    expect(await refusal(teacher.socket('person', { protocol: 0 }))).toBe('PROTOCOL_MISMATCH')
    expect(await refusal(new Client(server).socket('person'))).toBe('UNAUTHENTICATED')
    expect(await refusal(new Client(server).socket('board'))).toBe('DEVICE_REVOKED')
    // A person's session is not a board credential.
    expect(await refusal(teacher.socket('board'))).toBe('DEVICE_REVOKED')
  })

  it('answers a handshake whose auth is not an object with BAD_REQUEST instead of dropping it', async () => {
    for (const auth of ['abc', 42, [1, 2]]) {
      const socket = ioClient(server.url, { transports: ['websocket'], reconnection: false, extraHeaders: { origin: server.url }, auth: auth as never })
      const answer = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer to auth ${JSON.stringify(auth)}`)), 10_000)
        socket.once('connect', () => resolve('connected'))
        socket.once('connect_error', (err: Error & { data?: { code?: string } }) => {
          clearTimeout(timer)
          resolve(err.data?.code ?? err.message)
        })
      })
      socket.close()
      expect(answer, JSON.stringify(auth)).toBe('BAD_REQUEST')
    }
  })

  it('does not send school events to guardians', async () => {
    const guardianClient = await new Client(server).login(s.login.suzuki)
    const guardian = await guardianClient.socket()
    const staff = await (await new Client(server).login(s.login.vp)).socket()
    let leaked = false
    guardian.on('day:changed', () => (leaked = true))
    const seen = nextEvent(staff, 'day:changed')
    const [reason] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} limit 1`
    await guardianClient.post('/api/guardian/reports', {
      idempotencyKey: 'hub-guardian-events-1', pupilIds: [s.pupils.taro], kind: 'absent', fromDate: '2026-11-30', toDate: '2026-11-30', reasonId: reason!.id,
    })
    await seen
    await new Promise((r) => setTimeout(r, 100))
    expect(leaked).toBe(false)
    guardian.disconnect()
    staff.disconnect()
  })
})

describe('board devices', () => {
  it('pair once with a code; the code cannot be reused or used after it expires', async () => {
    const admin = await new Client(server).login(s.login.admin)
    const created = await admin.post('/api/admin/board-devices', { name: '校長室' })
    const first = await new Client(server).post('/api/board/pair', { code: created.body.pairingCode })
    expect(first.status).toBe(200)
    const second = await new Client(server).post('/api/board/pair', { code: created.body.pairingCode })
    expect(second.body.error.code).toBe('PAIRING_INVALID')

    const late = await admin.post('/api/admin/board-devices', { name: '保健室' })
    server.clock.advance(31 * 60_000)
    try {
      expect((await new Client(server).post('/api/board/pair', { code: late.body.pairingCode })).body.error.code).toBe('PAIRING_INVALID')
    } finally {
      server.clock.advance(-31 * 60_000)
    }
    expect((await new Client(server).post('/api/board/pair', { code: 'AAAA-BBBB-CCCC' })).body.error.code).toBe('PAIRING_INVALID')
  })

  it('a revoked board is disconnected at once and cannot reconnect', async () => {
    const { board, deviceId, admin } = await pairedBoard()
    const socket = await board.socket('board')
    const snap = await socket.emitWithAck('day:snapshot', {})
    expect(snap.ok).toBe(true)
    const ended = nextEvent(socket, 'session:ended')
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()))
    expect((await admin.post(`/api/admin/board-devices/${deviceId}/revoke`)).status).toBe(200)
    expect(await ended).toEqual({ code: 'DEVICE_REVOKED' })
    await disconnected
    expect(await refusal(board.socket('board'))).toBe('DEVICE_REVOKED')
    expect((await board.get('/api/board/me')).body.error.code).toBe('DEVICE_REVOKED')
  })

  it('only administrators of the same school manage devices', async () => {
    const { deviceId } = await pairedBoard()
    for (const login of [s.login.teacher1, s.login.suzuki]) {
      const c = await new Client(server).login(login)
      expect((await c.post('/api/admin/board-devices', { name: 'x' })).body.error.code).toBe('FORBIDDEN')
      expect((await c.get('/api/admin/board-devices')).body.error.code).toBe('FORBIDDEN')
    }
    const foreign = await new Client(server).login(other.login.admin)
    expect((await foreign.post(`/api/admin/board-devices/${deviceId}/revoke`)).body.error.code).toBe('NOT_FOUND')
    expect((await foreign.get('/api/admin/board-devices')).body.devices).toEqual([])
    expect((await new Client(server).post('/api/admin/board-devices', { name: 'x' })).body.error.code).toBe('UNAUTHENTICATED')
  })

  it('a board is read-only', async () => {
    const { board } = await pairedBoard()
    const socket = await board.socket('board')
    expect(await socket.emitWithAck('report:acknowledge', { reportId: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await board.post('/api/guardian/reports', {})).body.error.code).toBe('UNAUTHENTICATED')
    socket.disconnect()
  })
})

describe('sessions', () => {
  it('refuses a wrong password with one message, and limits guessing', async () => {
    const c = new Client(server)
    const wrong = await c.post('/api/session', { loginId: s.login.teacher2, password: 'nope' })
    expect(wrong.body.error).toMatchObject({ code: 'LOGIN_FAILED', message: 'ログインIDまたはパスワードが違います。' })
    const unknown = await c.post('/api/session', { loginId: 'nobody-at-all', password: 'nope' })
    expect(unknown.body.error.code).toBe('LOGIN_FAILED')
    for (let i = 0; i < 10; i++) await c.post('/api/session', { loginId: s.login.teacher2, password: 'nope' })
    const blocked = await c.post('/api/session', { loginId: s.login.teacher2, password: 'correct horse 7' })
    expect(blocked.body.error.code).toBe('RATE_LIMITED')
  })

  it('logging out ends the live sockets of that session only', async () => {
    const a = await new Client(server).login(s.login.vp)
    const b = await new Client(server).login(s.login.vp)
    const sa: TestSocket = await a.socket()
    const sb: TestSocket = await b.socket()
    const ended = nextEvent(sa, 'session:ended')
    await a.request('DELETE', '/api/session')
    expect(await ended).toEqual({ code: 'UNAUTHENTICATED' })
    expect((await a.get('/api/session')).status).toBe(401)
    expect((await sb.emitWithAck('heartbeat:ping', { sentAt: 1 })).ok).toBe(true)
    sb.disconnect()
  })

  // Disabled behind the app's back (by hand, as the command-line tool does): nothing is pushed. Commands that
  // act or read a pupil ask the database; the day snapshot trusts the socket until the sweep (roundTrips.test.ts).
  it('an account disabled behind the app\'s back loses its next command that asks who is calling', async () => {
    const c = await new Client(server).login(other.login.teacher1)
    const socket = await c.socket()
    await db.sql`update staff set disabled_at = now() where id = ${other.staff.teacher1}`
    expect(await socket.emitWithAck('class:roster', { classId: other.classes.c1 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('tells who is logged in', async () => {
    const me = await (await new Client(server).login(s.login.teacher1)).get('/api/session')
    expect(me.body.me).toMatchObject({ kind: 'staff', roles: ['teacher'], homeroomClassIds: [s.classes.c1], schoolName: 'hub小学校' })
  })
})

describe('health', () => {
  it('answers with the database mode', async () => {
    const res = await fetch(server.url + '/healthz')
    expect(await res.json()).toMatchObject({ status: 'ok', db: db.mode, version: 'test' })
  })
})
