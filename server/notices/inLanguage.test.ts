import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { reportThreads } from '../day/reportThreads.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { Client, startTestServer, type TestServer } from '../test/server.js'

let db: Database
let server: TestServer
let s: SmallSchool
let suzuki: Client
let tanaka: Client

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'lng')
  await db.sql`update guardian set email = 'akemi@example.jp' where id = ${s.guardians.suzuki}`
  await db.sql`update guardian set email = 'ken@example.jp' where id = ${s.guardians.tanaka}`
  server = await startTestServer(db, '2026-11-30T08:32:00+09:00', { mail: { mode: 'capture', publicUrl: 'https://asagao.example.jp' } })
  suzuki = await new Client(server).login(s.login.suzuki)
  tanaka = await new Client(server).login(s.login.tanaka)
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

const mailTo = async (recipient: string) =>
  (await db.sql<{ subject: string; body: string }[]>`select subject, body from outbox where channel = 'email' and recipient = ${recipient}`)[0]!

describe("a guardian's language", () => {
  it('is not chosen until the guardian chooses one, then remembered on the account', async () => {
    expect((await suzuki.get('/api/session')).body.me).toMatchObject({ kind: 'guardian', language: null })
    expect((await suzuki.request('PUT', '/api/guardian/settings/language', { language: 'en' })).status).toBe(200)
    expect((await suzuki.get('/api/session')).body.me.language).toBe('en')
    // Another login (another phone) finds the same choice.
    expect((await (await new Client(server).login(s.login.suzuki)).get('/api/session')).body.me.language).toBe('en')
  })

  it('refuses a language the page does not offer, with the field named', async () => {
    const res = await tanaka.request('PUT', '/api/guardian/settings/language', { language: 'de' })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('BAD_REQUEST')
    expect((await tanaka.get('/api/session')).body.me.language).toBe(null)
  })

  it('is for guardians only', async () => {
    const vp = await new Client(server).login(s.login.vp)
    expect((await vp.request('PUT', '/api/guardian/settings/language', { language: 'en' })).status).toBe(403)
    expect((await new Client(server).request('PUT', '/api/guardian/settings/language', { language: 'en' })).status).toBe(401)
  })

  it('is recorded with each report, for the label beside its free text', async () => {
    const [reason] = await db.sql<{ id: number; label: string }[]>`select id, label from school_reason where school_id = ${s.schoolId} order by sort_order limit 1`
    const res = await suzuki.post('/api/guardian/reports', {
      idempotencyKey: 'language-report-0001', pupilIds: [s.pupils.jiro], kind: 'absent', fromDate: '2026-12-01', toDate: '2026-12-01',
      reasonId: reason!.id, symptoms: [], temperature: null, message: 'He has a cold.',
    })
    expect(res.status).toBe(201)
    const [row] = await db.sql<{ language: string | null }[]>`select language from guardian_report where message = 'He has a cold.'`
    expect(row!.language).toBe('en')
    // Staff read the structured parts in Japanese and the free text as written, labelled with its language.
    const [report] = (await reportThreads(db.sql, s.schoolId, '2026-12-01', [s.pupils.jiro])).get(s.pupils.jiro)!
    expect(report).toMatchObject({ message: 'He has a cold.', messageLanguage: 'en', reasonLabel: reason!.label })
    expect(reason!.label).toMatch(/[ぁ-んァ-ン一-龥]/)
  })

  it("is the language of the not-arrived notice each guardian receives, with the school's Japanese below", async () => {
    const teacher = await (await new Client(server).login(s.login.teacher1)).socket()
    await teacher.emitWithAck('pupil:mark', { pupilId: s.pupils.taro, mark: 'not_arrived' })
    await teacher.emitWithAck('pupil:mark', { pupilId: s.pupils.hanako, mark: 'not_arrived' })
    teacher.disconnect()
    const office = await new Client(server).login(s.login.vp)
    expect((await office.post('/api/office/notices', { pupilIds: 'all' })).body.sent).toHaveLength(2)

    const english = await mailTo('akemi@example.jp')
    expect(english.subject).toMatch(/has not arrived at school$/)
    expect(english.body).toContain('Mon, Nov 30')
    expect(english.body).toMatch(/Please let us know on this page: https:\/\/asagao\.example\.jp\/guardian\/\?notice=\d+/)
    expect(english.body).toContain('The school’s message in Japanese:')
    expect(english.body).toMatch(/[ぁ-ん]/)

    // A guardian who never chose a language gets the school's own Japanese template.
    const japanese = await mailTo('ken@example.jp')
    expect(japanese.body).not.toContain('Please let us know')
    expect(japanese.subject).toMatch(/[ぁ-んァ-ン一-龥]/)
  })
})
