import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { testDatabase } from '../test/db.js'
import { PASSWORD, smallSchool, type SmallSchool } from '../test/fixtures.js'
import { Client, nextEvent, startTestServer, type TestServer } from '../test/server.js'

let db: Database
let server: TestServer
let s: SmallSchool
let admin: Client

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'acc')
  server = await startTestServer(db, undefined, {}, { trustProxy: ['loopback'] })
  admin = await new Client(server).login(s.login.admin)
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

describe('staff accounts', () => {
  it('creates an account with roles and a homeroom; the login id must be free', async () => {
    const body = { loginId: 'acc-new', password: 'first-pass-1', familyName: '新井', givenName: '先生', roles: ['teacher'], homeroomClassIds: [s.classes.c1] }
    expect((await admin.post('/api/admin/staff', body)).status).toBe(201)
    const me = await new Client(server).login('acc-new', 'first-pass-1')
    expect((await me.get('/api/session')).body.me).toMatchObject({ roles: ['teacher'], homeroomClassIds: [s.classes.c1] })
    expect((await admin.post('/api/admin/staff', { ...body, loginId: 'ACC-NEW' })).body.error.code).toBe('LOGIN_ID_TAKEN')
    expect((await admin.post('/api/admin/staff', { ...body, loginId: 'acc-x', roles: [] })).status).toBe(400)
    const list = await admin.get('/api/admin/staff')
    expect(list.body.staff.find((x: { loginId: string }) => x.loginId === 'acc-new')).toMatchObject({ familyName: '新井', disabled: false })
  })

  it('changes roles and homeroom', async () => {
    expect((await admin.request('PUT', `/api/admin/staff/${s.staff.teacher2}`, { familyName: '中村', givenName: '先生', roles: ['teacher', 'nurse'], homeroomClassIds: [s.classes.c1, s.classes.c2] })).status).toBe(200)
    const t2 = await new Client(server).login(s.login.teacher2)
    expect((await t2.get('/api/session')).body.me).toMatchObject({ roles: ['teacher', 'nurse'], homeroomClassIds: [s.classes.c1, s.classes.c2] })
  })

  it('disabling closes live sockets at once and stops login; enabling restores it', async () => {
    const t1 = await new Client(server).login(s.login.teacher1)
    const socket = await t1.socket()
    const ended = nextEvent(socket, 'session:ended')
    const gone = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()))
    expect((await admin.post(`/api/admin/staff/${s.staff.teacher1}/disable`)).status).toBe(200)
    expect(await ended).toEqual({ code: 'UNAUTHENTICATED' })
    await gone
    expect((await t1.get('/api/session')).status).toBe(401)
    expect((await new Client(server).post('/api/session', { loginId: s.login.teacher1, password: PASSWORD })).status).toBe(401)
    expect((await admin.post(`/api/admin/staff/${s.staff.admin}/disable`)).body.error.code).toBe('CANNOT_DISABLE_SELF')
    await admin.post(`/api/admin/staff/${s.staff.teacher1}/enable`)
    await new Client(server).login(s.login.teacher1)
  })
})

describe('passwords and sessions', () => {
  it('a staff-issued one-time reset code sets a new password once and ends old sessions', async () => {
    const old = await new Client(server).login(s.login.vp)
    const issued = await admin.post(`/api/admin/staff/${s.staff.vp}/reset-code`)
    expect(issued.body.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/)
    const anon = new Client(server)
    expect((await anon.post('/api/account/reset', { loginId: s.login.teacher1, code: issued.body.code, password: 'brand-new-1' })).body.error.code).toBe('RESET_CODE_INVALID')
    expect((await anon.post('/api/account/reset', { loginId: s.login.vp, code: issued.body.code.toLowerCase(), password: 'brand-new-1' })).status).toBe(200)
    expect((await old.get('/api/session')).status).toBe(401)
    await new Client(server).login(s.login.vp, 'brand-new-1')
    expect((await anon.post('/api/account/reset', { loginId: s.login.vp, code: issued.body.code, password: 'brand-new-2' })).body.error.code).toBe('RESET_CODE_INVALID')
  })

  it('an expired reset code is refused, and guessing reset codes is rate-limited', async () => {
    const issued = await admin.post(`/api/admin/staff/${s.staff.teacher2}/reset-code`)
    server.clock.advance(25 * 3600_000)
    const guesser = new Client(server)
    const reset = (code: string) => guesser.request('POST', '/api/account/reset', { loginId: s.login.teacher2, code, password: 'never-set-1' }, { 'x-forwarded-for': '10.9.9.9' })
    expect((await reset(issued.body.code)).body.error.code).toBe('RESET_CODE_INVALID')
    for (let i = 0; i < 9; i++) expect((await reset(`ZZZZ-ZZZZ-ZZ${i}${i}`)).status).toBe(422)
    expect((await reset('ZZZZ-ZZZZ-ZZZZ')).body.error.code).toBe('RATE_LIMITED')
    server.clock.advance(-25 * 3600_000)
  })

  it('a guardian of the school can be given a reset code', async () => {
    const issued = await admin.post(`/api/admin/guardians/${s.guardians.tanaka}/reset-code`)
    expect((await new Client(server).post('/api/account/reset', { loginId: s.login.tanaka, code: issued.body.code, password: 'tanaka-new-1' })).status).toBe(200)
    await new Client(server).login(s.login.tanaka, 'tanaka-new-1')
  })

  it('changing the password needs the current one and ends the other sessions', async () => {
    const phone = await new Client(server).login(s.login.suzuki)
    const laptop = await new Client(server).login(s.login.suzuki)
    expect((await phone.post('/api/account/password', { current: 'wrong', next: 'suzuki-new-1' })).body.error.code).toBe('PASSWORD_WRONG')
    const res = await phone.post('/api/account/password', { current: PASSWORD, next: 'suzuki-new-1' })
    expect(res.body).toEqual({ ok: true, endedSessions: 1 })
    expect((await laptop.get('/api/session')).status).toBe(401)
    expect((await phone.get('/api/session')).status).toBe(200)
    await new Client(server).login(s.login.suzuki, 'suzuki-new-1')
  })

  it('lists my sessions and ends another one', async () => {
    const a = await new Client(server).login(s.login.teacher2)
    const b = await new Client(server).login(s.login.teacher2)
    const list = await a.get('/api/account/sessions')
    const others = list.body.sessions.filter((x: { current: boolean }) => !x.current)
    expect(list.body.sessions.filter((x: { current: boolean }) => x.current)).toHaveLength(1)
    expect(others.length).toBeGreaterThanOrEqual(1)
    for (const o of others) expect((await a.post(`/api/account/sessions/${o.id}/end`)).status).toBe(200)
    expect((await b.get('/api/session')).status).toBe(401)
    expect((await a.post('/api/account/sessions/nope/end')).status).toBe(404)
    // Someone else's session id is not mine to end.
    const adminSessions = await admin.get('/api/account/sessions')
    expect((await a.post(`/api/account/sessions/${adminSessions.body.sessions[0].id}/end`)).status).toBe(404)
  })
})

