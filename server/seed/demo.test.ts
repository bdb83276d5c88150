import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isSchoolDay, schoolDaysBetween } from '../../shared/domain/calendar.js'
import { verifyPassword } from '../auth/password.js'
import { hashToken, newToken, normaliseHumanCode } from '../auth/tokens.js'
import { ManualClock } from '../clock.js'
import { deviceForToken, redeemPairingCode, revokeBoardDevice } from '../data/boardDevices.js'
import { calendarRules, schoolYearOn } from '../data/schools.js'
import type { Database } from '../db/types.js'
import { loadEntries } from '../day/entries.js'
import { testDatabase } from '../test/db.js'
import { Client, startTestServer } from '../test/server.js'
import { DEMO_BOARD_NAME, DEMO_LOGINS, DEMO_PASSWORD, isDatabaseEmpty, renewDemoPairingCode, seedDemo } from './demo.js'

const TODAY = '2026-11-30' // a Monday; 11-03 文化の日 and 11-23 勤労感謝の日 fall in the history
let db: Database
let schoolId: number

beforeAll(async () => {
  db = await testDatabase()
  expect(await isDatabaseEmpty(db.sql)).toBe(true)
  schoolId = await seedDemo(db.sql, new ManualClock(Date.parse(`${TODAY}T07:00:00+09:00`)))
})
afterAll(async () => {
  await db?.close()
})

/** Pupils of the school year containing `date`, with class and number. */
async function roster(d: Database, date: string) {
  return d.sql<{ pupilId: number; classId: number; grade: number; className: string; attendanceNumber: number; familyName: string; givenName: string; familyKana: string; givenKana: string }[]>`
    select p.id as pupil_id, c.id as class_id, c.grade, c.name as class_name, m.attendance_number, p.family_name, p.given_name, p.family_kana, p.given_kana
    from class_membership m join school_year y on y.id = m.school_year_id join school_class c on c.id = m.class_id join pupil p on p.id = m.pupil_id
    where ${date}::date between y.starts_on and y.ends_on
    order by c.grade, c.sort_order, m.attendance_number`
}

