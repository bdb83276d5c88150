import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { CityDay } from '../../shared/protocol/city.js'
import { hashPassword } from '../auth/password.js'
import { createCityAdmin, createOrganisation } from '../data/organisations.js'
import { appendMarks, type MarkRow } from '../data/reports.js'
import { insertStaffNote } from '../data/roll.js'
import { createClass, createGuardian, createPupil, createSchool, createSchoolYear, createStaff, linkGuardian } from '../data/schoolSetup.js'
import type { Database } from '../db/types.js'
import { silentLog } from '../log.js'
import { schoolDaysOf } from '../register/counts.js'
import { testDatabase } from '../test/db.js'
import { PASSWORD } from '../test/fixtures.js'
import { Client, startTestServer, type TestServer, type TestSocket } from '../test/server.js'
import { cityNotifier } from './live.js'

/**
 * The city's view, on a city of two small schools whose day is counted by hand, and a second
 * city. Every pupil has the same unusual family name, so any pupil data reaching a city payload
 * is found by looking for it.
 */
const D = '2026-11-30'
const FAMILY = '蝶ヶ岳'
const FAMILY_KANA = 'ちょうがたけ'
const GIVEN = ['銀河丸', '星之丞', '月読姫', '雷鳴子', '風花菜', '霞草太', '霧島蘭', '潮騒丸', '翡翠姫', '琥珀丸', '瑠璃子', '玻璃男', '珊瑚姫', '瑪瑙丸', '黒曜子', '白磁男', '紅玉姫', '青磁丸', '金剛子']
const SECRETS = ['ひみつの伝言ＸＹＺ', 'ノート秘密ＱＱ']

let db: Database
let server: TestServer
const ids = { cityA: 0, cityB: 0, x: 0, y: 0, z: 0, c11: 0, c12: 0, c21: 0, reasonFever: 0, reasonLate: 0 }
const pupil: Record<string, number> = {}
/** Every city payload the tests saw, to look for pupil data in. */
const seen: string[] = []

async function cityGet(c: Client, path: string): Promise<{ status: number; body: any }> {
  const res = await c.get(path)
  seen.push(JSON.stringify(res.body))
  return res
}
const day = async (c: Client, date = D): Promise<CityDay> => {
  const res = await cityGet(c, `/api/city/day?date=${date}`)
  expect(res.status).toBe(200)
  return res.body as CityDay
}
async function csv(c: Client, path: string): Promise<{ status: number; bytes: Buffer; text: string }> {
  const res = await fetch(server.url + path, { headers: { origin: server.url, cookie: c.cookie } })
  const bytes = Buffer.from(await res.arrayBuffer())
  const text = path.includes('encoding=utf8') ? bytes.subarray(3).toString('utf8') : iconv.decode(bytes, 'cp932')
  seen.push(text)
  return { status: res.status, bytes, text }
}

