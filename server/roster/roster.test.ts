import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { createSchool, createSchoolYear, createStaff, createGuardian, linkGuardian } from '../data/schoolSetup.js'
import { hashPassword } from '../auth/password.js'
import { testDatabase } from '../test/db.js'
import { PASSWORD } from '../test/fixtures.js'
import { Client, startTestServer, type TestServer } from '../test/server.js'
import { fixture, postBytes } from '../test/upload.js'
import { decodeRoster } from './decode.js'
import { parseRoster } from './parse.js'

let db: Database
let server: TestServer
let schoolId: number
let admin: Client

beforeAll(async () => {
  db = await testDatabase()
  schoolId = await createSchool(db.sql, { name: '朝顔小学校' })
  await createSchoolYear(db.sql, schoolId, 2026)
  await createStaff(db.sql, { schoolId, loginId: 'roster-admin', passwordHash: await hashPassword(PASSWORD), familyName: '管理', givenName: '者', roles: ['admin'] })
  server = await startTestServer(db) // 2026-11-30 07:45 JST
  admin = await new Client(server).login('roster-admin')
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

const preview = (file: string | Buffer, query = '') => postBytes(admin, `/api/admin/roster/preview${query}`, typeof file === 'string' ? fixture(file) : file)
const apply = (file: string | Buffer, query = '') => postBytes(admin, `/api/admin/roster/apply${query}`, typeof file === 'string' ? fixture(file) : file)

/** Everything an import may touch, to prove that a refused or repeated import wrote nothing. */
async function snapshot(): Promise<string> {
  const pupils = await db.sql`select id, family_name, given_name, family_kana, given_kana, guardian_name, external_id, enrolled_on::text, left_on::text, left_reason from pupil where school_id = ${schoolId} order by id`
  const members = await db.sql`select school_year_id, pupil_id, class_id, attendance_number from class_membership where school_id = ${schoolId} order by school_year_id, pupil_id`
  const classes = await db.sql`select id, school_year_id, grade, name from school_class where school_id = ${schoolId} order by id`
  return JSON.stringify({ pupils, members, classes })
}

describe('reading roster files', () => {
  const files = ['roster-utf8-bom-crlf.csv', 'roster-utf8-lf.csv', 'roster-sjis-crlf.csv', 'roster-sjis-lf.csv']
  it('reads UTF-8 with and without BOM and Shift_JIS (CP932) with CRLF or LF to the same rows, 髙 and 﨑 included', () => {
    const parsed = files.map((f) => {
      const d = decodeRoster(fixture(f))
      expect(d.badLines).toEqual([])
      return { encoding: d.encoding, ...parseRoster(d.text, null, null, d.badLines) }
    })
    expect(parsed.map((p) => p.encoding)).toEqual(['utf-8', 'utf-8', 'shift_jis', 'shift_jis'])
    for (const p of parsed) {
      expect(p.problems).toEqual([])
      expect(p.rows.map(({ line: _l, ...r }) => r)).toEqual(parsed[0]!.rows.map(({ line: _l, ...r }) => r))
    }
    const rows = parsed[2]!.rows
    expect(rows).toHaveLength(9)
    expect(rows[0]).toMatchObject({ familyName: '髙橋', givenName: '一郎', guardianName: '髙橋 恵子', grade: 1, className: '1組', number: 1 })
    expect(rows[1]).toMatchObject({ familyName: '山﨑', givenName: '花' })
    // Full-width digits and a full-width space.
    expect(rows[2]).toMatchObject({ grade: 1, className: '1組', number: 3, familyName: '佐藤', givenName: '次郎', familyKana: 'さとう', givenKana: 'じろう' })
  })

  it('lists every problem of a broken file by line number', () => {
    const d = decodeRoster(fixture('roster-broken.csv'))
    const { problems } = parseRoster(d.text, null, null, d.badLines)
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7])
    expect(problems[0]!.message).toBe('氏名がありません')
    expect(problems[1]!.message).toContain('出席番号1が2行目と重複')
    expect(problems[2]!.message).toContain('学年「い」')
    expect(problems[3]!.message).toContain('空白')
    expect(problems[4]!.message).toContain('引用符')
  })

  it('reports lines with bytes that are not text', () => {
    const d = decodeRoster(fixture('roster-bad-bytes.csv'))
    expect(d.badLines).toEqual([3])
  })
})

