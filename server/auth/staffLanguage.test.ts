import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { Client, startTestServer, type TestServer } from '../test/server.js'

let db: Database
let server: TestServer
let s: SmallSchool

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'stl')
  server = await startTestServer(db, '2026-11-30T08:32:00+09:00')
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

describe("a staff member's page language", () => {
  it('is not chosen until they choose one, then remembered on the account for every device', async () => {
    const teacher = await new Client(server).login(s.login.teacher1)
    expect((await teacher.get('/api/session')).body.me).toMatchObject({ kind: 'staff', language: null })
    expect((await teacher.request('PUT', '/api/account/language', { language: 'en' })).status).toBe(200)
    expect((await teacher.get('/api/session')).body.me.language).toBe('en')
    const otherDevice = await new Client(server).login(s.login.teacher1)
    expect((await otherDevice.get('/api/session')).body.me.language).toBe('en')
    // Back to Japanese, and a colleague's choice is their own.
    expect((await otherDevice.request('PUT', '/api/account/language', { language: 'ja' })).status).toBe(200)
    expect((await teacher.get('/api/session')).body.me.language).toBe('ja')
    expect((await (await new Client(server).login(s.login.vp)).get('/api/session')).body.me.language).toBe(null)
  })

  it('refuses a language the staff pages do not have, and changes nothing', async () => {
    const vp = await new Client(server).login(s.login.vp)
    const res = await vp.request('PUT', '/api/account/language', { language: 'vi' })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('BAD_REQUEST')
    expect((await vp.get('/api/session')).body.me.language).toBe(null)
  })

  it('is for staff accounts: a guardian has their own setting, nobody logged in is refused', async () => {
    const guardian = await new Client(server).login(s.login.suzuki)
    expect((await guardian.request('PUT', '/api/account/language', { language: 'en' })).status).toBe(403)
    expect((await guardian.get('/api/session')).body.me.language).toBe(null)
    expect((await new Client(server).request('PUT', '/api/account/language', { language: 'en' })).status).toBe(401)
  })
})