beforeAll(async () => {
  db = await testDatabase()
  const sql = db.sql
  const hash = await hashPassword(PASSWORD)
  ids.cityA = await createOrganisation(sql, { kind: 'municipality', name: '検査市' })
  ids.cityB = await createOrganisation(sql, { kind: 'municipality', name: '別市' })
  await createCityAdmin(sql, { organisationId: ids.cityA, loginId: 'a-city', passwordHash: hash, familyName: '検査市', givenName: '教委' })
  await createCityAdmin(sql, { organisationId: ids.cityB, loginId: 'b-city', passwordHash: hash, familyName: '別市', givenName: '教委' })

  let g = 0
  const addPupil = (schoolId: number, yearId: number, classId: number, n: number, key: string) =>
    createPupil(sql, { schoolId, schoolYearId: yearId, classId, attendanceNumber: n, familyName: FAMILY, givenName: GIVEN[g++]!, familyKana: FAMILY_KANA, givenKana: 'ぎんがまる', enrolledOn: '2026-04-01' })
      .then((id) => (pupil[key] = id))

  // X: 1年1組 (a1–a5), 1年2組 (b1–b5), 2年1組 (c1–c4, in 学級閉鎖 today).
  ids.x = await createSchool(sql, { name: '検査市立X小学校', organisationId: ids.cityA, schoolCode: 'B113000000001' })
  const yx = await createSchoolYear(sql, ids.x, 2026)
  ids.c11 = await createClass(sql, { schoolId: ids.x, schoolYearId: yx, grade: 1, name: '1組', sortOrder: 1 })
  ids.c12 = await createClass(sql, { schoolId: ids.x, schoolYearId: yx, grade: 1, name: '2組', sortOrder: 2 })
  ids.c21 = await createClass(sql, { schoolId: ids.x, schoolYearId: yx, grade: 2, name: '1組', sortOrder: 1 })
  for (let n = 1; n <= 5; n++) await addPupil(ids.x, yx, ids.c11, n, `a${n}`)
  for (let n = 1; n <= 5; n++) await addPupil(ids.x, yx, ids.c12, n, `b${n}`)
  for (let n = 1; n <= 4; n++) await addPupil(ids.x, yx, ids.c21, n, `c${n}`)
  const admin = await createStaff(sql, { schoolId: ids.x, loginId: 'x-admin', passwordHash: hash, familyName: '管理', givenName: '先生', roles: ['admin', 'principal'] })
  await createStaff(sql, { schoolId: ids.x, loginId: 'x-t11', passwordHash: hash, familyName: '担任', givenName: '先生', roles: ['teacher'], homeroomClassId: ids.c11 })
  const guardian = await createGuardian(sql, { loginId: 'x-g1', passwordHash: hash, familyName: FAMILY, givenName: '親' })
  for (const k of ['a1', 'a5', 'b3']) await linkGuardian(sql, { schoolId: ids.x, guardianId: guardian, pupilId: pupil[k]! })

  // Y (a formula-looking name, for the CSVs): one class of three, no roll taken today.
  ids.y = await createSchool(sql, { name: '+検査市立Y小学校', organisationId: ids.cityA })
  const yy = await createSchoolYear(sql, ids.y, 2026)
  const cy = await createClass(sql, { schoolId: ids.y, schoolYearId: yy, grade: 1, name: '1組' })
  for (let n = 1; n <= 3; n++) await addPupil(ids.y, yy, cy, n, `y${n}`)

  // Z: another city's school.
  ids.z = await createSchool(sql, { name: '別市立Z小学校', organisationId: ids.cityB })
  const yz = await createSchoolYear(sql, ids.z, 2026)
  const cz = await createClass(sql, { schoolId: ids.z, schoolYearId: yz, grade: 1, name: '1組' })
  await addPupil(ids.z, yz, cz, 1, 'z1')

  const codes = new Map((await sql<{ id: number; code: string }[]>`select id, code from attendance_code where school_id = ${ids.x}`).map((c) => [c.code, c.id]))
  const mark = (key: string, code: string, date = D): MarkRow => ({
    schoolId: ids.x, seq: 0, pupilId: pupil[key]!, date, codeId: codes.get(code)!, suggestedCodeId: null, source: 'teacher',
    actorStaffId: admin, actorGuardianId: null, reportId: null, atTime: null, note: '', recordedAt: `${date}T08:35:00+09:00`,
  })
  // b2 was away 31 school days up to 11月27日: 長期欠席, reached in November.
  const before = (await schoolDaysOf(sql, ids.x, '2026-04-01', '2026-11-27')).slice(-31)
  await appendMarks(sql, [
    mark('a2', 'suspension_infection'), mark('a3', 'late'), mark('a4', 'not_arrived'), mark('b1', 'early_leave'), mark('c1', 'absent_sick'),
    ...before.map((d) => mark('b2', 'absent_sick', d)),
  ])
  await sql`insert into class_closure (school_id, school_year_id, class_id, from_date, to_date, label) values (${ids.x}, ${yx}, ${ids.c21}, ${D}, ${D}, '学級閉鎖(インフルエンザ)')`
  await sql`insert into roll_call (school_id, class_id, date, staff_id, taken_at) values (${ids.x}, ${ids.c11}, ${D}, ${admin}, ${`${D}T08:25:00+09:00`})`
  await insertStaffNote(sql, { schoolId: ids.x, pupilId: pupil.a1!, staffId: admin, date: D, body: SECRETS[1]!, createdAt: `${D}T08:40:00+09:00` })
  const reasons = new Map((await sql<{ id: number; label: string }[]>`select id, label from school_reason where school_id = ${ids.x}`).map((r) => [r.label, r.id]))
  ids.reasonFever = reasons.get('発熱')!
  ids.reasonLate = reasons.get('通院')!

  server = await startTestServer(db, `${D}T07:45:00+09:00`)
  // a1: the family reports a fever with symptoms and a message, before school.
  const family = await new Client(server).login('x-g1')
  const res = await family.post('/api/guardian/reports', {
    idempotencyKey: 'city-test-report-0001', pupilIds: [pupil.a1], kind: 'absent', fromDate: D, toDate: D, reasonId: ids.reasonFever,
    symptoms: ['発熱', 'せき'], temperature: 38.2, time: null, message: SECRETS[0],
  })
  expect(res.status).toBe(201)
})