describe('importing a roster', () => {
  it('refuses classes that do not exist unless asked to create them, writing nothing', async () => {
    const before = await snapshot()
    const p = await preview('roster-sjis-crlf.csv')
    expect(p.status).toBe(200)
    expect(p.body.problems).toHaveLength(9)
    expect(p.body.problems[0]).toEqual({ line: 2, message: expect.stringContaining('1年1組は2026年度にありません') })
    const a = await apply('roster-sjis-crlf.csv')
    expect(a.status).toBe(422)
    expect(a.body.error.code).toBe('ROSTER_INVALID')
    expect(Object.keys(a.body.error.fields)[0]).toMatch(/^2行目/)
    expect(await snapshot()).toBe(before)
  })

  it('previews, then applies exactly what was previewed', async () => {
    const p = await preview('roster-sjis-crlf.csv', '?createClasses=1')
    expect(p.body).toMatchObject({ encoding: 'shift_jis', rows: 9, problems: [], unchanged: 0, fiscalYear: 2026 })
    expect(p.body.added).toHaveLength(9)
    expect(p.body.added[0]).toBe('1年1組 1番 髙橋 一郎')
    expect(p.body.newClasses).toEqual(['1年1組', '1年2組', '2年1組', '6年1組'])
    // A stale digest (another file) is refused.
    expect((await apply('roster-sjis-crlf.csv', `?createClasses=1&digest=stale`)).body.error.code).toBe('ROSTER_CHANGED')
    const a = await apply('roster-sjis-crlf.csv', `?createClasses=1&digest=${p.body.digest}`)
    expect(a.body).toEqual({ ok: true, added: 9, moved: 0, updated: 0, unchanged: 0, left: 0, classesCreated: 4 })
    const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from pupil where school_id = ${schoolId} and family_name = '髙橋' and guardian_name = '髙橋 恵子'`
    expect(row!.n).toBe(1)
  })

  it('changes nothing when the same roster is imported again, in any encoding', async () => {
    const before = await snapshot()
    for (const f of ['roster-sjis-crlf.csv', 'roster-utf8-bom-crlf.csv', 'roster-utf8-lf.csv']) {
      const a = await apply(f)
      expect(a.body).toEqual({ ok: true, added: 0, moved: 0, updated: 0, unchanged: 9, left: 0, classesCreated: 0 })
    }
    expect(await snapshot()).toBe(before)
  })

  it('refuses to move a pupil into a class that does not exist, all or nothing', async () => {
    const before = await snapshot()
    const p = await preview('roster-unknown-class.csv')
    expect(p.body.problems).toEqual([{ line: 4, message: expect.stringContaining('1年5組は2026年度にありません') }])
    expect((await apply('roster-unknown-class.csv')).status).toBe(422)
    expect(await snapshot()).toBe(before)
  })

  it('refuses a broken file and writes nothing', async () => {
    const before = await snapshot()
    const a = await apply('roster-broken.csv')
    expect(a.status).toBe(422)
    expect(Object.keys(a.body.error.fields)).toHaveLength(5)
    expect((await apply(Buffer.from(''))).status).toBe(400)
    expect(await snapshot()).toBe(before)
  })

  it('marks a pupil missing from the file as left, never deleting them, when the admin says the file is the whole school', async () => {
    // 6年1組 is missing altogether: the server takes the file for a partial one unless told otherwise.
    const guessed = await preview('roster-missing.csv')
    expect(guessed.body).toMatchObject({ mode: 'partial', suggestedMode: 'partial', leaving: [] })
    const p = await preview('roster-missing.csv', '?mode=full')
    expect(p.body).toMatchObject({ mode: 'full', suggestedMode: 'partial' })
    expect(p.body.leaving).toEqual([
      { name: '渡辺 六花', reason: 'left' },
      { name: '小林 七海', reason: 'left' },
      { name: '加藤 八雲', reason: 'left' },
    ])
    // The digest binds the mode: a preview as partial does not apply as full.
    expect((await apply('roster-missing.csv', `?mode=full&digest=${guessed.body.digest}`)).body.error.code).toBe('ROSTER_CHANGED')
    const a = await apply('roster-missing.csv', `?mode=full&digest=${p.body.digest}`)
    expect(a.body).toMatchObject({ left: 3, unchanged: 6 })
    const rows = await db.sql<{ leftOn: string; leftReason: string; members: number }[]>`
      select p.left_on::text, p.left_reason, (select count(*)::int from class_membership m where m.pupil_id = p.id) as members
      from pupil p where p.family_name = '渡辺'`
    expect(rows).toEqual([{ leftOn: '2026-11-30', leftReason: 'left', members: 1 }])
    // A pupil who left keeps their number this year: the file cannot give it to a newcomer.
    const newcomer = fixture('roster-utf8-lf.csv').toString('utf8').replace('2,1,2,渡辺 六花,わたなべ りっか,渡辺 光', '2,1,2,新井 七瀬,あらい ななせ,')
    const seat = await preview(Buffer.from(newcomer))
    expect(seat.body.problems).toEqual([{ line: 8, message: '出席番号2は、この年度に在籍した渡辺 六花さんの番号です' }])
    expect((await apply(Buffer.from(newcomer))).status).toBe(422)
    // The full file brings them back.
    expect((await apply('roster-utf8-lf.csv')).body).toMatchObject({ updated: 3, left: 0 })
    expect((await db.sql`select 1 from pupil where school_id = ${schoolId} and left_on is not null`).length).toBe(0)
  })

  it('exports the roster as CSV that re-imports without changes', async () => {
    const res = await fetch(`${server.url}/api/admin/roster/export`, { headers: { cookie: admin.cookie, origin: server.url } })
    expect(res.headers.get('content-type')).toContain('text/csv')
    const bytes = Buffer.from(await res.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text).toContain('学年,組,出席番号,氏名,ふりがな,保護者氏名,児童番号\r\n1,1組,1,髙橋 一郎,たかはし いちろう,髙橋 恵子,\r\n')
    expect((await apply(bytes)).body).toMatchObject({ added: 0, moved: 0, updated: 0, unchanged: 9, left: 0 })
  })

  it('asks for columns it cannot guess, and remembers the mapping', async () => {
    const p = await preview('roster-custom-header.csv')
    expect(p.body.headers).toEqual(['年', 'クラス名', '番', '児童名', 'よみ'])
    // 年 is read as the grade; the other columns need the admin.
    expect(p.body.mapping).toMatchObject({ grade: '年' })
    expect(p.body.problems.map((x: { message: string }) => x.message)).toContain('「組」の列を選んでください')
    const mapping = encodeURIComponent(JSON.stringify({ grade: '年', className: 'クラス名', number: '番', name: '児童名', kana: 'よみ' }))
    const mapped = await preview('roster-custom-header.csv', `?mapping=${mapping}`)
    expect(mapped.body.problems).toEqual([])
    // One class of a school with several: taken for a partial file, so nobody would leave.
    expect(mapped.body).toMatchObject({ mode: 'partial', leaving: [] })
    expect((await preview('roster-custom-header.csv', `?mapping=${mapping}&mode=full`)).body.leaving).toHaveLength(7)
    // Earlier applies remembered the mapping they used; a remembered mapping is used next time.
    const [saved] = await db.sql<{ mapping: Record<string, string> }[]>`select mapping from roster_mapping where school_id = ${schoolId}`
    expect(saved!.mapping).toMatchObject({ grade: '学年', className: '組', name: '氏名' })
    const before = await snapshot()
    await db.sql`update roster_mapping set mapping = ${db.sql.json({ grade: '年', className: 'クラス名', number: '番', name: '児童名', kana: 'よみ' })} where school_id = ${schoolId}`
    const again = await preview('roster-custom-header.csv')
    expect(again.body.problems).toEqual([])
    expect(again.body.mapping).toMatchObject({ grade: '年', name: '児童名' })
    expect(await snapshot()).toBe(before)
    // A file with the standard header still reads (the remembered columns are absent there).
    expect((await preview('roster-utf8-lf.csv')).body.problems).toEqual([])
  })
})

describe('a new school year (進級)', () => {
  it('moves pupils up, graduates the top grade and keeps guardian links and history', async () => {
    const guardian = await createGuardian(db.sql, { loginId: 'takahashi', passwordHash: 'x', familyName: '髙橋', givenName: '恵子' })
    const [taka] = await db.sql<{ id: number }[]>`select id from pupil where school_id = ${schoolId} and family_name = '髙橋'`
    await linkGuardian(db.sql, { schoolId, guardianId: guardian, pupilId: taka!.id })
    const year2027 = await createSchoolYear(db.sql, schoolId, 2027)
    const p = await preview('roster-2027-sjis.csv', `?yearId=${year2027}&createClasses=1`)
    expect(p.body.problems).toEqual([])
    expect(p.body.added).toEqual(['1年1組 1番 中村 一花'])
    expect(p.body.moved).toHaveLength(7)
    expect(p.body.leaving).toEqual([{ name: '小林 七海', reason: 'graduated' }, { name: '加藤 八雲', reason: 'graduated' }])
    const a = await apply('roster-2027-sjis.csv', `?yearId=${year2027}&createClasses=1&digest=${p.body.digest}`)
    expect(a.body).toEqual({ ok: true, added: 1, moved: 7, updated: 0, unchanged: 0, left: 2, classesCreated: 4 })
    const grads = await db.sql<{ leftOn: string; leftReason: string }[]>`select left_on::text, left_reason from pupil where family_name in ('小林', '加藤') order by id`
    expect(grads).toEqual([{ leftOn: '2027-03-31', leftReason: 'graduated' }, { leftOn: '2027-03-31', leftReason: 'graduated' }])
    // The old year's classes and memberships are untouched; the guardian link stays.
    const memberships = await db.sql<{ fy: number; grade: number; name: string }[]>`
      select y.fiscal_year as fy, c.grade, c.name from class_membership m join school_year y on y.id = m.school_year_id
      join school_class c on c.id = m.class_id where m.pupil_id = ${taka!.id} order by y.fiscal_year`
    expect(memberships).toEqual([{ fy: 2026, grade: 1, name: '1組' }, { fy: 2027, grade: 2, name: '1組' }])
    expect((await db.sql`select 1 from guardian_pupil where pupil_id = ${taka!.id}`).length).toBe(1)
    // Re-importing the new year's roster changes nothing.
    expect((await apply('roster-2027-sjis.csv', `?yearId=${year2027}`)).body).toMatchObject({ added: 0, moved: 0, unchanged: 8, left: 0 })
  })
})