describe('school settings', () => {
  it('saves name, times, messages, roles and the reason list; a removed reason is switched off, not deleted', async () => {
    const cur = await admin.get('/api/admin/settings')
    expect(cur.body.settings).toMatchObject({ rollCallTime: '8:30', acceptLateReports: true, healthNoteRoles: ['admin', 'principal', 'vice_principal', 'teacher', 'nurse'] })
    const reasons = cur.body.reasons.slice(1).map((r: { id: number; label: string }, i: number) => (i === 0 ? { ...r, label: `${r.label}(改)` } : r))
    reasons.push({ label: '地域の行事', category: 'appointment', suggestedCodeId: cur.body.codes[0].id })
    const body = {
      name: '新しい名前小学校', reasons,
      settings: { ...cur.body.settings, rollCallTime: '8:15', sameDayCutoff: '8:00', acceptLateReports: false, cutoffMessage: '8時を過ぎたら電話でお知らせください。', boardShowsMessages: true, healthNoteRoles: ['nurse'], consecutiveAbsenceBadge: 2 },
    }
    const saved = await admin.request('PUT', '/api/admin/settings', body)
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect(saved.body).toMatchObject({ name: '新しい名前小学校', settings: { rollCallTime: '8:15', cutoffMessage: '8時を過ぎたら電話でお知らせください。', healthNoteRoles: ['nurse'] } })
    expect(saved.body.reasons.filter((r: { active: boolean }) => !r.active).map((r: { label: string }) => r.label)).toEqual([cur.body.reasons[0].label])
    expect(saved.body.reasons.some((r: { label: string; active: boolean }) => r.label === '地域の行事' && r.active)).toBe(true)
    // The guardian past the cut-off reads the school's own message.
    server.clock.set(Date.parse('2026-11-30T08:20:00+09:00'))
    const guardian = await new Client(server).login(s.login.suzuki, 'suzuki-new-1')
    const [reason] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} and active order by sort_order limit 1`
    const late = await guardian.post('/api/guardian/reports', { idempotencyKey: 'acc-key-00000001', pupilIds: [s.pupils.taro], kind: 'absent', fromDate: '2026-11-30', toDate: '2026-11-30', reasonId: reason!.id, symptoms: [], message: '' })
    expect(late.body.error).toEqual({ code: 'CUTOFF_PASSED', message: '8時を過ぎたら電話でお知らせください。', requestId: expect.any(String) })
  })

  it('refuses duplicate reasons, saving nothing', async () => {
    const cur = await admin.get('/api/admin/settings')
    const body = { name: '変更', settings: cur.body.settings, reasons: [...cur.body.reasons, { ...cur.body.reasons[0], id: undefined }] }
    expect((await admin.request('PUT', '/api/admin/settings', body)).status).toBe(400)
    expect((await admin.get('/api/admin/settings')).body.name).toBe(cur.body.name)
  })

  it('creates the next school year once', async () => {
    expect((await admin.post('/api/admin/years', { fiscalYear: 2027 })).status).toBe(201)
    expect((await admin.post('/api/admin/years', { fiscalYear: 2027 })).body.error.code).toBe('YEAR_EXISTS')
    const years = await admin.get('/api/admin/years')
    expect(years.body.years.map((y: { fiscalYear: number }) => y.fiscalYear)).toEqual([2027, 2026])
    expect(years.body.years[1].classes.map((c: { label: string }) => c.label)).toEqual(['1年1組', '2年1組'])
  })
})
