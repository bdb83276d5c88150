import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { createSchool, createSchoolYear, createStaff } from '../data/schoolSetup.js'
import { hashPassword } from '../auth/password.js'
import { testDatabase } from '../test/db.js'
import { PASSWORD } from '../test/fixtures.js'
import { Client, startTestServer, type TestServer } from '../test/server.js'
import { postBytes } from '../test/upload.js'
import { parseRoster } from './parse.js'

let db: Database
let server: TestServer
let schoolId: number
let admin: Client

beforeAll(async () => {
  db = await testDatabase()
  schoolId = await createSchool(db.sql, { name: '夕顔小学校' })
  await createSchoolYear(db.sql, schoolId, 2026)
  await createStaff(db.sql, { schoolId, loginId: 'real-admin', passwordHash: await hashPassword(PASSWORD), familyName: '管理', givenName: '者', roles: ['admin'] })
  server = await startTestServer(db) // 2026-11-30 07:45 JST
  admin = await new Client(server).login('real-admin')
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

const csv = (...lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n')
const preview = (file: Buffer, query = '') => postBytes(admin, `/api/admin/roster/preview${query}`, file)
const apply = (file: Buffer, query = '') => postBytes(admin, `/api/admin/roster/apply${query}`, file)
const pupils = () =>
  db.sql<{ id: number; familyName: string; givenName: string; familyKana: string; givenKana: string; guardianName: string; enrolledOn: string; leftOn: string | null; cls: string | null }[]>`
    select p.id, p.family_name, p.given_name, p.family_kana, p.given_kana, p.guardian_name, p.enrolled_on::text, p.left_on::text,
           (select c.grade || '-' || c.name || '-' || m.attendance_number from class_membership m join school_class c on c.id = m.class_id where m.pupil_id = p.id) as cls
    from pupil p where p.school_id = ${schoolId} order by p.id`
async function state(): Promise<string> {
  const members = await db.sql`select pupil_id, class_id, attendance_number from class_membership where school_id = ${schoolId} order by pupil_id`
  return JSON.stringify({ pupils: await pupils(), members })
}

// U+FA10 is a compatibility ideograph (塚); NFKC would turn it into U+585A. ① and half-width kana would change too.
const TSUKA = '\uFA10'
const FULL = csv(
  '学年,組,出席番号,氏名,ふりがな,保護者氏名,転入日',
  `１年,１組,１,${TSUKA}本 ①太,ﾂｶﾓﾄ ｲﾁﾀ,${TSUKA}本 花子,`,
  '1,1,2,佐藤 花,さとう はな,佐藤 一,２０２６/１１/１０',
  '1,2,1,鈴木 一郎,すずき いちろう,,令和8年12月1日',
  '2,1,1,佐藤 花,さとう はな,佐藤 二,',
  '2,1,2,高橋 二郎,たかはし じろう,,',
)

describe('names are kept exactly as written', () => {
  it('no normalisation of names, kana or guardians; digits and 年/組 forms are normalised', () => {
    const { rows, problems } = parseRoster(FULL.toString('utf8'), null, null, [])
    expect(problems).toEqual([])
    expect(rows[0]).toMatchObject({ grade: 1, className: '1組', number: 1, familyName: `${TSUKA}本`, givenName: '①太', familyKana: 'ﾂｶﾓﾄ', givenKana: 'ｲﾁﾀ', guardianName: `${TSUKA}本 花子` })
    expect(rows[0]!.familyName.codePointAt(0)).toBe(0xfa10)
  })

  it('stores them unchanged, with the 転入日 of the file or the import day', async () => {
    const a = await apply(FULL, '?createClasses=1')
    expect(a.body).toMatchObject({ ok: true, added: 5 })
    const all = await pupils()
    expect(all[0]).toMatchObject({ familyName: `${TSUKA}本`, givenName: '①太', familyKana: 'ﾂｶﾓﾄ', givenKana: 'ｲﾁﾀ', guardianName: `${TSUKA}本 花子`, enrolledOn: '2026-11-30' })
    expect(all.map((p) => p.enrolledOn)).toEqual(['2026-11-30', '2026-11-10', '2026-12-01', '2026-11-30', '2026-11-30'])
    // Re-importing the same file changes nothing: the names compare equal as written.
    expect((await apply(FULL)).body).toMatchObject({ added: 0, updated: 0, moved: 0, unchanged: 5, left: 0 })
  })

  it('refuses a 転入日 that is not a date or lies after the school year', async () => {
    const p = await preview(csv('学年,組,出席番号,氏名,入学日', '1,1,3,山田 三,4月', '1,1,4,山田 四,2027/4/1'))
    expect(p.body.problems).toEqual([
      { line: 2, message: expect.stringContaining('転入日・入学日「4月」を日付として読み取れません') },
      { line: 3, message: '転入日・入学日2027-04-01は2026年度より後です' },
    ])
  })
})

describe('separate 姓 and 名 columns and the 年 header', () => {
  it('reads 姓・名 and their kana columns, and 年 as the grade', async () => {
    const file = csv('年,組,番号,姓,名,姓ふりがな,名ふりがな', '1,1,1,' + `${TSUKA}本,①太,ﾂｶﾓﾄ,ｲﾁﾀ`, '2,1,2,高橋,二郎,たかはし,じろう')
    const p = await preview(file)
    expect(p.body.problems).toEqual([])
    expect(p.body.mapping).toEqual({ grade: '年', className: '組', number: '番号', familyName: '姓', givenName: '名', familyKana: '姓ふりがな', givenKana: '名ふりがな' })
    // Both pupils are recognised as they are: nothing to add or change (no guardian column: their guardians' names stay).
    expect(p.body).toMatchObject({ added: [], updated: [], moved: [], unchanged: 2 })
    const missing = await preview(csv('年,組,番号,姓', '1,1,1,高橋'))
    expect(missing.body.problems).toContainEqual({ line: 1, message: '「氏名」の列、または「姓」と「名」の列を選んでください' })
  })
})

describe('a partial file', () => {
  it('one class and a transfer: nobody else leaves; the preview names the mode and the admin may choose', async () => {
    const before = await pupils()
    const file = csv('学年,組,出席番号,氏名,ふりがな,転入日', '1,2,1,鈴木 一郎,すずき いちろう,', '1,2,2,中村 新,なかむら あらた,2026/11/24')
    const p = await preview(file)
    expect(p.body).toMatchObject({ mode: 'partial', suggestedMode: 'partial', added: ['1年2組 2番 中村 新'], leaving: [], unchanged: 1 })
    const asFull = await preview(file, '?mode=full')
    expect(asFull.body).toMatchObject({ mode: 'full', suggestedMode: 'partial' })
    expect(asFull.body.leaving).toHaveLength(4)
    const a = await apply(file, `?mode=partial&digest=${p.body.digest}`)
    expect(a.body).toMatchObject({ added: 1, left: 0, unchanged: 1 })
    const after = await pupils()
    expect(after.slice(0, before.length)).toEqual(before)
    expect(after.at(-1)).toMatchObject({ familyName: '中村', enrolledOn: '2026-11-24', leftOn: null, cls: '1-2組-2' })
    // The whole school's file is taken for a full roster.
    expect((await preview(FULL)).body).toMatchObject({ suggestedMode: 'full', mode: 'full' })
  })
})

describe('namesakes are never merged silently', () => {
  it('two existing pupils with the same name and kana: the preview asks, apply refuses until answered', async () => {
    // A new seat: neither namesake sits there now.
    const file = csv('学年,組,出席番号,氏名,ふりがな,保護者氏名', '2,1,3,佐藤 花,さとう はな,佐藤 二(父)')
    const p = await preview(file)
    expect(p.body.questions).toEqual([{ line: 2, row: '2年1組 3番 佐藤 花(さとう はな)', answer: null, candidates: [
      { pupilId: expect.any(Number), label: '佐藤 花(さとう はな) 1年1組 2番' },
      { pupilId: expect.any(Number), label: '佐藤 花(さとう はな) 2年1組 1番' },
    ] }])
    const before = await state()
    const refused = await apply(file, `?digest=${p.body.digest}`)
    expect(refused.status).toBe(422)
    expect(refused.body.error.code).toBe('ROSTER_UNANSWERED')
    expect(await state()).toBe(before)
    const second = p.body.questions[0].candidates[1].pupilId
    const answers = encodeURIComponent(JSON.stringify({ 2: second }))
    const answered = await preview(file, `?answers=${answers}`)
    expect(answered.body.questions[0].answer).toBe(second)
    expect(answered.body.moved).toEqual(['2年1組 3番 佐藤 花'])
    expect((await apply(file, `?answers=${answers}&digest=${answered.body.digest}`)).body).toMatchObject({ moved: 1, left: 0 })
    const rows = await db.sql<{ id: number; guardianName: string }[]>`select id, guardian_name from pupil where school_id = ${schoolId} and family_name = '佐藤' order by id`
    expect(rows.map((r) => [r.id === second, r.guardianName])).toEqual([[false, '佐藤 一'], [true, '佐藤 二(父)']])
  })

  it('a newcomer named like a pupil of another grade is asked about, and may be a new child', async () => {
    const file = csv('学年,組,出席番号,氏名,ふりがな', '2,1,4,鈴木 一郎,すずき いちろう')
    const p = await preview(file)
    expect(p.body.questions).toEqual([expect.objectContaining({ line: 2, candidates: [expect.objectContaining({ label: '鈴木 一郎(すずき いちろう) 1年2組 1番' })] })])
    expect((await apply(file)).body.error.code).toBe('ROSTER_UNANSWERED')
    const answers = encodeURIComponent(JSON.stringify({ 2: 'new' }))
    expect((await apply(file, `?answers=${answers}`)).body).toMatchObject({ added: 1, moved: 0, left: 0 })
    const suzuki = await db.sql<{ cls: string }[]>`
      select c.grade || '-' || c.name || '-' || m.attendance_number as cls from pupil p join class_membership m on m.pupil_id = p.id join school_class c on c.id = m.class_id
      where p.school_id = ${schoolId} and p.family_name = '鈴木' order by p.id`
    expect(suzuki.map((r) => r.cls)).toEqual(['1-2組-1', '2-1組-4'])
  })

  it('an answer that names a pupil who is not a candidate is a problem', async () => {
    const file = csv('学年,組,出席番号,氏名,ふりがな', '2,1,2,高橋 二郎,たかはし じろう')
    const [other] = await db.sql<{ id: number }[]>`select id from pupil where school_id = ${schoolId} and family_name = '中村'`
    const p = await preview(file, `?answers=${encodeURIComponent(JSON.stringify({ 2: other!.id }))}`)
    expect(p.body.problems).toEqual([{ line: 2, message: '選んだ児童はこの行の候補にありません' }])
  })

  it('児童番号 tells namesakes apart without asking', async () => {
    const ids = csv('学年,組,出席番号,氏名,ふりがな,児童番号', '3,1,1,山本 空,やまもと そら,A-1', '3,1,2,山本 空,やまもと そら,A-2')
    const p = await preview(ids, '?createClasses=1&mode=partial')
    expect(p.body).toMatchObject({ questions: [], problems: [], added: ['3年1組 1番 山本 空', '3年1組 2番 山本 空'] })
    expect((await apply(ids, '?createClasses=1&mode=partial')).body).toMatchObject({ added: 2 })
    const swapped = csv('学年,組,出席番号,氏名,ふりがな,児童番号', '3,1,1,山本 空,やまもと そら,A-2', '3,1,2,山本 空,やまもと そら,A-1')
    expect((await preview(swapped, '?mode=partial')).body).toMatchObject({ questions: [], moved: ['3年1組 1番 山本 空', '3年1組 2番 山本 空'] })
  })
})
