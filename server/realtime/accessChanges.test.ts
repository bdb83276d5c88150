import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { testDatabase } from '../test/db.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { Client, eventWhere, nextEvent, startTestServer, type TestServer } from '../test/server.js'

/** Rights follow a change at once: open sockets are re-authorised, unlinked guardians lose their reports. */

let db: Database
let server: TestServer
let s: SmallSchool
let admin: Client
let reasonId: number

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'ac')
  // Teachers and the nurse read health notes here; support staff do not.
  await db.sql`update school set settings = ${db.sql.json({ healthNoteRoles: ['teacher', 'nurse'] })} where id = ${s.schoolId}`
  const [reason] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} and label = '発熱'`
  reasonId = reason!.id
  server = await startTestServer(db)
  admin = await new Client(server).login(s.login.admin)
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

let reportNo = 0
/** A guardian's report with symptoms for a child; resolves when it is stored. */
async function reportFever(login: string, pupilId: number, fromDate = '2026-11-30'): Promise<void> {
  const guardian = await new Client(server).login(login)
  const res = await guardian.post('/api/guardian/reports', {
    idempotencyKey: `access-change-${String(++reportNo).padStart(4, '0')}`, pupilIds: [pupilId], kind: 'absent', fromDate, toDate: fromDate,
    reasonId, symptoms: ['せき'], temperature: 38.2, message: '熱があります',
  })
  expect(res.status).toBe(201)
}

describe('open sockets follow changes of rights at once', () => {
  it('a teacher moved to a role without health notes gets redacted events and a fresh snapshot on the same socket', async () => {
    const teacher = await (await new Client(server).login(s.login.teacher1)).socket()
    const before = eventWhere(teacher, (e) => e.changes.some((c) => c.pupilId === s.pupils.taro))
    await reportFever(s.login.suzuki, s.pupils.taro)
    expect((await before).changes[0]!.entry!.reports[0]).toMatchObject({ symptoms: ['せき'], temperature: 38.2 })

    const told = nextEvent(teacher, 'access:changed')
    const res = await admin.request('PUT', `/api/admin/staff/${s.staff.teacher1}`, { familyName: '山本', givenName: '先生', roles: ['support'], homeroomClassIds: [] })
    expect(res.status).toBe(200)
    await told
    const after = eventWhere(teacher, (e) => e.changes.some((c) => c.pupilId === s.pupils.hanako))
    await reportFever(s.login.tanaka, s.pupils.hanako)
    expect((await after).changes[0]!.entry!.reports[0]).toMatchObject({ symptoms: null, temperature: null, message: '熱があります' })
    const snap = await teacher.emitWithAck('day:snapshot', {})
    if (!snap.ok) throw new Error(snap.error.code)
    expect(snap.snapshot.entries.find((e) => e.pupilId === s.pupils.taro)!.reports[0]).toMatchObject({ symptoms: null, temperature: null })
    teacher.disconnect()
  })

  it('a teacher whose homeroom is taken away can no longer read that class on the same socket', async () => {
    const teacher = await (await new Client(server).login(s.login.teacher2)).socket()
    expect((await teacher.emitWithAck('pupil:history', { pupilId: s.pupils.jiro })).ok).toBe(true)
    const told = nextEvent(teacher, 'access:changed')
    expect((await admin.request('PUT', `/api/admin/staff/${s.staff.teacher2}`, { familyName: '中村', givenName: '先生', roles: ['teacher'], homeroomClassIds: [] })).status).toBe(200)
    await told
    const refused = await teacher.emitWithAck('pupil:history', { pupilId: s.pupils.jiro })
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN')
    const mark = await teacher.emitWithAck('pupil:mark', { pupilId: s.pupils.jiro, mark: 'not_arrived' })
    expect(mark.ok ? 'ok' : mark.error.code).toBe('NOT_HOMEROOM')
    teacher.disconnect()
  })

  it("a change of the school's health-note roles re-redacts every open staff socket", async () => {
    const nurse = await createNurse()
    const socket = await (await new Client(server).login(nurse)).socket()
    const told = nextEvent(socket, 'access:changed')
    const settings = (await admin.get('/api/admin/settings')).body
    const reasons = settings.reasons.map((r: { id: number; label: string; category: string; suggestedCodeId: number; active: boolean }) => ({ id: r.id, label: r.label, category: r.category, suggestedCodeId: r.suggestedCodeId, active: r.active }))
    const put = await admin.request('PUT', '/api/admin/settings', { name: settings.name, timeZone: settings.timeZone, settings: { ...settings.settings, healthNoteRoles: ['teacher'] }, reasons })
    expect(put.status).toBe(200)
    await told
    const after = eventWhere(socket, (e) => e.changes.some((c) => c.pupilId === s.pupils.jiro))
    await reportFever(s.login.suzuki, s.pupils.jiro)
    expect((await after).changes[0]!.entry!.reports[0]).toMatchObject({ symptoms: null, temperature: null })
    socket.disconnect()
  })
})

describe('health notes in exports', () => {
  it('the daily absentees CSV has symptom columns only for the health-note roles', async () => {
    await db.sql`update school set settings = ${db.sql.json({ healthNoteRoles: ['nurse'] })} where id = ${s.schoolId}`
    const nurse = await new Client(server).login(await createNurse())
    const csv = async (c: Client) => {
      const res = await fetch(`${server.url}/api/guidance/daily-absentees.csv?date=2026-11-30`, { headers: { cookie: c.cookie } })
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-store')
      return (await res.text()).split('\r\n')[0]!
    }
    expect(await csv(nurse)).toContain('症状:せき')
    expect(await csv(admin)).not.toContain('症状')
  })
})

describe('a guardian unlinked from a child', () => {
  it('no longer lists or withdraws their earlier report for that child', async () => {
    await reportFever(s.login.tanaka, s.pupils.hanako, '2026-12-02')
    const tanaka = await new Client(server).login(s.login.tanaka)
    const listed = (await tanaka.get('/api/guardian/reports')).body.reports as { id: number; pupilId: number }[]
    const report = listed.find((r) => r.pupilId === s.pupils.hanako)!
    expect(report).toBeDefined()

    expect((await admin.post(`/api/admin/registration/pupils/${s.pupils.hanako}/guardians/${s.guardians.tanaka}/unlink`)).status).toBe(200)
    expect((await tanaka.get('/api/guardian/reports')).body.reports).toEqual([])
    const withdraw = await tanaka.post(`/api/guardian/reports/${report.id}/withdraw`)
    expect([withdraw.status, withdraw.body.error.code]).toEqual([404, 'REPORT_NOT_FOUND'])
    const [row] = await db.sql<{ withdrawnAt: Date | null }[]>`select withdrawn_at from guardian_report where id = ${report.id}`
    expect(row!.withdrawnAt).toBeNull()
  })
})

let nurses = 0
/** A new nurse account of the school, logged in by the caller. */
async function createNurse(): Promise<string> {
  const loginId = `ac-nurse-${++nurses}`
  const res = await admin.post('/api/admin/staff', { familyName: '保健', givenName: '先生', roles: ['nurse'], homeroomClassIds: [], loginId, password: 'correct horse 7' })
  expect(res.status).toBe(201)
  return loginId
}
