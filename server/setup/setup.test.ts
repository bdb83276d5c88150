import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD_RULE, type CalendarYear, type CitySchools } from '../../shared/protocol/index.js'
import type { Database } from '../db/types.js'
import { changedTables, tableChecksums } from '../test/checksums.js'
import { testDatabase } from '../test/db.js'
import { Client, startTestServer, type TestServer } from '../test/server.js'
import { runAdminCommand } from './adminCommands.js'
import { issueSetupLink } from './setupLink.js'

/**
 * The first start without the demo: the one-time setup link, the form's checks, the admin
 * command and a city administrator's reach. One database for the file: setup happens once.
 */

let db: Database
let server: TestServer
const STRONG = 'asagao-kanri-2026'

beforeAll(async () => {
  db = await testDatabase()
  server = await startTestServer(db) // Monday 2026-11-30 07:45 JST
}, 60_000)
afterAll(async () => {
  await server?.close()
  await db?.close()
})

const form = (token: string, over: { admin?: Record<string, unknown>; school?: Record<string, unknown> } = {}) => ({
  token,
  organisation: { kind: 'municipality', name: '夕顔市' },
  school: { name: '夕顔市立第一小学校', schoolCode: 'B113210000017', fiscalYear: 2026, calendarTemplate: 'standard', ...over.school },
  admin: { familyName: '山田', givenName: '花子', loginId: 'yamada-admin', password: STRONG, ...over.admin },
})

