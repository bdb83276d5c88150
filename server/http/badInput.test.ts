import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { Client, startTestServer, type TestServer, type TestSocket } from '../test/server.js'
import { postBytes } from '../test/upload.js'

let db: Database
let server: TestServer
let s: SmallSchool
let reasonId: number
const errors: unknown[][] = []

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'bad')
  const [reason] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} limit 1`
  reasonId = reason!.id
  // Anything logged at error level is a hidden 500 or a stack: the tests below expect none.
  server = await startTestServer(db, undefined, { log: { info() {}, warn() {}, error: (...a: unknown[]) => errors.push(a) } })
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

async function board(): Promise<TestSocket> {
  const admin = await new Client(server).login(s.login.admin)
  const created = await admin.post('/api/admin/board-devices', { name: '職員室' })
  const b = new Client(server)
  await b.post('/api/board/pair', { code: created.body.pairingCode })
  return b.socket('board')
}

const report = (over: Record<string, unknown>) => ({
  idempotencyKey: `bad-${Math.random().toString(36).slice(2, 14)}xxxx`, pupilIds: [s.pupils.taro], kind: 'absent',
  fromDate: '2026-12-01', toDate: '2026-12-01', reasonId, ...over,
})

describe('bounded work per request', () => {
  it('refuses every extreme size while a board keeps its heartbeat', async () => {
    const socket = await board()
    const guardian = await new Client(server).login(s.login.suzuki)
    const admin = await new Client(server).login(s.login.admin)
    const teacher = await new Client(server).login(s.login.teacher1)
    let pongs = 0
    let pinging = true
    const pinger = (async () => {
      while (pinging) {
        const ack = await socket.timeout(5000).emitWithAck('heartbeat:ping', { sentAt: Date.now() })
        if (ack.ok) pongs++
      }
    })()
    const extremes: [string, Promise<{ status: number; body: any }>][] = [
      ['toDate 9999-12-30', guardian.post('/api/guardian/reports', report({ toDate: '9999-12-30' }))],
      ['toDate 9999-12-31', guardian.post('/api/guardian/reports', report({ toDate: '9999-12-31' }))],
      ['fromDate 0001-01-01', guardian.post('/api/guardian/reports', report({ fromDate: '0001-01-01', toDate: '9999-12-31' }))],
      ['a range of 10 years', guardian.post('/api/guardian/reports', report({ toDate: '2036-12-01' }))],
      ['1,000 pupils', guardian.post('/api/guardian/reports', report({ pupilIds: Array.from({ length: 1000 }, (_, i) => i + 1) }))],
      ['a 60,000-character message', guardian.post('/api/guardian/reports', report({ message: 'あ'.repeat(60_000) }))],
      ['a body over 64 KiB', guardian.post('/api/guardian/reports', report({ message: 'a'.repeat(70_000) }))],
      ['month 0000-01', teacher.get(`/api/register/month?classId=${s.classes.c1}&month=0000-01`)],
      ['month 9999-12', teacher.get(`/api/register/month?classId=${s.classes.c1}&month=9999-12`)],
      ['calendar 9999 range', admin.post('/api/calendar/days', { from: '2000-01-01', to: '2100-12-31', kind: 'closed' })],
      ['2,001 letters', admin.post('/api/admin/registration/letters', { pupilIds: Array.from({ length: 2001 }, (_, i) => i + 1) })],
      ['guidance date 9999-12-31', teacher.get('/api/guidance?date=9999-12-31')],
    ]
    const results = await Promise.all(extremes.map(async ([name, p]) => [name, await p] as const))
    pinging = false
    await pinger
    for (const [name, res] of results) {
      expect.soft(res.status, name).toBeGreaterThanOrEqual(400)
      expect.soft(res.status, name).toBeLessThan(500)
      expect.soft(res.body?.ok, name).toBe(false)
    }
    expect(pongs).toBeGreaterThan(0)
    socket.disconnect()
    expect(errors).toEqual([])
  }, 120_000)
})

describe('every bad input is a 4xx with a stable code', () => {
  const NUL = 'a\u0000b'
  const LONE = 'a\ud800b'

  it('refuses NUL bytes and lone surrogates in any text field, writing nothing', async () => {
    const guardian = await new Client(server).login(s.login.suzuki)
    const admin = await new Client(server).login(s.login.admin)
    const before = await db.sql<{ n: number }[]>`select count(*)::int as n from guardian_report`
    const cases: [string, Promise<{ status: number; body: any }>][] = [
      ['login id', new Client(server).post('/api/session', { loginId: NUL, password: 'x' })],
      ['password', new Client(server).post('/api/session', { loginId: s.login.suzuki, password: NUL })],
      ['reset code', new Client(server).post('/api/account/reset', { loginId: s.login.suzuki, code: `ABCD-${NUL}-EFGH`, password: 'a new password 1' })],
      ['report message', guardian.post('/api/guardian/reports', report({ message: NUL }))],
      ['report symptom', guardian.post('/api/guardian/reports', report({ symptoms: [LONE] }))],
      ['a key', guardian.post('/api/guardian/reports', { ...report({}), [NUL]: 1 })],
      ['notice template', admin.request('PUT', '/api/admin/settings', { noticeBody: LONE })],
      ['query', admin.get(`/api/register/month?classId=${s.classes.c1}&month=2026-11&x=${encodeURIComponent(NUL)}`)],
    ]
    for (const [name, p] of cases) {
      const res = await p
      expect.soft(res.status, name).toBe(400)
      expect.soft(res.body?.error?.code, name).toBe('BAD_REQUEST')
    }
    const after = await db.sql<{ n: number }[]>`select count(*)::int as n from guardian_report`
    expect(after[0]!.n).toBe(before[0]!.n)
    expect(errors).toEqual([])
  })

  it('refuses them in socket commands', async () => {
    const socket = await (await new Client(server).login(s.login.teacher1)).socket()
    const note = await socket.emitWithAck('pupil:note', { pupilId: s.pupils.taro, body: NUL })
    const phone = await socket.emitWithAck('report:phone', { pupilId: s.pupils.taro, kind: 'absent', reasonId, message: LONE } as never)
    const mark = await socket.emitWithAck('pupil:mark', { pupilId: s.pupils.taro, mark: 'not_arrived', note: NUL })
    for (const ack of [note, phone, mark]) expect(ack).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    const [notes] = await db.sql<{ n: number }[]>`select count(*)::int as n from staff_note`
    expect(notes!.n).toBe(0)
    socket.disconnect()
    expect(errors).toEqual([])
  })

  it('refuses a malformed cookie, a bad Content-Encoding and a broken body', async () => {
    const odd = await fetch(server.url + '/api/board/me', { headers: { cookie: 'asg_device=%E0%A4%A; asg_session=%' } })
    expect(odd.status).toBe(401)
    const session = await fetch(server.url + '/api/session', { headers: { cookie: 'asg_session=%ZZ' } })
    expect(session.status).toBe(401)
    const post = (headers: Record<string, string>, body: Uint8Array | string) =>
      fetch(server.url + '/api/session', { method: 'POST', headers: { origin: server.url, 'content-type': 'application/json', ...headers }, body: new Blob([body as BlobPart]) })
    const br = await post({ 'content-encoding': 'br' }, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))
    expect(br.status).toBe(400)
    expect((await br.json()).error.code).toBe('BAD_REQUEST')
    const gz = await post({ 'content-encoding': 'gzip' }, gzipSync('{"loginId":').subarray(0, 10))
    expect(gz.status).toBe(400)
    const unknown = await post({ 'content-encoding': 'zstd-nonsense' }, '{}')
    expect(unknown.status).toBe(415)
    expect((await unknown.json()).error.code).toBe('BAD_REQUEST')
    // A lone surrogate, percent-encoded, is no UTF-8: the path parameter cannot be decoded.
    const admin = await new Client(server).login(s.login.admin)
    const path = await admin.post('/api/calendar/events/%ED%A0%80/delete')
    expect(path.status).toBe(400)
    expect(path.body.error.code).toBe('BAD_REQUEST')
    expect(errors).toEqual([])
  })

  it('refuses an over-long class name at preview, before apply', async () => {
    const admin = await new Client(server).login(s.login.admin)
    const csv = `学年,組,出席番号,氏名\r\n1,${'長'.repeat(21)},1,山田 一郎\r\n`
    const preview = await postBytes(admin, '/api/admin/roster/preview?createClasses=1', Buffer.from(csv, 'utf8'))
    expect(preview.status).toBe(200)
    expect(preview.body.problems.map((p: { message: string }) => p.message).join()).toContain('20文字まで')
    expect(errors).toEqual([])
  })
})
