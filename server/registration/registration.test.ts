import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { Client, startTestServer, type TestServer } from '../test/server.js'

let db: Database
let server: TestServer
let s: SmallSchool
let other: SmallSchool
let admin: Client

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'reg')
  other = await smallSchool(db.sql, 'oreg')
  // The test's phones differ by X-Forwarded-For, as behind the school's reverse proxy.
  server = await startTestServer(db, undefined, {}, { trustProxy: ['loopback'] }) // Monday 2026-11-30 07:45 JST
  admin = await new Client(server).login(s.login.admin)
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

/** Each test speaks from its own address, so one test's guessing never blocks another. */
let ipN = 0
const phone = () => new ClientFrom(server, `10.0.0.${++ipN}`)
class ClientFrom extends Client {
  constructor(server: { url: string }, readonly ip: string) {
    super(server)
  }
  override request(method: string, path: string, body?: unknown) {
    return super.request(method, path, body, { 'x-forwarded-for': this.ip })
  }
}

async function letterFor(pupilId: number, client = admin): Promise<string> {
  const res = await client.post('/api/admin/registration/letters', { pupilIds: [pupilId] })
  expect(res.status).toBe(200)
  return res.body.letters[0].code
}

const registration = (code: string, loginId: string) => ({ code, familyName: '佐藤', givenName: '良子', loginId, password: 'asagao-pass-1', email: '' })

describe('registration letters', () => {
  it('prints one letter per pupil of a class with a readable code, the same codes when printed again', async () => {
    const first = await admin.post('/api/admin/registration/letters', { classId: s.classes.c1 })
    expect(first.body).toMatchObject({ schoolName: 'reg小学校', registerPath: '/join/' })
    expect(first.body.letters.map((l: { pupilName: string }) => l.pupilName)).toEqual(['鈴木 太郎', '田中 花子'])
    expect(first.body.letters[0]).toMatchObject({ classLabel: '1年1組', number: 1, code: expect.stringMatching(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/) })
    expect(first.body.letters[0].expiresAt).toBe('2026-12-30T14:59:59.999Z') // end of the 30th day, school time
    const again = await admin.post('/api/admin/registration/letters', { classId: s.classes.c1 })
    expect(again.body.letters.map((l: { code: string }) => l.code)).toEqual(first.body.letters.map((l: { code: string }) => l.code))
    // Only the unregistered: 佐藤 三郎 has no guardian in the fixture.
    const only = await admin.post('/api/admin/registration/letters', { onlyUnregistered: true })
    expect(only.body.letters.map((l: { pupilName: string }) => l.pupilName)).toEqual(['佐藤 三郎'])
  })

  it('refuses a class or pupil of another school', async () => {
    expect((await admin.post('/api/admin/registration/letters', { classId: other.classes.c1 })).body.error.code).toBe('CLASS_NOT_FOUND')
    expect((await admin.post('/api/admin/registration/letters', { pupilIds: [other.pupils.other] })).body.error.code).toBe('PUPIL_NOT_FOUND')
    expect((await admin.post(`/api/admin/registration/pupils/${other.pupils.other}/reissue`)).body.error.code).toBe('PUPIL_NOT_FOUND')
    const otherAdmin = await new Client(server).login(other.login.admin)
    const code = await letterFor(other.pupils.other, otherAdmin)
    const [row] = await db.sql<{ id: number }[]>`select id from registration_code where pupil_id = ${other.pupils.other}`
    expect((await admin.post(`/api/admin/registration/codes/${row!.id}/revoke`)).status).toBe(404)
    expect((await admin.get(`/api/admin/registration/pupils/${other.pupils.other}/guardians`)).status).toBe(404)
    // The other school's code still works: nothing was revoked.
    expect((await phone().post('/api/registration/check', { code })).body).toMatchObject({ ok: true, schoolName: 'oreg小学校' })
  })
})