afterAll(async () => {
  await server?.close()
  await db?.close()
})

const ZERO = { enrolled: 0, absent: 0, excused: 0, late: 0, earlyLeave: 0, notArrived: 0 }

describe('the city day', () => {
  it('before the roll-call time no roll is missing yet', async () => {
    const city = await new Client(server).login('a-city')
    const d = await day(city)
    expect(d.today).toBe(true)
    expect(d.schools.map((s) => [s.name, s.rollMissing])).toEqual([['検査市立X小学校', null], ['+検査市立Y小学校', null]])
  })

  it('counts each school and grade by the register, leaves closed classes out, and alerts on a class at 20 %', async () => {
    server.clock.set(`${D}T09:40:00+09:00`)
    const city = await new Client(server).login('a-city')
    const d = await day(city)
    expect(d.organisation.name).toBe('検査市')
    expect(d.alertPercent).toBe(20)
    const x = d.schools.find((s) => s.id === ids.x)!
    const y = d.schools.find((s) => s.id === ids.y)!
    const grade1 = { enrolled: 10, absent: 1, excused: 1, late: 1, earlyLeave: 1, notArrived: 1 }
    expect(x).toMatchObject({ schoolDay: true, schoolCode: 'B113000000001', ...grade1, classes: 3, closedClasses: 1, rollMissing: 1, rollCallTime: '8:30' })
    expect(x.grades).toEqual([{ grade: 1, ...grade1, classes: 2, closedClasses: 0 }, { grade: 2, ...ZERO, classes: 1, closedClasses: 1 }])
    expect(x.symptoms).toEqual([{ symptom: '発熱', count: 1 }, { symptom: 'せき', count: 1 }])
    expect(y).toMatchObject({ schoolDay: true, ...ZERO, enrolled: 3, classes: 1, closedClasses: 0, rollMissing: 1 })
    expect(d.totals).toEqual({ ...grade1, enrolled: 13 })
    // 1年1組: 欠席 a1 + 出席停止 a2 of 5 = 40 %; 1年2組: 0 of 5.
    expect(d.alerts).toEqual([{ schoolId: ids.x, schoolName: '検査市立X小学校', grade: 1, className: '1組', enrolled: 5, away: 2, rate: 40 }])
    expect(d.closures).toEqual([{ schoolId: ids.x, schoolName: '検査市立X小学校', grade: 2, className: '1組', label: '学級閉鎖(インフルエンザ)', fromDate: D, toDate: D }])
    expect(d.symptoms).toEqual([{ symptom: '発熱', count: 1 }, { symptom: 'せき', count: 1 }])
  })

  it('takes its alert threshold from the city', async () => {
    const city = await new Client(server).login('a-city')
    expect((await city.request('PUT', '/api/city/settings', { absenceAlertPercent: 41 })).status).toBe(200)
    expect((await day(city)).alerts).toEqual([])
    expect((await city.request('PUT', '/api/city/settings', { absenceAlertPercent: 40 })).status).toBe(200)
    expect((await day(city)).alerts.map((a) => a.rate)).toEqual([40])
    expect((await city.request('PUT', '/api/city/settings', { absenceAlertPercent: 0 })).status).toBe(400)
    // The other city keeps its own.
    const other = await new Client(server).login('b-city')
    expect((await day(other)).alertPercent).toBe(20)
    await city.request('PUT', '/api/city/settings', { absenceAlertPercent: 20 })
  })

  it('shows nothing on a day that is not a school day, and no roll on another day', async () => {
    const city = await new Client(server).login('a-city')
    const sunday = await day(city, '2026-11-29')
    expect(sunday.today).toBe(false)
    expect(sunday.schools.map((s) => [s.schoolDay, s.enrolled, s.rollMissing, s.closedClasses])).toEqual([[false, 0, null, 0], [false, 0, null, 0]])
    expect(sunday.alerts).toEqual([])
    const friday = await day(city, '2026-11-27')
    expect(friday.schools.map((s) => s.rollMissing)).toEqual([null, null])
    expect(friday.totals.absent).toBe(1)
  })

  it("shows another city's administrator only that city's schools", async () => {
    const other = await new Client(server).login('b-city')
    const d = await day(other)
    expect(d.schools.map((s) => s.name)).toEqual(['別市立Z小学校'])
    expect(JSON.stringify(d)).not.toContain('検査市')
    const daily = await csv(other, `/api/city/daily.csv?date=${D}&encoding=utf8`)
    expect(daily.text).not.toContain('検査市')
  })

  it('refuses school staff, guardians and nobody', async () => {
    const paths = [`/api/city/day?date=${D}`, `/api/city/daily.csv?date=${D}`, '/api/city/long-absence.csv?month=2026-11']
    for (const login of ['x-admin', 'x-t11', 'x-g1']) {
      const c = await new Client(server).login(login)
      for (const p of paths) expect((await c.get(p)).status, `${login} ${p}`).toBe(403)
      expect((await c.request('PUT', '/api/city/settings', { absenceAlertPercent: 30 })).status).toBe(403)
    }
    for (const p of paths) expect((await new Client(server).get(p)).status).toBe(401)
  })
})

