import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { Client, nextEvent, startTestServer, type TestServer } from '../test/server.js'

let db: Database
let server: TestServer
let s: SmallSchool

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'hn')
  // Only the homeroom teachers may read health notes here; the vice-principal may not.
  await db.sql`update school set settings = ${db.sql.json({ healthNoteRoles: ['teacher'] })} where id = ${s.schoolId}`
  server = await startTestServer(db)
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

describe('health notes follow the school setting', () => {
  it('symptoms and temperature reach allowed roles only, live and in snapshots', async () => {
    const teacher = await (await new Client(server).login(s.login.teacher1)).socket()
    const vp = await (await new Client(server).login(s.login.vp)).socket()
    const toTeacher = nextEvent(teacher, 'day:changed')
    const toVp = nextEvent(vp, 'day:changed')
    const [reason] = await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} and label = '発熱'`
    const guardian = await new Client(server).login(s.login.suzuki)
    const res = await guardian.post('/api/guardian/reports', {
      idempotencyKey: 'health-notes-0001', pupilIds: [s.pupils.taro], kind: 'absent', fromDate: '2026-11-30', toDate: '2026-11-30',
      reasonId: reason!.id, symptoms: ['せき'], temperature: 38.5, message: '熱があります',
    })
    expect(res.status).toBe(201)
    expect((await toTeacher).changes[0]!.entry!.reports[0]).toMatchObject({ symptoms: ['せき'], temperature: 38.5, message: '熱があります' })
    expect((await toVp).changes[0]!.entry!.reports[0]).toMatchObject({ symptoms: null, temperature: null, message: '熱があります' })

    const vpSnap = await vp.emitWithAck('day:snapshot', {})
    const teacherSnap = await teacher.emitWithAck('day:snapshot', {})
    if (!vpSnap.ok || !teacherSnap.ok) throw new Error('snapshot refused')
    expect(vpSnap.snapshot.entries.find((e) => e.pupilId === s.pupils.taro)!.reports[0]).toMatchObject({ symptoms: null, temperature: null })
    expect(teacherSnap.snapshot.entries.find((e) => e.pupilId === s.pupils.taro)!.reports[0]).toMatchObject({ symptoms: ['せき'], temperature: 38.5 })
    teacher.disconnect()
    vp.disconnect()
  })
})
