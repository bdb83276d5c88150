import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FamilyChanged } from '../../shared/protocol/index.js'
import type { Database } from '../db/types.js'
import { testDatabase } from '../test/db.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { Client, nextEvent, startTestServer, type TestServer, type TestSocket } from '../test/server.js'

/** A guardian's socket hears that their own children's days changed, and nothing of other families. */

let db: Database
let server: TestServer
let s: SmallSchool
let reasonId: number

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'fam')
  const [reason] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} and label = '発熱'`
  reasonId = reason!.id
  server = await startTestServer(db)
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

/** Everything a socket receives, by event name. */
function recorder(socket: TestSocket): { name: string; payload: unknown }[] {
  const seen: { name: string; payload: unknown }[] = []
  socket.onAny((name: string, payload: unknown) => seen.push({ name, payload }))
  return seen
}

/** The next family:changed for this pupil. */
function familyEventFor(socket: TestSocket, pupilId: number, ms = 15_000): Promise<FamilyChanged> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no family:changed for pupil ${pupilId}`)), ms)
    const on = (e: FamilyChanged) => {
      if (e.pupilId !== pupilId) return
      clearTimeout(timer)
      socket.off('family:changed', on)
      resolve(e)
    }
    socket.on('family:changed', on)
  })
}

let keys = 0
async function report(guardian: Client, pupilId: number, date = '2026-11-30'): Promise<number> {
  const res = await guardian.post('/api/guardian/reports', {
    idempotencyKey: `family-events-${String(++keys).padStart(4, '0')}`, pupilIds: [pupilId], kind: 'absent', fromDate: date, toDate: date,
    reasonId, symptoms: ['せき'], temperature: 38.2, message: '熱があります',
  })
  expect(res.status).toBe(201)
  return res.body.reports[0].id as number
}

describe('guardian sockets', () => {
  it("guardian A hears only their own children's changes (a 確認済 among them), nothing of family B", async () => {
    const suzuki = await new Client(server).login(s.login.suzuki)
    const tanaka = await new Client(server).login(s.login.tanaka)
    const suzukiSocket = await suzuki.socket()
    const tanakaSocket = await tanaka.socket()
    const suzukiSeen = recorder(suzukiSocket)
    const tanakaSeen = recorder(tanakaSocket)
    const teacher = await (await new Client(server).login(s.login.teacher1)).socket()

    // Events are published at commit, before the HTTP answer: listen first.
    const taroHeard = familyEventFor(suzukiSocket, s.pupils.taro)
    const taroReport = await report(suzuki, s.pupils.taro)
    await taroHeard
    const hanakoHeard = familyEventFor(tanakaSocket, s.pupils.hanako)
    const hanakoReport = await report(tanaka, s.pupils.hanako)
    await hanakoHeard

    const acknowledged = familyEventFor(suzukiSocket, s.pupils.taro)
    expect(await teacher.emitWithAck('report:acknowledge', { reportId: taroReport })).toEqual({ ok: true })
    const event = await acknowledged
    expect(Object.keys(event).sort()).toEqual(['date', 'pupilId', 'schoolId', 'seq'])
    expect(event).toMatchObject({ schoolId: s.schoolId, pupilId: s.pupils.taro, date: '2026-11-30' })
    const listed = (await suzuki.get('/api/guardian/reports')).body.reports as { id: number; acknowledged: boolean }[]
    expect(listed.find((r) => r.id === taroReport)!.acknowledged).toBe(true)

    // The other class's pupil (no family here) and family B's child change too; A hears neither.
    const hanakoAcknowledged = familyEventFor(tanakaSocket, s.pupils.hanako)
    expect(await teacher.emitWithAck('report:acknowledge', { reportId: hanakoReport })).toEqual({ ok: true })
    await hanakoAcknowledged
    const vp = await (await new Client(server).login(s.login.vp)).socket()
    expect(await vp.emitWithAck('pupil:mark', { pupilId: s.pupils.other, mark: 'not_arrived' })).toEqual({ ok: true })
    // A later change to A's other child: by then anything meant for A before it has arrived.
    const sentinel = familyEventFor(suzukiSocket, s.pupils.jiro)
    expect(await vp.emitWithAck('pupil:mark', { pupilId: s.pupils.jiro, mark: 'not_arrived' })).toEqual({ ok: true })
    await sentinel

    const pupilsHeard = (seen: { name: string; payload: unknown }[]) => new Set(seen.map((e) => (e.payload as FamilyChanged).pupilId))
    expect(suzukiSeen.every((e) => e.name === 'family:changed')).toBe(true)
    expect(tanakaSeen.every((e) => e.name === 'family:changed')).toBe(true)
    expect(pupilsHeard(suzukiSeen)).toEqual(new Set([s.pupils.taro, s.pupils.jiro]))
    expect(pupilsHeard(tanakaSeen)).toEqual(new Set([s.pupils.hanako]))
    // Guardians cannot read the school day through their socket either.
    const snap = await suzukiSocket.emitWithAck('day:snapshot', {})
    expect(snap.ok ? 'ok' : snap.error.code).toBe('FORBIDDEN')
    for (const socket of [suzukiSocket, tanakaSocket, teacher, vp]) socket.disconnect()
  })

  it('a guardian unlinked from a child stops hearing about that child on the open socket', async () => {
    const admin = await new Client(server).login(s.login.admin)
    const tanaka = await new Client(server).login(s.login.tanaka)
    const tanakaSocket = await tanaka.socket()
    const suzukiSocket = await (await new Client(server).login(s.login.suzuki)).socket()
    const vp = await (await new Client(server).login(s.login.vp)).socket()

    const heard = familyEventFor(tanakaSocket, s.pupils.hanako)
    expect(await vp.emitWithAck('pupil:mark', { pupilId: s.pupils.hanako, mark: 'not_arrived' })).toEqual({ ok: true })
    await heard

    const told = nextEvent(tanakaSocket, 'access:changed')
    expect((await admin.post(`/api/admin/registration/pupils/${s.pupils.hanako}/guardians/${s.guardians.tanaka}/unlink`)).status).toBe(200)
    await told
    const tanakaSeen = recorder(tanakaSocket)
    expect(await vp.emitWithAck('pupil:mark', { pupilId: s.pupils.hanako, mark: 'present' })).toEqual({ ok: true })
    const sentinel = familyEventFor(suzukiSocket, s.pupils.taro)
    expect(await vp.emitWithAck('pupil:mark', { pupilId: s.pupils.taro, mark: 'present' })).toEqual({ ok: true })
    await sentinel
    expect(tanakaSeen).toEqual([])
    for (const socket of [tanakaSocket, suzukiSocket, vp]) socket.disconnect()
  })
})