describe('the city CSVs', () => {
  it('daily counts by school, grade and symptom: BOM, CRLF, formula-safe, Shift_JIS by default', async () => {
    const city = await new Client(server).login('a-city')
    const utf8 = await csv(city, `/api/city/daily.csv?date=${D}&encoding=utf8`)
    expect(utf8.status).toBe(200)
    expect([...utf8.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = utf8.text.split('\r\n')
    expect(lines[0]).toBe('日付,学校コード,学校名,学年,在籍者数,欠席者数,出席停止・忌引等,遅刻,早退,未登校,学級数,学級閉鎖学級数,症状:発熱,症状:せき,症状:鼻水,症状:のどの痛み,症状:頭痛,症状:腹痛,症状:吐き気,症状:下痢')
    expect(lines.slice(1)).toEqual([
      `${D},B113000000001,検査市立X小学校,1,10,1,1,1,1,1,2,0,1,1,0,0,0,0,0,0`,
      `${D},B113000000001,検査市立X小学校,2,0,0,0,0,0,0,1,1,0,0,0,0,0,0,0,0`,
      `${D},,'+検査市立Y小学校,1,3,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0`,
      '',
    ])
    const sjis = await csv(city, `/api/city/daily.csv?date=${D}`)
    expect(sjis.text).toBe(utf8.text)
  })

  it('monthly 長期欠席 per school', async () => {
    const city = await new Client(server).login('a-city')
    const nov = await csv(city, '/api/city/long-absence.csv?month=2026-11&encoding=utf8')
    expect(nov.text.split('\r\n')).toEqual([
      '対象月,学校コード,学校名,集計日,集計対象児童生徒数,長期欠席者数(欠席30日以上),うち当月に達した者,1年,2年,3年,4年,5年,6年',
      `2026-11,B113000000001,検査市立X小学校,${D},14,1,1,1,0,0,0,0,0`,
      `2026-11,,'+検査市立Y小学校,${D},3,0,0,0,0,0,0,0,0`,
      '',
    ])
    const oct = await csv(city, '/api/city/long-absence.csv?month=2026-10&encoding=utf8')
    expect(oct.text.split('\r\n')[1]).toBe('2026-10,B113000000001,検査市立X小学校,2026-10-31,14,0,0,0,0,0,0,0,0')
  })
})

describe('live', () => {
  it("a school's change reaches its city's pages as city:changed without pupil data, and not another city's", async () => {
    const city = await new Client(server).login('a-city')
    const other = await new Client(server).login('b-city')
    const mine: TestSocket = await city.socket()
    const theirs: TestSocket = await other.socket()
    const heard: unknown[] = []
    const heardElsewhere: unknown[] = []
    mine.on('city:changed', (e) => heard.push(e))
    theirs.on('city:changed', (e) => heardElsewhere.push(e))
    const family = await new Client(server).login('x-g1')
    const res = await family.post('/api/guardian/reports', {
      idempotencyKey: 'city-test-report-0002', pupilIds: [pupil.a5], kind: 'late', fromDate: D, toDate: D, reasonId: ids.reasonLate,
      symptoms: [], temperature: null, time: '10:00', message: SECRETS[0],
    })
    expect(res.status).toBe(201)
    await vi.waitFor(() => expect(heard.length).toBeGreaterThan(0), { timeout: 10_000, interval: 100 })
    expect(heard[0]).toEqual({ cityId: ids.cityA, schoolIds: [ids.x] })
    seen.push(JSON.stringify(heard))
    // The page re-reads: the new 遅刻 is counted.
    expect((await day(city)).schools.find((s) => s.id === ids.x)!.late).toBe(2)
    // Another city's page heard nothing (it would have by now: the same coalescing window has passed).
    expect(heardElsewhere).toEqual([])
    mine.disconnect()
    theirs.disconnect()
  })

  it("a new alert threshold reaches the city's other open pages as city:changed naming no school, and not another city's", async () => {
    const saving = await new Client(server).login('a-city')
    const watching = await new Client(server).login('a-city')
    const other = await new Client(server).login('b-city')
    const page: TestSocket = await watching.socket()
    const otherPage: TestSocket = await other.socket()
    const heard: { cityId: number; schoolIds: number[] }[] = []
    const heardElsewhere: { cityId: number; schoolIds: number[] }[] = []
    page.on('city:changed', (e) => heard.push(e))
    otherPage.on('city:changed', (e) => heardElsewhere.push(e))
    try {
      expect((await saving.request('PUT', '/api/city/settings', { absenceAlertPercent: 41 })).status).toBe(200)
      await vi.waitFor(() => expect(heard).toContainEqual({ cityId: ids.cityA, schoolIds: [] }), { timeout: 10_000, interval: 50 })
      // The page's re-read has the new threshold.
      expect((await day(watching)).alertPercent).toBe(41)
      // The other city's own save reaches its page after anything sent there before it: nothing of the first city's came.
      expect((await other.request('PUT', '/api/city/settings', { absenceAlertPercent: 20 })).status).toBe(200)
      await vi.waitFor(() => expect(heardElsewhere).toContainEqual({ cityId: ids.cityB, schoolIds: [] }), { timeout: 10_000, interval: 50 })
      expect(heardElsewhere.filter((e) => e.cityId !== ids.cityB)).toEqual([])
    } finally {
      await saving.request('PUT', '/api/city/settings', { absenceAlertPercent: 20 })
      page.disconnect()
      otherPage.disconnect()
    }
  })

  it('gathers a burst of changes of a city into one event', async () => {
    const emitted: { room: string; event: { cityId: number; schoolIds: number[] } }[] = []
    const notify = cityNotifier(db.sql, silentLog, (room, event) => emitted.push({ room, event }), 1000)
    // The first change looks the school's city up; the rest of the burst is known.
    notify(ids.x)
    notify(ids.y)
    notify(ids.z)
    await vi.waitFor(() => expect(emitted.length).toBe(2), { timeout: 5000, interval: 50 })
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    try {
      for (let i = 0; i < 20; i++) notify(i % 2 ? ids.x : ids.y)
      notify(ids.z)
      expect(emitted.length).toBe(2)
      vi.advanceTimersByTime(1000)
    } finally {
      vi.useRealTimers()
    }
    expect(emitted.slice(2)).toEqual([
      { room: `city:${ids.cityA}`, event: { cityId: ids.cityA, schoolIds: [ids.x, ids.y].sort((a, b) => a - b) } },
      { room: `city:${ids.cityB}`, event: { cityId: ids.cityB, schoolIds: [ids.z] } },
    ])
  })
})

describe('no pupil data at the city level', () => {
  it('no name, reading, note or message of a pupil and no pupil key in any payload above', async () => {
    expect(seen.length).toBeGreaterThan(10)
    const all = seen.join('\n')
    for (const s of [FAMILY, FAMILY_KANA, ...GIVEN, ...SECRETS]) expect(all, s).not.toContain(s)
    expect(all).not.toMatch(/pupil/i)
  })
})