/** Runs the admin command against the test database, collecting what it prints. */
async function admin(args: string[], env: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const code = await runAdminCommand(args, { sql: db.sql, clock: server.clock, env, out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('the setup link', () => {
  it('is refused when guessed, expired or replaced, and nothing is created', async () => {
    const anon = new Client(server)
    const before = await tableChecksums(db.sql)
    const guessed = await anon.post('/api/setup', form('A'.repeat(43)))
    expect([guessed.status, guessed.body.error.code]).toEqual([404, 'SETUP_LINK_INVALID'])
    expect((await anon.post('/api/setup', form('not-a-token'))).body.error.code).toBe('BAD_REQUEST')

    const old = await issueSetupLink(db.sql, server.clock.now() - 25 * 3_600_000)
    const expired = await anon.post('/api/setup/check', { token: old.token })
    expect([expired.status, expired.body.error.code]).toEqual([410, 'SETUP_LINK_EXPIRED'])
    expect((await anon.post('/api/setup', form(old.token))).body.error.code).toBe('SETUP_LINK_EXPIRED')

    const first = await issueSetupLink(db.sql, server.clock.now())
    await issueSetupLink(db.sql, server.clock.now())
    // Only the link printed last works.
    expect((await anon.post('/api/setup/check', { token: first.token })).body.error.code).toBe('SETUP_LINK_INVALID')
    const after = await tableChecksums(db.sql)
    expect(changedTables(before, after).filter((t) => t !== 'setup_token' && t !== 'throttle')).toEqual([])
    expect((await db.sql`select count(*)::int as n from school`)[0]!.n).toBe(0)
  })

  it('refuses a weak password with the rule, and a bad 学校コード, creating nothing', async () => {
    const link = await issueSetupLink(db.sql, server.clock.now())
    const anon = new Client(server)
    expect((await anon.post('/api/setup/check', { token: link.token })).body).toMatchObject({ ok: true, suggestedFiscalYear: 2026 })
    for (const password of ['short1', 'onlyletterslong', '123456789012345', 'パスワードパスワード12']) {
      const weak = await anon.post('/api/setup', form(link.token, { admin: { password } }))
      expect(weak.status, password).toBe(400)
      expect(weak.body.error.fields['admin.password'], password).toBe(ADMIN_PASSWORD_RULE.ja)
    }
    const sameAsLogin = await anon.post('/api/setup', form(link.token, { admin: { loginId: 'kanri-2026-abc', password: 'KANRI-2026-abc' } }))
    expect(sameAsLogin.body.error.fields['admin.password']).toBe(ADMIN_PASSWORD_RULE.ja)
    const badCode = await anon.post('/api/setup', form(link.token, { school: { schoolCode: '12345' } }))
    expect(badCode.body.error.fields['school.schoolCode']).toMatch(/学校コード/)
    const noName = await anon.post('/api/setup', form(link.token, { school: { name: '  ' } }))
    expect(noName.body.error.fields['school.name']).toBe('学校名を入力してください')
    expect((await db.sql`select count(*)::int as n from organisation`)[0]!.n).toBe(0)
  })

  it('creates the organisation, the school with its calendar and the administrator once; the link is then dead', async () => {
    const link = await issueSetupLink(db.sql, server.clock.now())
    const anon = new Client(server)
    const done = await anon.post('/api/setup', form(link.token))
    expect(done.status).toBe(201)
    expect(done.body).toMatchObject({ ok: true, loginId: 'yamada-admin' })

    const before = await tableChecksums(db.sql)
    const again = await anon.post('/api/setup', form(link.token, { school: { name: '二つ目の小学校', schoolCode: '' }, admin: { loginId: 'second-admin' } }))
    expect([again.status, again.body.error.code]).toEqual([410, 'SETUP_LINK_USED'])
    // A fresh link after setup (e.g. printed before another server made the school) is refused too.
    const late = await issueSetupLink(db.sql, server.clock.now())
    expect((await anon.post('/api/setup', form(late.token, { admin: { loginId: 'third-admin' } }))).body.error.code).toBe('SETUP_DONE')
    expect(changedTables(before, await tableChecksums(db.sql)).filter((t) => t !== 'setup_token' && t !== 'throttle')).toEqual([])

    const [school] = await db.sql<{ id: number; name: string; schoolCode: string; organisation: string }[]>`
      select s.id, s.name, s.school_code, o.name as organisation from school s join organisation o on o.id = s.organisation_id`
    expect(school).toMatchObject({ name: '夕顔市立第一小学校', schoolCode: 'B113210000017', organisation: '夕顔市' })

    const yamada = await new Client(server).login('yamada-admin', STRONG)
    const me = (await yamada.get('/api/session')).body.me
    expect(me).toMatchObject({ kind: 'staff', schoolName: '夕顔市立第一小学校', roles: ['admin'] })
    // The calendar is a real one from day one: winter break, summer break, no lessons on 12/28.
    const cal = (await yamada.get('/api/calendar?fiscalYear=2026')).body as CalendarYear
    const label = (date: string) => cal.days.find((d) => d.date === date)?.label
    expect([label('2026-04-03'), label('2026-08-10'), label('2026-12-28'), label('2027-03-26')]).toEqual(['春休み', '夏休み', '冬休み', '学年末休業'])
    expect(label('2026-09-01')).toBeUndefined()
    expect(cal.holidays.map((h) => h.date)).toContain('2026-11-23')
    expect(cal.schoolDayCount).toBeGreaterThanOrEqual(195)
    expect(cal.schoolDayCount).toBeLessThanOrEqual(210)
    // Editable afterwards like any closed day: the school moves its summer break's end.
    expect((await yamada.post('/api/calendar/days', { from: '2026-08-27', to: '2026-08-31', kind: 'clear', label: '' })).status).toBe(200)
    expect(((await yamada.get('/api/calendar?fiscalYear=2026')).body as CalendarYear).schoolDayCount).toBe(cal.schoolDayCount + 3)
  })

  it('gives a new school year the chosen template', async () => {
    const yamada = await new Client(server).login('yamada-admin', STRONG)
    expect((await yamada.post('/api/admin/years', { fiscalYear: 2027, calendarTemplate: 'cold_region' })).status).toBe(201)
    const cal = (await yamada.get('/api/calendar?fiscalYear=2027')).body as CalendarYear
    expect(cal.days.find((d) => d.date === '2028-01-14')?.label).toBe('冬休み')
    expect(cal.days.find((d) => d.date === '2027-08-20')).toBeUndefined()
    expect((await yamada.post('/api/admin/years', { fiscalYear: 2028, calendarTemplate: 'summer' })).status).toBe(400)
  })
})

describe('the admin command', () => {
  it('checks its arguments and says what to fix, in Japanese and English', async () => {
    const none = await admin([])
    expect(none.code).toBe(2)
    expect(none.err).toMatch(/使い方 \/ Usage/)
    expect((await admin(['frobnicate'])).err).toMatch(/unknown command: frobnicate/)
    expect((await admin(['list-schools', '--colour'])).code).toBe(2)
    const bad = await admin(['create-school', '--organisation-id', '1', '--name', '', '--code', 'X1', '--login', 'a', '--family', '佐藤', '--given', '一郎'], { ASAGAO_ADMIN_PASSWORD: 'weakpass' })
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/ASAGAO_ADMIN_PASSWORD: 12文字以上/)
    const fields = await admin(['create-school', '--organisation-id', '1', '--name', '', '--code', 'X1', '--login', 'a', '--family', '佐藤', '--given', '一郎'])
    expect(fields.err).toContain('--name: 学校名を入力してください')
    expect(fields.err).toMatch(/--code: 学校コードは/)
    expect(fields.err).toMatch(/--login: ログインIDは3文字以上/)
    expect((await admin(['create-school', '--organisation-id', 'abc'])).err).toMatch(/--organisation-id must be a number/)
    expect((await admin(['create-admin', '--school', '999', '--login', 'nobody-admin', '--family', '佐藤', '--given', '一郎'])).err).toMatch(/no school 999/)
    expect((await admin(['reset-admin', '--login', 'no-such-admin'])).code).toBe(2)
  })

  it('creates a school in an organisation, administrators, and resets a password', async () => {
    const [org] = await db.sql<{ id: number }[]>`select id from organisation where name = '夕顔市'`
    const made = await admin(['create-school', '--organisation-id', String(org!.id), '--name', '夕顔市立第二小学校', '--year', '2026', '--login', 'sato-admin', '--family', '佐藤', '--given', '一郎'])
    expect(made.code, made.err).toBe(0)
    const generated = /password for sato-admin: (\S+)/.exec(made.out)![1]!
    await new Client(server).login('sato-admin', generated)

    const taken = await admin(['create-school', '--organisation-id', String(org!.id), '--name', '三つ目の学校', '--login', 'sato-admin', '--family', '佐藤', '--given', '二郎'], { ASAGAO_ADMIN_PASSWORD: STRONG })
    expect([taken.code, taken.err]).toEqual([1, expect.stringMatching(/ログインIDはすでに使われています/)])
    expect((await db.sql`select count(*)::int as n from school where name = '三つ目の学校'`)[0]!.n).toBe(0)

    const city = await admin(['create-admin', '--organisation-id', String(org!.id), '--login', 'city-yugao', '--family', '教育', '--given', '委員'], { ASAGAO_ADMIN_PASSWORD: STRONG })
    expect(city.code, city.err).toBe(0)
    expect(city.out).not.toContain(STRONG)

    const list = await admin(['list-schools'])
    expect(list.out).toMatch(/設置者 \d+: 夕顔市 \(municipality\)/)
    expect(list.out).toMatch(/夕顔市立第一小学校 \[B113210000017\] — 管理者 1名/)
    expect(list.out).toMatch(/夕顔市立第二小学校/)

    const signedIn = await new Client(server).login('sato-admin', generated)
    const reset = await admin(['reset-admin', '--login', 'SATO-ADMIN'], { ASAGAO_ADMIN_PASSWORD: 'another-strong-pass-9' })
    expect(reset.code, reset.err).toBe(0)
    // Both logins of sato-admin above are ended.
    expect(reset.out).toMatch(/\(2 sessions ended\)/)
    expect((await signedIn.get('/api/session')).status).toBe(401)
    await new Client(server).login('sato-admin', 'another-strong-pass-9')
  })
})

describe('a city administrator', () => {
  it('sees every school of the organisation and only those, and adds schools with their first administrator', async () => {
    // Another city, with a school and an administrator of its own.
    await admin(['create-school', '--organisation', '朝霧町', '--kind', 'municipality', '--name', '朝霧町立小学校', '--login', 'asagiri-admin', '--family', '高橋', '--given', '三郎'], { ASAGAO_ADMIN_PASSWORD: STRONG })
    const [asagiri] = await db.sql<{ id: number }[]>`select id from organisation where name = '朝霧町'`
    await admin(['create-admin', '--organisation-id', String(asagiri!.id), '--login', 'city-asagiri', '--family', '町', '--given', '教委'], { ASAGAO_ADMIN_PASSWORD: STRONG })

    const city = await new Client(server).login('city-yugao', STRONG)
    expect((await city.get('/api/session')).body.me).toMatchObject({ kind: 'city', organisationName: '夕顔市' })
    const list = (await city.get('/api/city/schools')).body as CitySchools
    expect(list.organisation.name).toBe('夕顔市')
    expect(list.schools.map((s) => s.name)).toEqual(['夕顔市立第一小学校', '夕顔市立第二小学校'])

    const created = await city.post('/api/city/schools', {
      school: { name: '夕顔市立中学校', schoolCode: 'C113210000010', fiscalYear: 2026, calendarTemplate: 'holidays_only' },
      admin: { familyName: '中島', givenName: '誠', loginId: 'nakajima-admin', password: STRONG },
    })
    expect(created.status).toBe(201)
    const nakajima = await new Client(server).login('nakajima-admin', STRONG)
    expect((await nakajima.get('/api/session')).body.me).toMatchObject({ kind: 'staff', schoolId: created.body.id, schoolName: '夕顔市立中学校' })
    expect(((await nakajima.get('/api/calendar')).body as CalendarYear).days).toEqual([])
    expect(((await city.get('/api/city/schools')).body as CitySchools).schools).toHaveLength(3)

    const dupCode = await city.post('/api/city/schools', {
      school: { name: '別の中学校', schoolCode: 'C113210000010', fiscalYear: 2026, calendarTemplate: 'standard' },
      admin: { familyName: '中島', givenName: '誠', loginId: 'someone-new', password: STRONG },
    })
    expect([dupCode.status, dupCode.body.error.code]).toEqual([409, 'SCHOOL_CODE_TAKEN'])
    expect((await db.sql`select count(*)::int as n from staff where login_id = 'someone-new'`)[0]!.n).toBe(0)

    const other = await new Client(server).login('city-asagiri', STRONG)
    expect(((await other.get('/api/city/schools')).body as CitySchools).schools.map((s) => s.name)).toEqual(['朝霧町立小学校'])
  })

  it('reaches no school page, and school administrators reach no city route', async () => {
    const city = await new Client(server).login('city-yugao', STRONG)
    for (const path of ['/api/admin/staff', '/api/calendar', '/api/register/classes', '/api/office/notices', '/api/guardian/home']) {
      expect((await city.get(path)).status, path).toBe(403)
    }
    const socket = await city.socket()
    const ack = (await socket.emitWithAck('day:snapshot', {})) as { ok: boolean; error?: { code: string } }
    expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    socket.disconnect()
    const yamada = await new Client(server).login('yamada-admin', STRONG)
    expect((await yamada.get('/api/city/schools')).status).toBe(403)
    const attempt = await yamada.post('/api/city/schools', {
      school: { name: '乗っ取り小学校', schoolCode: '', fiscalYear: 2026, calendarTemplate: 'standard' },
      admin: { familyName: '乗', givenName: '取', loginId: 'takeover-admin', password: STRONG },
    })
    expect(attempt.status).toBe(403)
    expect((await db.sql`select count(*)::int as n from school where name = '乗っ取り小学校'`)[0]!.n).toBe(0)
  })
})
