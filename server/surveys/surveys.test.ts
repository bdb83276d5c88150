import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SURVEY_TEMPLATES } from '../../shared/domain/surveyTemplates.js'
import type { GuardianSurveys, SurveyDraft, SurveyResults } from '../../shared/protocol/surveys.js'
import { hashPassword } from '../auth/password.js'
import { createGuardian, linkGuardian } from '../data/schoolSetup.js'
import type { Database } from '../db/types.js'
import { changedTables, tableChecksums } from '../test/checksums.js'
import { testDatabase } from '../test/db.js'
import { PASSWORD, smallSchool, type SmallSchool } from '../test/fixtures.js'
import { Client, nextEvent, startTestServer, type TestServer } from '../test/server.js'
import { sendDueReminders } from './remind.js'

let db: Database
let server: TestServer
let s: SmallSchool
let admin: Client
let teacher1: Client
let suzuki: Client
let tanaka: Client

const DEADLINE = '2026-12-04T17:00:00+09:00'
const template = (key: string) => SURVEY_TEMPLATES.find((t) => t.key === key)!.draft
const draft = (key: string, extra: Partial<SurveyDraft> = {}) => ({ ...template(key), target: { kind: 'school' }, deadline: DEADLINE, remindAt: null, ...extra })

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'sv')
  await db.sql`update guardian set email = 'akemi@example.jp', language = 'vi' where id = ${s.guardians.suzuki}`
  await db.sql`update guardian set email = 'ken@example.jp' where id = ${s.guardians.tanaka}`
  server = await startTestServer(db, '2026-11-30T07:45:00+09:00', { mail: { mode: 'capture', publicUrl: 'https://asagao.example.jp' } })
  admin = await new Client(server).login(s.login.admin)
  teacher1 = await new Client(server).login(s.login.teacher1)
  suzuki = await new Client(server).login(s.login.suzuki)
  tanaka = await new Client(server).login(s.login.tanaka)
})
afterAll(async () => {
  await server?.close()
  await db?.close()
})

const create = async (body: unknown) => {
  const res = await admin.post('/api/surveys', body)
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.id as number
}
const publish = async (id: number) => expect((await admin.post(`/api/surveys/${id}/publish`)).status).toBe(200)
const answer = (c: Client, id: number, pupilId: number, answers: Record<string, unknown>) => c.request('PUT', `/api/guardian/surveys/${id}/answer`, { pupilId, answers })
const results = async (c: Client, id: number) => (await c.get(`/api/surveys/${id}/results`)).body as SurveyResults
const answerCount = async (id: number) => (await db.sql<{ n: number }[]>`select count(*)::int as n from survey_answer where survey_id = ${id}`)[0]!.n