describe('the demo school', () => {
  it('is seeded in one go, and seeding again finds it instead of a second school', async () => {
    expect(await isDatabaseEmpty(db.sql)).toBe(false)
    const again = await seedDemo(db.sql, new ManualClock(Date.parse(`${TODAY}T07:05:00+09:00`)))
    expect(again).toBe(schoolId)
    const [schools] = await db.sql<{ n: number }[]>`select count(*)::int as n from school`
    expect(schools!.n).toBe(1)
  })

  it('has twelve classes of 25–28 pupils, about 310 in all, numbered 1..n in 五十音順', async () => {
    const pupils = await roster(db, TODAY)
    expect(pupils.length).toBeGreaterThanOrEqual(290)
    expect(pupils.length).toBeLessThanOrEqual(330)
    const byClass = new Map<number, (typeof pupils)[number][]>()
    for (const p of pupils) byClass.set(p.classId, [...(byClass.get(p.classId) ?? []), p])
    expect(byClass.size).toBe(12)
    expect(new Set(pupils.map((p) => `${p.grade}年${p.className}`))).toEqual(new Set([1, 2, 3, 4, 5, 6].flatMap((g) => [`${g}年1組`, `${g}年2組`])))
    const collator = new Intl.Collator('ja')
    for (const members of byClass.values()) {
      expect(members.length).toBeGreaterThanOrEqual(25)
      expect(members.length).toBeLessThanOrEqual(28)
      expect(members.map((m) => m.attendanceNumber)).toEqual(members.map((_, i) => i + 1))
      for (let i = 1; i < members.length; i++) {
        const a = members[i - 1]!
        const b = members[i]!
        expect(collator.compare(a.familyKana, b.familyKana) || collator.compare(a.givenKana, b.givenKana)).toBeLessThanOrEqual(0)
      }
    }
    expect(pupils.every((p) => /^[ぁ-ゖー]+$/.test(p.familyKana + p.givenKana))).toBe(true)
  })

  it('has a real calendar: the vacations of the standard template, so 12/28 takes no report and the year has ~200 授業日', async () => {
    const year = (await schoolYearOn(db.sql, schoolId, TODAY))!
    const rules = await calendarRules(db.sql, schoolId, year.startsOn, year.endsOn)
    const labels = await db.sql<{ date: string; label: string }[]>`select date, label from calendar_day where school_id = ${schoolId} and date in ('2026-04-02', '2026-08-03', '2026-12-28', '2027-03-29')`
    expect(labels.map((l) => l.label).sort()).toEqual(['冬休み', '夏休み', '学年末休業', '春休み'].sort())
    expect(isSchoolDay('2026-12-28', rules)).toBe(false)
    expect(isSchoolDay('2026-12-25', rules)).toBe(true)
    const schoolDays = schoolDaysBetween(year.startsOn, year.endsOn, rules).length
    expect(schoolDays).toBeLessThan(244)
    expect(schoolDays).toBeGreaterThanOrEqual(195)
    expect(schoolDays).toBeLessThanOrEqual(210)

    const server = await startTestServer(db)
    try {
      const guardian = await new Client(server).login(DEMO_LOGINS['保護者 (guardian)']!, DEMO_PASSWORD)
      const child = (await guardian.get('/api/guardian/home')).body.children[0]
      const reason = (await db.sql<{ id: number }[]>`select id from school_reason where school_id = ${schoolId} order by sort_order limit 1`)[0]!.id
      const report = await guardian.post('/api/guardian/reports', {
        idempotencyKey: 'demo-winter-break-1', pupilIds: [child.pupilId], kind: 'absent', fromDate: '2026-12-28', toDate: '2026-12-28',
        reasonId: reason, symptoms: [], temperature: null, message: '',
      })
      expect([report.status, report.body.error?.code]).toEqual([422, 'NOT_A_SCHOOL_DAY'])
    } finally {
      await server.close()
    }
  })

  it('has ~32 staff with every role, one homeroom teacher per class and the printed logins', async () => {
    const staff = await db.sql<{ loginId: string; roles: string[]; passwordHash: string }[]>`select login_id, roles, password_hash from staff where school_id = ${schoolId}`
    expect(staff.length).toBeGreaterThanOrEqual(28)
    expect(staff.length).toBeLessThanOrEqual(36)
    expect(new Set(staff.flatMap((s) => s.roles))).toEqual(new Set(['admin', 'principal', 'vice_principal', 'teacher', 'support', 'nurse']))
    const login = (id: string) => staff.find((s) => s.loginId === id)
    expect(login('kyoto')?.roles).toEqual(['vice_principal'])
    expect(login('admin')?.roles).toEqual(['admin'])
    expect(await verifyPassword(DEMO_PASSWORD, login('kyoto')!.passwordHash)).toBe(true)

    const homerooms = await db.sql<{ label: string; loginId: string }[]>`
      select c.grade || '年' || c.name as label, s.login_id from homeroom_assignment h
      join school_class c on c.id = h.class_id join staff s on s.id = h.staff_id where h.school_id = ${schoolId}`
    expect(homerooms).toHaveLength(12)
    expect(homerooms.find((h) => h.loginId === 't-1-1')?.label).toBe('1年1組')

    const guardianLogins = new Set((await db.sql<{ loginId: string }[]>`select login_id from guardian`).map((g) => g.loginId))
    for (const id of Object.values(DEMO_LOGINS)) expect(!!login(id) || guardianLogins.has(id), id).toBe(true)
  })

  it('gives every pupil a guardian, and sibling families span classes', async () => {
    const [orphans] = await db.sql<{ n: number }[]>`
      select count(*)::int as n from pupil p where p.school_id = ${schoolId}
        and not exists (select 1 from guardian_pupil g where g.pupil_id = p.id)`
    expect(orphans!.n).toBe(0)
    const families = await db.sql<{ guardianId: number; children: number; classes: number }[]>`
      select g.guardian_id, count(*)::int as children, count(distinct m.class_id)::int as classes
      from guardian_pupil g join class_membership m on m.pupil_id = g.pupil_id
      join school_year y on y.id = m.school_year_id and ${TODAY}::date between y.starts_on and y.ends_on
      where g.school_id = ${schoolId} group by g.guardian_id`
    expect(families.length).toBeGreaterThanOrEqual(180)
    expect(families.length).toBeLessThanOrEqual(260)
    expect(families.filter((f) => f.children >= 2 && f.classes === f.children).length).toBeGreaterThanOrEqual(30)
    expect(families.some((f) => f.children === 3)).toBe(true)
  })

  it('gives hogosha1 two children in different classes (one in 1年1組) and hogosha2 one in 1年1組', async () => {
    const children = (login: string) => db.sql<{ label: string }[]>`
      select c.grade || '年' || c.name as label from guardian g join guardian_pupil gp on gp.guardian_id = g.id
      join class_membership m on m.pupil_id = gp.pupil_id join school_class c on c.id = m.class_id
      join school_year y on y.id = m.school_year_id and ${TODAY}::date between y.starts_on and y.ends_on
      where g.login_id = ${login} order by c.grade`
    const one = (await children('hogosha1')).map((c) => c.label)
    expect(one).toHaveLength(2)
    expect(one[0]).toBe('1年1組')
    expect(one[1]).not.toBe('1年1組')
    expect((await children('hogosha2')).map((c) => c.label)).toEqual(['1年1組'])
    const [history] = await db.sql<{ n: number }[]>`
      select count(*)::int as n from guardian_report r join guardian g on g.id = r.guardian_id where g.login_id = 'hogosha1'`
    expect(history!.n).toBeGreaterThan(0)
  })

  it('has four weeks of reports on school days only, as createReports writes them, mostly acknowledged', async () => {
    const rules = await calendarRules(db.sql, schoolId, '2026-10-01', '2026-12-31')
    const marks = await db.sql<{ date: string; pupilId: number; reportId: number | null; source: string; hasDay: boolean; kind: string; isLate: boolean; isEarlyLeave: boolean; absentLike: boolean }[]>`
      select l.date, l.pupil_id, l.report_id, l.source, r.kind, c.is_late, c.is_early_leave, (c.counts_absent or c.excused) as absent_like,
             exists (select 1 from guardian_report_day d where d.report_id = l.report_id and d.date = l.date and d.pupil_id = l.pupil_id) as has_day
      from attendance_log l join guardian_report r on r.id = l.report_id join attendance_code c on c.id = l.code_id
      where l.school_id = ${schoolId}`
    const [all] = await db.sql<{ n: number }[]>`select count(*)::int as n from attendance_log where school_id = ${schoolId}`
    expect(marks).toHaveLength(all!.n)
    expect(marks.every((m) => m.source === 'guardian' && m.hasDay)).toBe(true)
    for (const m of marks) expect(m.kind === 'late' ? m.isLate : m.kind === 'early_leave' ? m.isEarlyLeave : m.absentLike, `${m.kind} ${m.date}`).toBe(true)

    const days = await db.sql<{ date: string }[]>`select distinct date from guardian_report_day where school_id = ${schoolId} order by date`
    expect(days.every((d) => isSchoolDay(d.date, rules))).toBe(true)
    const past = days.filter((d) => d.date < TODAY)
    expect(past.length).toBeGreaterThanOrEqual(18)
    expect(past[0]!.date < '2026-11-03').toBe(true) // the holidays are inside the window, yet empty

    const pupils = (await roster(db, TODAY)).length
    for (const { date } of past) {
      const away = new Set(marks.filter((m) => m.date === date).map((m) => m.pupilId)).size
      expect(away / pupils, date).toBeGreaterThanOrEqual(0.02)
      expect(away / pupils, date).toBeLessThanOrEqual(0.07)
    }

    const [acks] = await db.sql<{ past: number; acknowledged: number }[]>`
      select count(*)::int as past, count(a.report_id)::int as acknowledged
      from guardian_report r left join report_acknowledgement a on a.report_id = r.id
      where r.school_id = ${schoolId} and r.from_date < ${TODAY}`
    expect(acks!.acknowledged / acks!.past).toBeGreaterThan(0.85)
    const [late] = await db.sql<{ n: number }[]>`
      select count(*)::int as n from guardian_report where school_id = ${schoolId} and submitted_at > ${`${TODAY}T07:00:00+09:00`}`
    expect(late!.n).toBe(0) // nothing was submitted after "now"
  })

  it('fills today’s board, with 連続 and 累計 badges, and the next school day', async () => {
    const year = (await schoolYearOn(db.sql, schoolId, TODAY))!
    const today = await loadEntries(db.sql, schoolId, year, TODAY)
    expect(today.length).toBeGreaterThanOrEqual(5)
    expect(today.some((e) => (e.consecutiveAbsences ?? 0) >= 3)).toBe(true)
    expect(today.some((e) => (e.cumulativeAbsences ?? 0) >= 10)).toBe(true)
    expect(today.some((e) => e.reports.some((r) => !r.acknowledgedAt))).toBe(true)
    expect((await loadEntries(db.sql, schoolId, year, '2026-12-01')).length).toBeGreaterThan(0)
  })

  it('issues a board pairing code that pairs, and renewing it keeps a paired board paired', async () => {
    const clock = new ManualClock(Date.parse(`${TODAY}T07:30:00+09:00`))
    const iso = () => new Date(clock.now()).toISOString()
    const codeOf = (path: string) => normaliseHumanCode(new URLSearchParams(path.split('?')[1]).get('pair')!)

    const first = await renewDemoPairingCode(db.sql, clock)
    expect(first).toMatchObject({ schoolId, path: expect.stringMatching(/^\/board\/\?pair=[0-9A-Z-]+$/), pendingName: DEMO_BOARD_NAME, paired: [] })
    const token = newToken()
    const deviceId = await redeemPairingCode(db.sql, hashToken(codeOf(first!.path)), hashToken(token), iso())
    expect(deviceId).not.toBeNull()
    const [device] = await db.sql<{ name: string; createdBy: string }[]>`
      select d.name, s.login_id as created_by from board_device d join staff s on s.id = d.created_by where d.id = ${deviceId!}`
    expect(device).toEqual({ name: DEMO_BOARD_NAME, createdBy: 'admin' })
    expect(await deviceForToken(db.sql, hashToken(token))).toEqual({ id: deviceId, schoolId })

    // The next start offers a second display; pairing it leaves the first paired.
    const second = await renewDemoPairingCode(db.sql, clock)
    expect(second!.path).not.toBe(first!.path)
    expect(second).toMatchObject({ pendingName: 'デモ モニター2', paired: [{ name: DEMO_BOARD_NAME }] })
    expect(await redeemPairingCode(db.sql, hashToken(codeOf(first!.path)), hashToken(newToken()), iso())).toBeNull()
    const secondToken = newToken()
    const secondId = await redeemPairingCode(db.sql, hashToken(codeOf(second!.path)), hashToken(secondToken), iso())
    expect(secondId).not.toBeNull()
    expect(secondId).not.toBe(deviceId)
    expect(await deviceForToken(db.sql, hashToken(token))).toEqual({ id: deviceId, schoolId })
    expect(await deviceForToken(db.sql, hashToken(secondToken))).toEqual({ id: secondId, schoolId })

    // An unused link expires; a restart renews the same pending display rather than adding more.
    const third = await renewDemoPairingCode(db.sql, clock)
    expect(third!.paired.map((d) => d.name)).toEqual([DEMO_BOARD_NAME, 'デモ モニター2'])
    clock.advance(31 * 60_000)
    expect(await redeemPairingCode(db.sql, hashToken(codeOf(third!.path)), hashToken(newToken()), iso())).toBeNull()
    expect((await renewDemoPairingCode(db.sql, clock))!.pendingName).toBe(third!.pendingName)

    // Unpairing one display leaves the other.
    await revokeBoardDevice(db.sql, schoolId, deviceId!, iso())
    expect(await deviceForToken(db.sql, hashToken(token))).toBeNull()
    expect(await deviceForToken(db.sql, hashToken(secondToken))).toEqual({ id: secondId, schoolId })
    expect((await renewDemoPairingCode(db.sql, clock))!.paired.map((d) => d.name)).toEqual(['デモ モニター2'])
  })
})