describe('a guardian registers with the letter', () => {
  it('checks the code, registers, is logged in, and the dashboard counts the pupil', async () => {
    const before = await admin.get('/api/admin/registration/dashboard')
    expect(before.body.total).toEqual({ pupils: 4, registered: 3 })
    expect(before.body.unregistered.map((p: { name: string }) => p.name)).toEqual(['佐藤 三郎'])
    const code = await letterFor(s.pupils.other)
    const g = phone()
    // Typed by hand: lower case, spaces, full-width characters still work.
    const typed = code.toLowerCase().replace(/-/g, ' ').replace('2', '２')
    expect((await g.post('/api/registration/check', { code: typed })).body).toEqual({ ok: true, schoolName: 'reg小学校', pupilName: '佐藤 三郎', classLabel: '2年1組' })
    const res = await g.post('/api/registration', registration(typed, 'sato.yoshiko@example.jp'))
    expect(res.status).toBe(201)
    const home = await g.get('/api/guardian/home')
    expect(home.status).toBe(200)
    expect(JSON.stringify(home.body)).toContain('佐藤 三郎')
    const after = await admin.get('/api/admin/registration/dashboard')
    expect(after.body.total).toEqual({ pupils: 4, registered: 4 })
    expect(after.body.classes).toEqual([
      { classId: s.classes.c1, classLabel: '1年1組', pupils: 2, registered: 2 },
      { classId: s.classes.c2, classLabel: '2年1組', pupils: 2, registered: 2 },
    ])
    // The same code again: used.
    expect((await phone().post('/api/registration', registration(code, 'someone-else'))).body.error.code).toBe('CODE_USED')
    // And the account logs in with its password.
    await new Client(server).login('sato.yoshiko@example.jp', 'asagao-pass-1')
  })

  it('lets a second guardian register for the same pupil with another code, and a guardian add a sibling', async () => {
    const father = phone()
    expect((await father.post('/api/registration', registration(await letterFor(s.pupils.hanako), 'tanaka-father'))).status).toBe(201)
    const links = await admin.get(`/api/admin/registration/pupils/${s.pupils.hanako}/guardians`)
    expect(links.body.guardians.map((g: { name: string }) => g.name)).toEqual(['田中 健', '佐藤 良子'])
    const sibling = await father.post('/api/registration/add-child', { code: await letterFor(s.pupils.other) })
    expect(sibling.body).toEqual({ ok: true, pupilName: '佐藤 三郎', classLabel: '2年1組', schoolName: 'reg小学校' })
    // Already linked: refused, and the code stays usable.
    const code = await letterFor(s.pupils.hanako)
    expect((await father.post('/api/registration/add-child', { code })).body.error.code).toBe('ALREADY_LINKED')
    expect((await phone().post('/api/registration/check', { code })).status).toBe(200)
    // Staff and boards cannot add children.
    expect((await admin.post('/api/registration/add-child', { code })).status).toBe(403)
  })

  it('refuses a login id that is taken, by a guardian or by staff, writing nothing', async () => {
    const code = await letterFor(s.pupils.jiro)
    const count = async () => (await db.sql`select id from guardian`).length
    const n = await count()
    expect((await phone().post('/api/registration', registration(code, s.login.admin.toUpperCase()))).body.error.code).toBe('LOGIN_ID_TAKEN')
    expect((await phone().post('/api/registration', registration(code, s.login.suzuki))).body.error.code).toBe('LOGIN_ID_TAKEN')
    expect((await phone().post('/api/registration', { ...registration(code, 'ok-id'), password: 'short' })).status).toBe(400)
    expect(await count()).toBe(n)
    expect((await phone().post('/api/registration/check', { code })).status).toBe(200)
  })

  it('tells expired, revoked and unknown codes apart', async () => {
    const expired = await letterFor(s.pupils.taro)
    await db.sql`update registration_code set expires_at = '2026-11-29T00:00:00Z' where code = ${expired.replace(/-/g, '')}`
    expect((await phone().post('/api/registration/check', { code: expired })).body.error).toMatchObject({ code: 'CODE_EXPIRED', message: expect.stringContaining('有効期限') })
    const fresh = await admin.post(`/api/admin/registration/pupils/${s.pupils.taro}/reissue`)
    const code = fresh.body.letters[0].code
    expect(code).not.toBe(expired)
    const [row] = await db.sql<{ id: number }[]>`select id from registration_code where code = ${code.replace(/-/g, '')}`
    expect((await admin.post(`/api/admin/registration/codes/${row!.id}/revoke`)).status).toBe(200)
    expect((await phone().post('/api/registration/check', { code })).body.error.code).toBe('CODE_REVOKED')
    expect((await phone().post('/api/registration/check', { code: 'AAAA-BBBB-CCCC' })).body.error.code).toBe('CODE_INVALID')
  })

  it('rate-limits guessing per address, even for a right code afterwards', async () => {
    const code = await letterFor(s.pupils.jiro)
    const guesser = phone()
    for (let i = 0; i < 20; i++) expect((await guesser.post('/api/registration/check', { code: `ZZZZ-ZZZZ-ZZ${String(i).padStart(2, '2')}` })).body.error.code).toBe('CODE_INVALID')
    expect((await guesser.post('/api/registration/check', { code })).body.error.code).toBe('RATE_LIMITED')
    expect((await guesser.post('/api/registration', registration(code, 'guesser'))).status).toBe(429)
    expect((await phone().post('/api/registration/check', { code })).status).toBe(200)
  })

  it('lets the admin unlink a guardian', async () => {
    const [g] = await db.sql<{ id: number }[]>`select id from guardian where login_id = 'tanaka-father'`
    expect((await admin.post(`/api/admin/registration/pupils/${s.pupils.hanako}/guardians/${g!.id}/unlink`)).status).toBe(200)
    const links = await admin.get(`/api/admin/registration/pupils/${s.pupils.hanako}/guardians`)
    expect(links.body.guardians.map((x: { name: string }) => x.name)).toEqual(['田中 健'])
    expect((await admin.post(`/api/admin/registration/pupils/${s.pupils.hanako}/guardians/${g!.id}/unlink`)).status).toBe(404)
  })
})