describe('building and publishing', () => {
  it('builds from a template, edits the draft, publishes to the target, and keeps published questions fixed', async () => {
    const id = await create(draft('event', { target: { kind: 'classes', classIds: [s.classes.c1] } }))
    expect((await admin.get(`/api/surveys/${id}`)).body.draft.questions[0].options).toEqual(['○ 出席', '× 欠席', '△ 未定'])
    expect((await admin.request('PUT', `/api/surveys/${id}`, draft('event', { title: '音楽会の出欠', target: { kind: 'classes', classIds: [s.classes.c1] } }))).status).toBe(200)
    // A draft is not shown to guardians.
    expect(((await suzuki.get('/api/guardian/surveys')).body as GuardianSurveys).surveys.find((x) => x.id === id)).toBeUndefined()
    await publish(id)
    const r = await results(admin, id)
    expect(r.title).toBe('音楽会の出欠')
    expect(r.classes.map((c) => c.rows.map((x) => x.name))).toEqual([['鈴木 太郎', '田中 花子']])
    expect((await admin.request('PUT', `/api/surveys/${id}`, draft('event'))).body.error.code).toBe('SURVEY_PUBLISHED')
    expect((await admin.post(`/api/surveys/${id}/publish`)).body.error.code).toBe('SURVEY_NOT_OPEN')
    expect((await admin.request('DELETE', `/api/surveys/${id}`)).body.error.code).toBe('SURVEY_PUBLISHED')
  })

  it('is built only by the roles the policy names, with a target of the own school and a deadline ahead', async () => {
    expect((await teacher1.post('/api/surveys', draft('health'))).status).toBe(403)
    expect((await suzuki.post('/api/surveys', draft('health'))).status).toBe(403)
    expect((await admin.post('/api/surveys', draft('health', { target: { kind: 'classes', classIds: [999999] } }))).body.error.code).toBe('CLASS_NOT_FOUND')
    expect((await admin.post('/api/surveys', draft('health', { target: { kind: 'pupils', pupilIds: [999999] } }))).body.error.code).toBe('PUPIL_NOT_FOUND')
    const bad = await admin.post('/api/surveys', { ...draft('health'), questions: [{ id: 'q1', kind: 'single', label: '一つだけ', required: true, options: ['はい'] }] })
    expect(bad.status).toBe(400)
    const past = await create(draft('health', { deadline: '2026-11-29T17:00:00+09:00' }))
    expect((await admin.post(`/api/surveys/${past}/publish`)).body.error.code).toBe('SURVEY_DEADLINE_PASSED')
    const targets = (await admin.get('/api/surveys/targets')).body
    expect(targets.classes.map((c: { grade: number; name: string; pupils: { name: string }[] }) => [c.grade, c.name, c.pupils.map((p) => p.name)])).toEqual([[1, '1組', ['鈴木 太郎', '田中 花子']], [2, '1組', ['鈴木 次郎', '佐藤 三郎']]])
    expect((await teacher1.get('/api/surveys/targets')).status).toBe(403)
    // Drafts are listed for those who build, never for teachers.
    expect((await admin.get('/api/surveys')).body.surveys.find((x: { id: number }) => x.id === past)).toMatchObject({ status: 'draft', title: '健康観察' })
    expect((await teacher1.get('/api/surveys')).body.surveys.find((x: { id: number }) => x.id === past)).toBeUndefined()
    expect((await teacher1.get(`/api/surveys/${past}/results`)).status).toBe(403)
    const removable = await create(draft('health'))
    expect((await admin.request('DELETE', `/api/surveys/${removable}`)).status).toBe(200)
    expect((await admin.get(`/api/surveys/${removable}`)).status).toBe(404)
  })
})

