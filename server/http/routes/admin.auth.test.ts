import type { Router } from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/types.js'
import { hashPassword } from '../../auth/password.js'
import { createStaff } from '../../data/schoolSetup.js'
import { testDatabase } from '../../test/db.js'
import { PASSWORD, smallSchool, type SmallSchool } from '../../test/fixtures.js'
import { Client, startTestServer, type TestServer } from '../../test/server.js'
import { fixture } from '../../test/upload.js'
import { routeMounter } from '../mount.js'
import { adminRoutes } from './admin.js'

let db: Database
let server: TestServer
let a: SmallSchool
let b: SmallSchool
let codeId: number
let deviceId: number

beforeAll(async () => {
  db = await testDatabase()
  a = await smallSchool(db.sql, 'auth')
  b = await smallSchool(db.sql, 'bauth')
  const hash = await hashPassword(PASSWORD)
  for (const role of ['support', 'nurse', 'teacher'] as const) {
    await createStaff(db.sql, { schoolId: a.schoolId, loginId: `auth-${role}-only`, passwordHash: hash, familyName: role, givenName: '職員', roles: [role] })
  }
  server = await startTestServer(db)
  const admin = await new Client(server).login(a.login.admin)
  await admin.post('/api/admin/registration/letters', { pupilIds: [a.pupils.other] })
  const [code] = await db.sql<{ id: number }[]>`select id from registration_code where pupil_id = ${a.pupils.other}`
  codeId = code!.id
  deviceId = (await admin.post('/api/admin/board-devices', { name: '職員室' })).body.device.id
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

type Route = { method: 'GET' | 'POST' | 'PUT'; mount: string; leaf: string; path: () => string; body?: () => unknown; csv?: boolean }
const staffBody = () => ({ familyName: '新任', givenName: '先生', roles: ['admin'], homeroomClassIds: [a.classes.c1], loginId: `new-${Math.random()}`, password: 'password-123' })

/** Every admin route, with a valid request against school A: a missing check would succeed. */
const ROUTES: Route[] = [
  { method: 'GET', mount: '', leaf: '/board-devices', path: () => '/board-devices' },
  { method: 'POST', mount: '', leaf: '/board-devices', path: () => '/board-devices', body: () => ({ name: '廊下' }) },
  { method: 'POST', mount: '', leaf: '/board-devices/:id/revoke', path: () => `/board-devices/${deviceId}/revoke` },
  { method: 'POST', mount: '/roster', leaf: '/preview', path: () => '/roster/preview?createClasses=1', csv: true },
  { method: 'POST', mount: '/roster', leaf: '/apply', path: () => '/roster/apply?createClasses=1', csv: true },
  { method: 'GET', mount: '/roster', leaf: '/export', path: () => '/roster/export' },
  { method: 'GET', mount: '/registration', leaf: '/dashboard', path: () => '/registration/dashboard' },
  { method: 'POST', mount: '/registration', leaf: '/letters', path: () => '/registration/letters', body: () => ({ classId: a.classes.c1 }) },
  { method: 'POST', mount: '/registration', leaf: '/pupils/:id/reissue', path: () => `/registration/pupils/${a.pupils.other}/reissue` },
  { method: 'POST', mount: '/registration', leaf: '/codes/:id/revoke', path: () => `/registration/codes/${codeId}/revoke` },
  { method: 'GET', mount: '/registration', leaf: '/pupils/:id/guardians', path: () => `/registration/pupils/${a.pupils.taro}/guardians` },
  { method: 'POST', mount: '/registration', leaf: '/pupils/:id/guardians/:guardianId/unlink', path: () => `/registration/pupils/${a.pupils.taro}/guardians/${a.guardians.suzuki}/unlink` },
  { method: 'GET', mount: '', leaf: '/staff', path: () => '/staff' },
  { method: 'POST', mount: '', leaf: '/staff', path: () => '/staff', body: staffBody },
  { method: 'PUT', mount: '', leaf: '/staff/:id', path: () => `/staff/${a.staff.teacher1}`, body: () => ({ familyName: '改名', givenName: '先生', roles: ['admin'], homeroomClassIds: [] }) },
  { method: 'POST', mount: '', leaf: '/staff/:id/disable', path: () => `/staff/${a.staff.teacher2}/disable` },
  { method: 'POST', mount: '', leaf: '/staff/:id/enable', path: () => `/staff/${a.staff.teacher2}/enable` },
  { method: 'POST', mount: '', leaf: '/staff/:id/reset-code', path: () => `/staff/${a.staff.teacher1}/reset-code` },
  { method: 'POST', mount: '', leaf: '/guardians/:id/reset-code', path: () => `/guardians/${a.guardians.suzuki}/reset-code` },
  { method: 'GET', mount: '', leaf: '/settings', path: () => '/settings' },
  { method: 'POST', mount: '', leaf: '/codes', path: () => '/codes', body: () => ({ code: `x${Math.random().toString(36).slice(2, 8)}`, label: '乗っ取り', shortLabel: '乗', onSite: false, countsAbsent: true, excused: false }) },
  { method: 'PUT', mount: '', leaf: '/settings', path: () => '/settings', body: () => ({ name: '乗っ取り小学校', settings: {}, reasons: [] }) },
  { method: 'GET', mount: '', leaf: '/years', path: () => '/years' },
  { method: 'POST', mount: '', leaf: '/years', path: () => '/years', body: () => ({ fiscalYear: 2027 }) },
]

/** The routes the admin router really has, found by walking it (mounts included). */
function walk(router: Router, mount = ''): string[] {
  const out: string[] = []
  for (const layer of (router as unknown as { stack: { route?: { path: string; methods: Record<string, boolean> }; handle: unknown; matchers?: unknown[]; name?: string }[] }).stack) {
    if (layer.route) for (const m of Object.keys(layer.route.methods)) out.push(`${m.toUpperCase()} ${mount}|${layer.route.path}`)
    else if ((layer.handle as { stack?: unknown }).stack) out.push(...walk(layer.handle as Router, '?'))
  }
  return out
}

/** Everything school A owns that an admin route could change. */
async function stateOfA(): Promise<string> {
  const q = db.sql
  const id = a.schoolId
  return JSON.stringify(await Promise.all([
    q`select name, settings from school where id = ${id}`,
    q`select id, family_name, roles, disabled_at from staff where school_id = ${id} order by id`,
    q`select * from homeroom_assignment where school_id = ${id} order by class_id, staff_id`,
    q`select id, left_on from pupil where school_id = ${id} order by id`,
    q`select * from class_membership where school_id = ${id} order by pupil_id`,
    q`select id, revoked_at from board_device where school_id = ${id} order by id`,
    q`select id, code, revoked_at from registration_code where school_id = ${id} order by id`,
    q`select guardian_id, pupil_id from guardian_pupil where school_id = ${id} order by 1, 2`,
    q`select count(*) from password_reset_code where school_id = ${id}`,
    q`select id from school_year where school_id = ${id}`,
    q`select count(*) from school_class where school_id = ${id}`,
  ]))
}

/** Raw fetch: the export answers CSV, the rest JSON; either way the test reads text. */
async function call(client: Client, r: Route): Promise<{ status: number; body: string }> {
  const body = r.csv ? new Blob([new Uint8Array(fixture('roster-utf8-lf.csv'))]) : r.method === 'GET' ? undefined : JSON.stringify(r.body ? r.body() : {})
  const res = await fetch(`${server.url}/api/admin${r.path()}`, {
    method: r.method,
    headers: { origin: server.url, 'content-type': r.csv ? 'text/csv' : 'application/json', ...(client.cookie ? { cookie: client.cookie } : {}) },
    body,
  })
  return { status: res.status, body: await res.text() }
}

describe('admin routes', () => {
  it('the table covers every route of the admin router', () => {
    const real = walk(adminRoutes({} as never, {} as never, routeMounter({ checkResponses: false, record() {} }))).map((s) => s.replace(/ .*\|/, ' ')).sort()
    const listed = ROUTES.map((r) => `${r.method} ${r.leaf}`).sort()
    expect(listed).toEqual(real)
  })

  const refusals: [string, () => Promise<Client>, number][] = [
    ['nobody', async () => new Client(server), 401],
    ['a teacher', () => new Client(server).login(a.login.teacher1), 403],
    ['support staff', () => new Client(server).login('auth-support-only'), 403],
    ['a nurse', () => new Client(server).login('auth-nurse-only'), 403],
    ['a guardian', () => new Client(server).login(a.login.suzuki), 403],
  ]
  for (const [who, login, status] of refusals) {
    it(`refuses ${who} on every route, changing nothing`, async () => {
      const client = await login()
      const before = await stateOfA()
      for (const r of ROUTES) {
        const res = await call(client, r)
        expect(res.status, `${r.method} ${r.path()}`).toBe(status)
      }
      expect(await stateOfA()).toBe(before)
    })
  }

  it('refuses a board device (its cookie is no person session)', async () => {
    const admin = await new Client(server).login(a.login.admin)
    const created = await admin.post('/api/admin/board-devices', { name: '玄関' })
    const board = new Client(server)
    expect((await board.post('/api/board/pair', { code: created.body.pairingCode })).status).toBe(200)
    for (const r of ROUTES) expect((await call(board, r)).status, r.path()).toBe(401)
  })

  it("gives another school's admin nothing of school A: ids are not found, lists show their own school", async () => {
    const other = await new Client(server).login(b.login.admin)
    const before = await stateOfA()
    for (const r of ROUTES) {
      const res = await call(other, r)
      const text = res.body
      if (r.leaf.includes(':')) expect([404, 422], `${r.method} ${r.path()} → ${text}`).toContain(res.status)
      expect(text, r.path()).not.toMatch(/(?<!b)auth(小学校|-)/)
    }
    expect(await stateOfA()).toBe(before)
  })
})