describe('the demo seeded in early April', () => {
  let april: Database
  beforeAll(async () => {
    april = await testDatabase()
  })
  afterAll(async () => {
    await april?.close()
  })

  it('has no pairing code without a demo school', async () => {
    expect(await renewDemoPairingCode(april.sql, new ManualClock(0))).toBeNull()
  })

  it('has the same people, and last school year’s classes for the history before April 1', async () => {
    const aprilSchool = await seedDemo(april.sql, new ManualClock(Date.parse('2027-04-08T07:30:00+09:00')))
    const people = (rows: Awaited<ReturnType<typeof roster>>) => rows.map((p) => [p.grade, p.className, p.attendanceNumber, p.familyName, p.givenName, p.givenKana].join(' '))
    expect(people(await roster(april, '2027-04-08'))).toEqual(people(await roster(db, TODAY)))

    const years = await april.sql<{ fiscalYear: number }[]>`select fiscal_year from school_year where school_id = ${aprilSchool} order by fiscal_year`
    expect(years.map((y) => y.fiscalYear)).toEqual([2026, 2027])
    // Every marked day has the pupil in a class of that day's school year (1st graders only from April).
    const [unplaced] = await april.sql<{ n: number; before: number }[]>`
      select count(*) filter (where not exists (
               select 1 from class_membership m join school_year y on y.id = m.school_year_id
               where m.pupil_id = l.pupil_id and l.date between y.starts_on and y.ends_on))::int as n,
             count(*) filter (where l.date < '2027-04-01')::int as before
      from attendance_log l where l.school_id = ${aprilSchool}`
    expect(unplaced!.before).toBeGreaterThan(0)
    expect(unplaced!.n).toBe(0)
  })
})
