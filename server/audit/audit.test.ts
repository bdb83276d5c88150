import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { Client, startTestServer, type TestServer } from '../test/server.js'
import { pruneAuditLog } from './prune.js'

let db: Database
let server: TestServer
let s: SmallSchool
/** Every request comes through a trusted proxy that names the real client. */
const CLIENT = '203.0.113.7'

interface Row { staffId: number | null; roles: string[]; action: string; pupilId: number | null; classId: number | null; dateFrom: string | null; dateTo: string | null; detail: string; address: string }
let seen = 0
/** The audit rows written since the last call. */
async function newRows(): Promise<Row[]> {
  const rows = await db.sql<(Row & { id: number })[]>`
    select id::int as id, staff_id, roles, action, pupil_id, class_id, date_from::text as date_from, date_to::text as date_to, detail, address
    from audit_log where school_id = ${s.schoolId} and id > ${seen} order by id`
  seen = rows.at(-1)?.id ?? seen
  return rows.map(({ id: _id, ...r }) => r)
}

/** A client whose requests (HTTP and socket) carry the proxy's X-Forwarded-For. */
class ProxiedClient extends Client {
  override request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    return super.request(method, path, body, { 'x-forwarded-for': CLIENT, ...headers })
  }
}
const login = (id: string) => new ProxiedClient(server).login(id)
async function proxiedSocket(c: Client) {
  const { io } = await import('socket.io-client')
  const { PROTOCOL_VERSION } = await import('../../shared/protocol/index.js')
  const socket = io(server.url, {
    transports: ['websocket'], reconnection: false,
    extraHeaders: { origin: server.url, cookie: c.cookie, 'x-forwarded-for': CLIENT },
    auth: { protocol: PROTOCOL_VERSION, buildId: 'test-build', client: 'person' },
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  return socket
}

/** A file download (CSV) as the page's link fetches it. */
async function download(c: Client, path: string): Promise<{ status: number; bytes: Buffer; text: string; type: string | null }> {
  const res = await fetch(server.url + path, { headers: { cookie: c.cookie, origin: server.url, 'x-forwarded-for': CLIENT } })
  const bytes = Buffer.from(await res.arrayBuffer())
  return { status: res.status, bytes, text: bytes.toString('utf8'), type: res.headers.get('content-type') }
}

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'au')
  // Health notes: the homeroom teachers and the vice-principal; not the administrator.
  await db.sql`update school set settings = ${db.sql.json({ healthNoteRoles: ['teacher', 'vice_principal'] })} where id = ${s.schoolId}`
  server = await startTestServer(db, undefined, {}, { trustProxy: ['127.0.0.1'] })
  const guardian = await new Client(server).login(s.login.suzuki)
  const [reason] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} and label = '発熱'`
  const res = await guardian.post('/api/guardian/reports', {
    idempotencyKey: 'audit-report-0001', pupilIds: [s.pupils.taro], kind: 'absent', fromDate: '2026-11-30', toDate: '2026-11-30',
    reasonId: reason!.id, symptoms: ['せき'], temperature: 38.5, message: '',
  })
  expect(res.status).toBe(201)
  await newRows()
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

describe('each audited act writes exactly one row', () => {
  it('a register correction, in the same transaction, with who, what, when and from where', async () => {
    const teacher = await login(s.login.teacher1)
    const res = await teacher.post('/api/register/marks', { pupilId: s.pupils.taro, date: '2026-11-20', codeId: null, note: '=1+1 確認のうえ訂正' })
    expect(res.status).toBe(200)
    expect(await newRows()).toEqual([{
      staffId: s.staff.teacher1, roles: ['teacher'], action: 'register.correct', pupilId: s.pupils.taro, classId: s.classes.c1,
      dateFrom: '2026-11-20', dateTo: '2026-11-20', detail: '記録なし:=1+1 確認のうえ訂正', address: CLIENT,
    }])
    const [at] = await db.sql<{ same: boolean }[]>`
      select (select at from audit_log where school_id = ${s.schoolId} order by id desc limit 1) = (select recorded_at from attendance_log where pupil_id = ${s.pupils.taro} and date = '2026-11-20' order by id desc limit 1) as same`
    expect(at!.same).toBe(true)
  })

  it('reading the rows behind a day of the register', async () => {
    const teacher = await login(s.login.teacher1)
    expect((await teacher.get(`/api/register/history?pupilId=${s.pupils.taro}&date=2026-11-20`)).status).toBe(200)
    expect(await newRows()).toEqual([expect.objectContaining({ action: 'register.history', staffId: s.staff.teacher1, pupilId: s.pupils.taro, dateFrom: '2026-11-20', dateTo: '2026-11-20', address: CLIENT })])
  })

  it('resolving a day and applying a 出席停止 are corrections too', async () => {
    const teacher = await login(s.login.teacher1)
    // Both pupils of the class are without a mark (the correction above cleared 太郎's).
    expect((await teacher.post('/api/register/resolve', { classId: s.classes.c1, date: '2026-11-20' })).body).toMatchObject({ markedPresent: 2 })
    expect(await newRows()).toEqual([expect.objectContaining({ action: 'register.resolve', classId: s.classes.c1, pupilId: null, dateFrom: '2026-11-20', detail: '記録なし2人を出席に' })])
    // Nothing left to resolve: nothing changed, nothing logged.
    expect((await teacher.post('/api/register/resolve', { classId: s.classes.c1, date: '2026-11-20' })).body).toMatchObject({ markedPresent: 0 })
    expect(await newRows()).toEqual([])
    const admin = await login(s.login.admin)
    const res = await admin.post('/api/register/suspension/apply', { pupilId: s.pupils.jiro, input: { disease: 'influenza', onset: '2026-11-24', feverBroke: '2026-11-25' } })
    expect(res.status).toBe(200)
    const days: string[] = res.body.plan.schoolDays
    expect(await newRows()).toEqual([expect.objectContaining({ action: 'suspension.apply', staffId: s.staff.admin, roles: ['admin'], pupilId: s.pupils.jiro, classId: s.classes.c2, dateFrom: days[0], dateTo: days.at(-1) })])
  })

  it("a pupil's history over the socket, with the client address behind the proxy", async () => {
    const socket = await proxiedSocket(await login(s.login.teacher1))
    const ack = await socket.emitWithAck('pupil:history', { pupilId: s.pupils.taro })
    expect(ack.ok).toBe(true)
    expect(await newRows()).toEqual([expect.objectContaining({ action: 'pupil.history', pupilId: s.pupils.taro, classId: s.classes.c1, dateFrom: '2026-04-01', dateTo: '2027-03-31', address: CLIENT })])
    socket.disconnect()
  })

  it('the live day with symptoms: once per login session and day, only for health-note roles', async () => {
    const teacher = await login(s.login.teacher1)
    for (let i = 0; i < 2; i++) {
      const socket = await proxiedSocket(teacher)
      expect((await socket.emitWithAck('day:snapshot', {})).ok).toBe(true)
      expect((await socket.emitWithAck('day:snapshot', {})).ok).toBe(true)
      socket.disconnect()
    }
    expect(await newRows()).toEqual([expect.objectContaining({ action: 'health.live', staffId: s.staff.teacher1, dateFrom: '2026-11-30', pupilId: null, address: CLIENT })])
    const other = await proxiedSocket(teacher)
    expect((await other.emitWithAck('day:snapshot', { date: '2026-11-27' })).ok).toBe(true)
    other.disconnect()
    expect(await newRows()).toEqual([expect.objectContaining({ action: 'health.live', dateFrom: '2026-11-27' })])
    // The administrator does not get symptoms here: nothing to log.
    const admin = await proxiedSocket(await login(s.login.admin))
    expect((await admin.emitWithAck('day:snapshot', {})).ok).toBe(true)
    admin.disconnect()
    expect(await newRows()).toEqual([])
  })

  it('a CSV export with symptoms; the same export without them is not a health-note read', async () => {
    const vp = await login(s.login.vp)
    const res = await download(vp, '/api/guidance/daily-absentees.csv?date=2026-11-30')
    expect(res.status).toBe(200)
    expect(res.text).toContain('症状:せき')
    expect(await newRows()).toEqual([expect.objectContaining({ action: 'health.export', staffId: s.staff.vp, roles: ['vice_principal'], dateFrom: '2026-11-30' })])
    const admin = await login(s.login.admin)
    const plain = await download(admin, '/api/guidance/daily-absentees.csv?date=2026-11-30')
    expect(plain.status).toBe(200)
    expect(plain.text).not.toContain('症状')
    expect(await newRows()).toEqual([])
  })
})

describe('a refused or failed request writes no row', () => {
  it('another class, a day that is no school day, a pupil of another class over the socket', async () => {
    const other = await login(s.login.teacher2)
    expect((await other.post('/api/register/marks', { pupilId: s.pupils.taro, date: '2026-11-20', codeId: null, note: '訂正' })).status).toBe(403)
    expect((await other.get(`/api/register/history?pupilId=${s.pupils.taro}&date=2026-11-20`)).status).toBe(403)
    const teacher = await login(s.login.teacher1)
    expect((await teacher.post('/api/register/marks', { pupilId: s.pupils.taro, date: '2026-11-22', codeId: null, note: '日曜日' })).status).toBe(422)
    const socket = await proxiedSocket(other)
    expect((await socket.emitWithAck('pupil:history', { pupilId: s.pupils.taro })).ok).toBe(false)
    socket.disconnect()
    expect(await newRows()).toEqual([])
  })
})

describe('viewing the log', () => {
  it('校長・教頭 page through it and filter by period, person, pupil and act; others are refused', async () => {
    const vp = await login(s.login.vp)
    const all = await vp.get('/api/audit')
    expect(all.status).toBe(200)
    expect(all.body.total).toBe(8)
    expect(all.body.rows[0]).toMatchObject({ action: 'health.export', staffName: '小林 先生', address: CLIENT })
    expect(all.body.staff.map((x: { id: number }) => x.id).sort()).toEqual([s.staff.admin, s.staff.teacher1, s.staff.vp].sort())
    const page2 = await vp.get('/api/audit?pageSize=3&page=2')
    expect(page2.body).toMatchObject({ total: 8, page: 2, pageSize: 3 })
    expect(page2.body.rows.map((r: { id: number }) => r.id)).toEqual(all.body.rows.slice(3, 6).map((r: { id: number }) => r.id))
    expect((await vp.get('/api/audit?pageSize=101')).status).toBe(400)
    expect((await vp.get(`/api/audit?staffId=${s.staff.teacher1}`)).body.total).toBe(6)
    expect((await vp.get(`/api/audit?pupilId=${s.pupils.taro}`)).body.rows.map((r: { action: string }) => r.action)).toEqual(['pupil.history', 'register.history', 'register.correct'])
    expect((await vp.get('/api/audit?action=health.live')).body.total).toBe(2)
    expect((await vp.get('/api/audit?from=2026-12-01')).body.total).toBe(0)
    expect((await vp.get('/api/audit?from=2026-11-30&to=2026-11-30')).body.total).toBe(8)
    expect((await vp.get('/api/audit?from=2026-11-30&to=2026-11-29')).status).toBe(400)
    for (const login_ of [s.login.admin, s.login.teacher1]) {
      const c = await login(login_)
      expect((await c.get('/api/audit')).status).toBe(403)
      expect((await download(c, '/api/audit.csv')).status).toBe(403)
    }
  })

  it('exports CSV with a BOM, formula-safe', async () => {
    const vp = await login(s.login.vp)
    const res = await download(vp, '/api/audit.csv?action=register.correct')
    expect(res.status).toBe(200)
    expect(res.type).toContain('text/csv')
    const bytes = res.bytes
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n')
    expect(lines[0]).toBe('日時,職員,役割,操作,児童,学級,対象期間(始),対象期間(終),内容,接続元')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/^2026\/11\/30 7:45:00,山本 先生,teacher,出席簿を訂正,鈴木 太郎,1年1組,2026-11-20,2026-11-20,記録なし:=1\+1 確認のうえ訂正,203\.0\.113\.7$/)
    // The note does not start the cell, so it stays as written; a cell that starts with = is neutralised.
    await db.sql`update audit_log set detail = '=HYPERLINK("x")' where action = 'register.correct' and school_id = ${s.schoolId}`
    const again = await download(vp, '/api/audit.csv?action=register.correct')
    expect(again.text).toContain(`,"'=HYPERLINK(""x"")",`)
  })
})

describe('retention', () => {
  it('keeps five years and deletes what is older', async () => {
    const now = Date.parse('2031-12-01T03:00:00+09:00')
    await db.sql`insert into audit_log (school_id, at, staff_id, roles, action, address) values
      (${s.schoolId}, '2026-11-30T14:59:00Z', ${s.staff.vp}, ${['vice_principal']}, 'pupil.history', 'old'),
      (${s.schoolId}, '2026-11-30T15:01:00Z', ${s.staff.vp}, ${['vice_principal']}, 'pupil.history', 'kept')`
    const before = (await db.sql<{ n: number }[]>`select count(*)::int as n from audit_log`)[0]!.n
    // Five years before 2031-12-01 (Japan) is 2026-12-01 00:00 JST = 2026-11-30 15:00 UTC: everything before it goes.
    const gone = await pruneAuditLog(db.sql, now)
    const left = await db.sql<{ address: string }[]>`select address from audit_log`
    expect(gone).toBe(before - 1)
    expect(left.map((r) => r.address)).toEqual(['kept'])
  })
})