describe('answers', () => {
  let perChild: number
  beforeAll(async () => {
    perChild = await create(draft('event'))
    await publish(perChild)
  })

  it('a guardian answers for each own child, sees the answer, changes it: one answer per child, never two', async () => {
    const list = ((await suzuki.get('/api/guardian/surveys')).body as GuardianSurveys).surveys.find((x) => x.id === perChild)!
    expect(list.open).toBe(true)
    expect(list.subjects.map((x) => x.names)).toEqual([['太郎'], ['次郎']])
    expect((await answer(suzuki, perChild, s.pupils.taro, { q1: 0, q2: 2 })).status).toBe(200)
    expect((await answer(suzuki, perChild, s.pupils.taro, { q1: 2, q3: ' 午後から参加します ' })).status).toBe(200)
    expect(await answerCount(perChild)).toBe(1)
    const mine = ((await suzuki.get('/api/guardian/surveys')).body as GuardianSurveys).surveys.find((x) => x.id === perChild)!
    expect(mine.subjects[0]).toMatchObject({ answers: { q1: 2, q3: '午後から参加します' }, answeredBy: '鈴木 明美' })
    expect(mine.subjects[1]!.answers).toBeNull()
  })

  it('refuses a guardian answering for another family’s child, and changes nothing', async () => {
    const before = await tableChecksums(db.sql)
    const res = await answer(tanaka, perChild, s.pupils.taro, { q1: 1 })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('FORBIDDEN')
    expect(changedTables(before, await tableChecksums(db.sql))).toEqual([])
    // A child of the guardian's who is not in the survey: not found.
    const c2only = await create(draft('event', { target: { kind: 'classes', classIds: [s.classes.c2] } }))
    await publish(c2only)
    expect((await answer(tanaka, c2only, s.pupils.hanako, { q1: 1 })).body.error.code).toBe('SURVEY_NOT_FOUND')
  })

  it('checks every answer against its question at the boundary', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ q2: 1 }, 'answers.q1', '回答してください'],
      [{ q1: 3 }, 'answers.q1', '選択肢から選んでください'],
      [{ q1: 0, q2: 6 }, 'answers.q2', '5以下にしてください'],
      [{ q1: 0, q2: -1 }, 'answers.q2', '0以上にしてください'],
      [{ q1: 0, q2: 'たくさん' }, 'answers.q2', '数を入力してください'],
      [{ q1: 0, q3: 'あ'.repeat(201) }, 'answers.q3', '200文字以内にしてください'],
      [{ q1: 0, q9: 'x' }, 'answers.q9', 'この設問はありません'],
    ]
    for (const [answers, field, message] of cases) {
      const res = await answer(tanaka, perChild, s.pupils.hanako, answers)
      expect(res.status, JSON.stringify(answers)).toBe(422)
      expect(res.body.error.code).toBe('SURVEY_ANSWER_INVALID')
      expect(res.body.error.fields[field]).toBe(message)
    }
    expect(await answerCount(perChild)).toBe(1)
    const health = await create(draft('health'))
    await publish(health)
    expect((await answer(tanaka, health, s.pupils.hanako, { q1: 36.5, q2: [0, 0, 2], q3: 0, q4: '' })).status).toBe(200)
    expect((await db.sql<{ answers: unknown }[]>`select answers from survey_answer where survey_id = ${health}`)[0]!.answers).toEqual({ q1: 36.5, q2: [0, 2], q3: 0 })
    const interview = await create(draft('interview'))
    await publish(interview)
    expect((await answer(tanaka, interview, s.pupils.hanako, { q1: '2026-02-30', q2: 0 })).body.error.fields['answers.q1']).toBe('日付を入力してください')
    expect((await answer(tanaka, interview, s.pupils.hanako, { q1: '2026-12-08', q2: 0 })).status).toBe(200)
  })

  it('per family: every guardian and sibling shares one answer, replaced rather than doubled', async () => {
    const hash = await hashPassword(PASSWORD)
    const father = await createGuardian(db.sql, { loginId: 'sv-suzuki-father', passwordHash: hash, familyName: '鈴木', givenName: '誠', phone: '090-0000-0009' })
    await linkGuardian(db.sql, { schoolId: s.schoolId, guardianId: father, pupilId: s.pupils.jiro })
    const family = await create(draft('handover'))
    await publish(family)
    const fatherClient = await new Client(server).login('sv-suzuki-father')
    const seen = ((await suzuki.get('/api/guardian/surveys')).body as GuardianSurveys).surveys.find((x) => x.id === family)!
    expect(seen.subjects).toHaveLength(1)
    expect(seen.subjects[0]!.names).toEqual(['太郎', '次郎'])
    expect((await answer(suzuki, family, s.pupils.taro, { q1: 1, q2: 0 })).status).toBe(200)
    expect((await answer(suzuki, family, s.pupils.jiro, { q1: 1, q2: 1 })).status).toBe(200)
    expect((await answer(fatherClient, family, s.pupils.jiro, { q1: 0, q2: 2 })).status).toBe(200)
    expect(await answerCount(family)).toBe(1)
    const r = await results(admin, family)
    expect(r.total).toMatchObject({ expected: 3, answered: 1, counts: { q1: [1, 0, 0, 0], q2: [0, 0, 1] } })
    // The family's answer shows for both children, in both classes.
    const rows = r.classes.flatMap((c) => c.rows)
    expect(rows.filter((x) => x.answers).map((x) => x.name).sort()).toEqual(['鈴木 太郎', '鈴木 次郎'])
    expect(rows.find((x) => x.name === '鈴木 太郎')!.answeredBy).toBe('鈴木 誠')
  })

  it('refuses answers after the deadline and after closing; the answers stay', async () => {
    const closing = await create(draft('event'))
    await publish(closing)
    expect((await answer(tanaka, closing, s.pupils.hanako, { q1: 0 })).status).toBe(200)
    expect((await teacher1.post(`/api/surveys/${closing}/close`)).status).toBe(403)
    expect((await admin.post(`/api/surveys/${closing}/close`)).status).toBe(200)
    const refused = await answer(tanaka, closing, s.pupils.hanako, { q1: 1 })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('SURVEY_CLOSED')
    const seen = ((await tanaka.get('/api/guardian/surveys')).body as GuardianSurveys).surveys.find((x) => x.id === closing)!
    expect(seen).toMatchObject({ open: false, subjects: [{ answers: { q1: 0 } }] })

    const late = await create(draft('event', { deadline: '2026-11-30T08:00:00+09:00' }))
    await publish(late)
    expect((await answer(tanaka, late, s.pupils.hanako, { q1: 0 })).status).toBe(200)
    server.clock.set(Date.parse('2026-11-30T08:00:00+09:00'))
    try {
      expect((await answer(tanaka, late, s.pupils.hanako, { q1: 1 })).body.error.code).toBe('SURVEY_CLOSED')
      expect((await admin.post(`/api/surveys/${late}/remind`)).body.error.code).toBe('SURVEY_NOT_OPEN')
    } finally {
      server.clock.set(Date.parse('2026-11-30T07:45:00+09:00'))
    }
  })
})

