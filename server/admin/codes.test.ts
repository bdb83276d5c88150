import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { testDatabase } from '../test/db.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { Client, nextEvent, startTestServer, type TestServer } from '../test/server.js'

let db: Database
let server: TestServer
let s: SmallSchool

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'codes')
  server = await startTestServer(db)
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

const weather = { code: 'absent_weather', label: '欠席(自然災害)', shortLabel: '災', onSite: false, countsAbsent: true, excused: false }

describe('a school adds its own attendance code', () => {
  it('is used through the reason mapping and counted by its meaning', async () => {
    const admin = await new Client(server).login(s.login.admin)
    const created = await admin.post('/api/admin/codes', weather)
    expect(created.status).toBe(201)
    const code = created.body.codes.find((c: { label: string }) => c.label === '欠席(自然災害)')
    expect(code).toBeDefined()

    const view = (await admin.get('/api/admin/settings')).body
    const reasons = [...view.reasons, { label: '大雨', category: 'other', suggestedCodeId: code.id, active: true }]
    expect((await admin.request('PUT', '/api/admin/settings', { name: view.name, settings: view.settings, reasons })).status).toBe(200)
    const [reason] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} and label = '大雨'`

    const staff = await (await new Client(server).login(s.login.vp)).socket()
    const seen = nextEvent(staff, 'day:changed')
    const guardian = await new Client(server).login(s.login.tanaka)
    const res = await guardian.post('/api/guardian/reports', {
      idempotencyKey: 'codes-weather-0001', pupilIds: [s.pupils.hanako], kind: 'absent', fromDate: '2026-11-30', toDate: '2026-11-30', reasonId: reason!.id,
    })
    expect(res.status).toBe(201)
    const entry = (await seen).changes[0]!.entry!
    expect(entry).toMatchObject({ status: 'absent', codeLabel: '欠席(自然災害)', cumulativeAbsences: 1 })
    staff.disconnect()
  })

  it('refuses a duplicate and a contradictory meaning, writing nothing', async () => {
    const admin = await new Client(server).login(s.login.admin)
    const [before] = await db.sql<{ n: number }[]>`select count(*)::int as n from attendance_code where school_id = ${s.schoolId}`
    const dup = await admin.post('/api/admin/codes', weather)
    expect(dup.status).toBe(409)
    expect(dup.body.error.code).toBe('CODE_EXISTS')
    const contradictory = await admin.post('/api/admin/codes', { ...weather, code: 'both_ways', excused: true })
    expect(contradictory.body.error.code).toBe('BAD_REQUEST')
    const badName = await admin.post('/api/admin/codes', { ...weather, code: 'Bad Code' })
    expect(badName.body.error.code).toBe('BAD_REQUEST')
    const [after] = await db.sql<{ n: number }[]>`select count(*)::int as n from attendance_code where school_id = ${s.schoolId}`
    expect(after!.n).toBe(before!.n)
  })
})
