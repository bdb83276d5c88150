import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { Client, startTestServer, type TestServer } from '../test/server.js'

/** Without SMTP, the embedded demo keeps the mail for administrators to read. */
let db: Database
let server: TestServer
let s: SmallSchool

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'cap')
  await db.sql`update guardian set email = 'akemi@example.jp' where id = ${s.guardians.suzuki}`
  server = await startTestServer(db, '2026-11-30T08:40:00+09:00', { mail: { mode: 'capture', publicUrl: null } })
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

describe('captured mail', () => {
  it('keeps the e-mail instead of sending it, readable by an administrator only', async () => {
    const teacher = await (await new Client(server).login(s.login.teacher1)).socket()
    await teacher.emitWithAck('pupil:mark', { pupilId: s.pupils.taro, mark: 'not_arrived' })
    teacher.disconnect()
    const vp = await new Client(server).login(s.login.vp)
    expect((await vp.post('/api/office/notices', { pupilIds: 'all' })).body.sent).toEqual([s.pupils.taro])

    const res = await vp.get('/api/office/captured-mail')
    expect(res.body.mail).toEqual([expect.objectContaining({ recipient: 'akemi@example.jp', subject: '【cap小学校】鈴木 太郎さんがまだ登校していません', status: 'captured' })])
    expect(res.body.mail[0].body).toContain('/guardian/?notice=')

    const teacherHttp = await new Client(server).login(s.login.teacher1)
    expect((await teacherHttp.get('/api/office/captured-mail')).body.error.code).toBe('FORBIDDEN')
    const [pending] = await db.sql<{ n: number }[]>`select count(*)::int as n from outbox where status = 'pending'`
    expect(pending!.n).toBe(0) // nothing waits for a worker that does not run
  })

  it('puts a family that says the child left for school on the call list at once, and keeps the pupil 未登校', async () => {
    const teacher = await (await new Client(server).login(s.login.teacher1)).socket()
    await teacher.emitWithAck('pupil:mark', { pupilId: s.pupils.hanako, mark: 'not_arrived' })
    const vp = await new Client(server).login(s.login.vp)
    expect((await vp.post('/api/office/notices', { pupilIds: [s.pupils.hanako] })).body.sent).toEqual([s.pupils.hanako])
    const before = (await vp.get('/api/office/notices')).body.notices.find((n: { pupilId: number }) => n.pupilId === s.pupils.hanako)
    expect(before.toCall).toBe(false)

    const tanaka = await new Client(server).login(s.login.tanaka)
    const notice = (await tanaka.get('/api/guardian/notices')).body.notices[0]
    const other = await tanaka.post(`/api/guardian/notices/${notice.id}/answer`, { answer: 'absent', reasonId: 2_000_000 })
    expect(other.body.error.code).toBe('REASON_NOT_FOUND')
    expect((await tanaka.post(`/api/guardian/notices/${notice.id}/answer`, { answer: 'should_be_at_school', message: '7時50分に家を出ました' })).body).toEqual({ ok: true })

    const after = (await vp.get('/api/office/notices')).body.notices.find((n: { pupilId: number }) => n.pupilId === s.pupils.hanako)
    expect(after).toMatchObject({ answer: 'should_be_at_school', answerMessage: '7時50分に家を出ました', toCall: true })
    const snap = await teacher.emitWithAck('day:snapshot', {})
    if (!snap.ok) throw new Error(snap.error.code)
    expect(snap.snapshot.entries.find((e) => e.pupilId === s.pupils.hanako)!.status).toBe('not_arrived')
    // 登校しているはずです is not a mark: the history shows the teacher's 未登校 only.
    const hist = await teacher.emitWithAck('pupil:history', { pupilId: s.pupils.hanako })
    if (!hist.ok) throw new Error(hist.error.code)
    expect(hist.history.items.map((i) => i.type === 'mark' && i.codeLabel)).toEqual(['未登校'])
    teacher.disconnect()
  })
})