describe('results, live counts, reminders and CSV', () => {
  let id: number
  beforeAll(async () => {
    id = await create(draft('event', { remindAt: '2026-12-03T07:00:00+09:00' }))
    await publish(id)
  })

  it('counts per class and in total; the homeroom teacher sees their class only; the page hears each answer', async () => {
    const t1socket = await teacher1.socket()
    const heard = nextEvent(t1socket, 'school:changed')
    expect((await answer(tanaka, id, s.pupils.hanako, { q1: 0, q2: 2 })).status).toBe(200)
    expect((await heard).parts).toEqual(['surveys'])
    t1socket.disconnect()
    const all = await results(admin, id)
    expect(all.classes.map((c) => [c.label, c.expected, c.answered, c.counts.q1])).toEqual([['1年1組', 2, 1, [1, 0, 0]], ['2年1組', 2, 0, [0, 0, 0]]])
    expect(all.total).toMatchObject({ expected: 4, answered: 1 })
    const mine = await results(teacher1, id)
    expect(mine.classes.map((c) => c.label)).toEqual(['1年1組'])
    expect(mine.canRemind).toBe(false)
    // Non-responders come with their guardians' phones for the office to call.
    expect(mine.classes[0]!.rows.filter((r) => !r.answers).map((r) => [r.name, r.phones])).toEqual([['鈴木 太郎', ['090-0000-0001']]])
    const list = (await teacher1.get('/api/surveys')).body
    expect(list.canBuild).toBe(false)
    expect(list.surveys.find((x: { id: number }) => x.id === id)).toMatchObject({ expected: 2, answered: 1 })
    expect((await suzuki.get(`/api/surveys/${id}/results`)).status).toBe(403)
  })

  it('reminds only the families that have not answered, in their language, by hand and once on schedule', async () => {
    const outboxOf = () => db.sql<{ guardianId: number; channel: string; recipient: string; subject: string; body: string }[]>`
      select guardian_id, channel, recipient, subject, body from outbox where survey_id = ${id} order by id`
    expect((await teacher1.post(`/api/surveys/${id}/remind`)).status).toBe(403)
    for (const [guardian, n] of [[s.guardians.suzuki, 1], [s.guardians.tanaka, 2]] as const) {
      await db.sql`insert into push_subscription (guardian_id, endpoint, p256dh, auth, created_at) values (${guardian}, ${`https://push.example/${n}`}, 'p', 'a', now())`
    }
    const res = await admin.post(`/api/surveys/${id}/remind`)
    expect(res.body).toEqual({ ok: true, guardians: 2 })
    const rows = await outboxOf()
    // Tanaka answered; the Suzuki guardians (mother, father) did not: nothing to Tanaka.
    expect(new Set(rows.map((r) => r.guardianId))).toEqual(new Set([s.guardians.suzuki, (await db.sql<{ id: number }[]>`select id from guardian where login_id = 'sv-suzuki-father'`)[0]!.id]))
    const email = rows.find((r) => r.channel === 'email')!
    expect(email.recipient).toBe('akemi@example.jp')
    expect(email.subject).toContain('Xin vui lòng trả lời khảo sát')
    expect(email.body).toContain('太郎、次郎')
    expect(email.body).toContain('https://asagao.example.jp/guardian/#surveys')
    // A push to the reminded guardian's device, none to the family that answered.
    const pushes = await db.sql<{ payload: string }[]>`select o.payload from push_outbox o join push_subscription p on p.id = o.subscription_id where o.kind = 'survey'`
    expect(pushes.map((p) => JSON.parse(p.payload))).toEqual([expect.objectContaining({ title: 'Khảo sát: 行事の出欠', url: '/guardian/#surveys', lang: 'vi' })])

    // Now every family answers except the father's: the scheduled reminder reaches him alone, once.
    expect((await answer(suzuki, id, s.pupils.taro, { q1: 1 })).status).toBe(200)
    await db.sql`delete from outbox where survey_id = ${id}`
    server.clock.set(Date.parse('2026-12-03T07:00:00+09:00'))
    try {
      const deps = { sql: db.sql, dbMode: db.mode, clock: server.clock, log: { info() {}, warn() {}, error() {} }, publish: server.publish, buildId: 't', version: 't', mail: { mode: 'capture' as const, publicUrl: null } }
      expect(await sendDueReminders(deps)).toBe(2)
      expect(await sendDueReminders(deps)).toBe(0)
    } finally {
      server.clock.set(Date.parse('2026-11-30T07:45:00+09:00'))
    }
    const scheduled = await outboxOf()
    expect(scheduled.filter((r) => r.channel === 'in_app').map((r) => r.body.includes('次郎'))).toEqual([true, true])
    expect(scheduled.every((r) => !r.body.includes('太郎'))).toBe(true)
  })

  it('exports CSV with a BOM or in Shift_JIS, formula-safe, with every pupil and answer', async () => {
    expect((await answer(tanaka, id, s.pupils.hanako, { q1: 0, q2: 2, q3: '=HYPERLINK("x")' })).status).toBe(200)
    const get = (q: string) => fetch(`${server.url}/api/surveys/${id}/results.csv${q}`, { headers: { cookie: admin.cookie } })
    const utf = await get('')
    expect(utf.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const bytes = Buffer.from(await utf.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n')
    expect(lines[0]).toBe('学年,組,出席番号,児童名,回答,回答日時,回答者,出欠,参観される保護者の人数,連絡事項')
    expect(lines[1]).toBe('1,1組,1,鈴木 太郎,回答済,2026-11-30 07:45,鈴木 明美,× 欠席,,')
    expect(lines[2]).toBe(`1,1組,2,田中 花子,回答済,2026-11-30 07:45,田中 健,○ 出席,2人,"'=HYPERLINK(""x"")"`)
    expect(lines[4]).toBe('2,1組,2,佐藤 三郎,未回答,,,,,')
    const sjis = await get('?encoding=sjis')
    expect(sjis.headers.get('content-type')).toBe('text/csv; charset=Shift_JIS')
    expect(iconv.decode(Buffer.from(await sjis.arrayBuffer()), 'cp932').split('\r\n')[0]).toBe(lines[0])
    const teacherCsv = await (await fetch(`${server.url}/api/surveys/${id}/results.csv`, { headers: { cookie: teacher1.cookie } })).text()
    expect(teacherCsv).not.toContain('佐藤')
  })
})

describe("guardians' pages", () => {
  it("publishing to one class tells that class's families and not another class's; closing, reminding and an answer tell them too", async () => {
    const suzukiSocket = await suzuki.socket()
    const tanakaSocket = await tanaka.socket()
    const tanakaHeard: unknown[] = []
    tanakaSocket.on('family:school', (e) => tanakaHeard.push(e))

    // Jiro (class 2-1) is a Suzuki; the Tanakas have only Hanako, in 1-1.
    const toClass2 = await create(draft('event', { target: { kind: 'classes', classIds: [s.classes.c2] } }))
    const published = nextEvent(suzukiSocket, 'family:school')
    await publish(toClass2)
    expect(await published).toMatchObject({ schoolId: s.schoolId, parts: ['surveys'] })

    // Events reach a socket in order: the Tanakas' first is this later survey's, so the first never came.
    const toClass1 = await create(draft('event', { target: { kind: 'classes', classIds: [s.classes.c1] } }))
    const tanakaPublished = nextEvent(tanakaSocket, 'family:school')
    await publish(toClass1)
    expect(tanakaHeard).toEqual([await tanakaPublished])

    const reminded = nextEvent(tanakaSocket, 'family:school')
    expect((await admin.post(`/api/surveys/${toClass1}/remind`)).status).toBe(200)
    await reminded
    const answered = nextEvent(tanakaSocket, 'family:school')
    expect((await answer(tanaka, toClass1, s.pupils.hanako, { q1: 0 })).status).toBe(200)
    await answered
    const closed = nextEvent(suzukiSocket, 'family:school')
    expect((await admin.post(`/api/surveys/${toClass2}/close`)).status).toBe(200)
    await closed
    expect(tanakaHeard).toHaveLength(3)
    suzukiSocket.disconnect()
    tanakaSocket.disconnect()
  })
})
