import { addDays, fiscalYearOf } from '../../shared/time/schoolTime.js'
import { createYearWithCalendar } from '../calendar/templates.js'
import { createCityAdmin, createOrganisation } from '../data/organisations.js'
import { appendMarks, type MarkRow } from '../data/reports.js'
import { createSchool, createStaff } from '../data/schoolSetup.js'
import type { Q, Sql } from '../db/types.js'
import { beginChange } from '../realtime/changes.js'
import { schoolDaysOf } from '../register/counts.js'
import { schoolNow } from '../reports/schoolDates.js'
import type { PlannedSubmission } from './demoHistory.js'
import { absenceText, earlyLeaveText, lateText, suspensionText, type ReportText } from './demoTexts.js'
import { chunks, writeHistory } from './historyWriter.js'
import { BOY_NAMES, FAMILY_NAMES, GIRL_NAMES } from './names.js'
import { Random } from './random.js'
import { analyzeAfterBulkLoad } from '../db/analyze.js'

/**
 * A demo city for the board of education's view and the benchmarks (`npm run seed -- --city N`):
 * N elementary schools of 300–1,000 pupils with the school year's history up to today, written
 * in bulk. Most days 3–4 % of pupils are away; in the last school days a flu wave runs through
 * some classes of about one school in five (a few over 20 % away, two of them in 学級閉鎖),
 * with 出席停止 for the pupils who caught it; a few long absentees cross 30 days; the last three
 * school days come as guardian reports with reasons and symptoms; today's rolls are taken at
 * 8:30 except in a few schools that are late with one to three classes.
 */

export const CITY_ADMIN_LOGIN = 'city-admin'

export interface CitySeedOptions {
  schools: number
  nowMs: number
  /** Hashed once by the caller: scrypt is slow on purpose. */
  passwordHash: string
  seed?: number
  cityName?: string
  /** Progress lines (one per school). */
  progress?: (line: string) => void
}

export interface SeededCity {
  organisationId: number
  cityAdminId: number
  schoolIds: number[]
  pupils: number
  marks: number
  reports: number
}

const STEMS = ['桜', '若葉', '緑ヶ丘', '中央', '東', '西', '南', '北', '旭', '青葉', '富士見', '栄', '本町', '泉', '松原', '柏', '宮前', '港', '川辺', '山手', '日の出', '白鳥', '朝日', '春日', '明星']
const KANJI_NUMBERS = ['', '第二', '第三', '第四', '第五', '第六', '第七', '第八', '第九', '第十']
/** The flu wave: its last school days (today included). */
const WAVE_DAYS = 6
/** School days at the end that come as guardian reports (with reasons and symptoms), not bare marks. */
const REPORTED_DAYS = 3

type Code = 'absent_sick' | 'absent_other' | 'late' | 'early_leave' | 'suspension_infection' | 'bereavement' | 'not_arrived'

export function citySchoolName(cityName: string, i: number): string {
  const stem = STEMS[i % STEMS.length]!
  return `${cityName}立${stem}${KANJI_NUMBERS[Math.floor(i / STEMS.length)] ?? `第${Math.floor(i / STEMS.length) + 1}`}小学校`
}

export async function seedCity(sql: Sql, o: CitySeedOptions): Promise<SeededCity> {
  const cityName = o.cityName ?? '朝顔市'
  const seed = o.seed ?? 20261202
  const organisationId = await createOrganisation(sql, { kind: 'municipality', name: cityName })
  const cityAdminId = await createCityAdmin(sql, { organisationId, loginId: CITY_ADMIN_LOGIN, passwordHash: o.passwordHash, familyName: '教育委員会', givenName: '学務課' })
  const out: SeededCity = { organisationId, cityAdminId, schoolIds: [], pupils: 0, marks: 0, reports: 0 }
  // The classes that close today: the first hot classes of the first two schools the wave hits.
  let closuresLeft = 2
  for (let i = 0; i < o.schools; i++) {
    const started = Date.now()
    const r = await sql.begin((tx) => seedSchool(tx, {
      ...o, organisationId, i, rnd: new Random(seed + i * 7919), name: citySchoolName(cityName, i),
      schoolCode: `B1${String(organisationId % 100).padStart(2, '0')}${String(i + 1).padStart(9, '0')}`,
      closeOne: () => closuresLeft-- > 0,
    }))
    out.schoolIds.push(r.schoolId)
    out.pupils += r.pupils
    out.marks += r.marks
    out.reports += r.reports
    o.progress?.(`  ${String(i + 1).padStart(3)}/${o.schools} ${citySchoolName(cityName, i)}: ${r.pupils} pupils, ${r.marks} marks (${Date.now() - started} ms)`)
  }
  await analyzeAfterBulkLoad(sql)
  return out
}

interface SchoolInput extends CitySeedOptions {
  organisationId: number
  i: number
  rnd: Random
  name: string
  schoolCode: string
  closeOne: () => boolean
}

async function seedSchool(tx: Q, o: SchoolInput): Promise<{ schoolId: number; pupils: number; marks: number; reports: number }> {
  const { rnd } = o
  const { today, time } = schoolNow(o.nowMs)
  const fy = fiscalYearOf(today)
  const schoolId = await createSchool(tx, { name: o.name, organisationId: o.organisationId, schoolCode: o.schoolCode })
  const yearId = await createYearWithCalendar(tx, schoolId, fy, 'standard')
  const adminId = await createStaff(tx, { schoolId, loginId: `c${o.organisationId}-s${o.i + 1}-admin`, passwordHash: o.passwordHash, familyName: '管理', givenName: `${o.i + 1}`, roles: ['admin', 'vice_principal'] })

  // 300–1,000 pupils: two to five classes a grade of 25–33.
  const perGrade = rnd.int(2, 5)
  const classRows = [1, 2, 3, 4, 5, 6].flatMap((grade) => Array.from({ length: perGrade }, (_, k) => ({ schoolId, schoolYearId: yearId, grade, name: `${k + 1}組`, sortOrder: k + 1 })))
  const classes = await tx<{ id: number; grade: number }[]>`insert into school_class ${tx(classRows)} returning id, grade`
  const pupilRows: { schoolId: number; familyName: string; givenName: string; familyKana: string; givenKana: string; enrolledOn: string; classId: number; attendanceNumber: number }[] = []
  for (const c of classes) {
    const size = rnd.int(25, 33)
    for (let n = 1; n <= size; n++) {
      const family = rnd.pick(FAMILY_NAMES)
      const given = rnd.pick(rnd.chance(0.5) ? BOY_NAMES : GIRL_NAMES)
      pupilRows.push({ schoolId, familyName: family.kanji, givenName: given.kanji, familyKana: family.kana, givenKana: given.kana, enrolledOn: `${fy - (c.grade - 1)}-04-01`, classId: c.id, attendanceNumber: n })
    }
  }
  const pupils: { id: number; classId: number }[] = []
  for (const part of chunks(pupilRows, 1000)) {
    const ids = await tx<{ id: number }[]>`insert into pupil ${tx(part.map(({ classId: _, attendanceNumber: __, ...p }) => p))} returning id`
    const members = part.map((p, k) => ({ schoolId, schoolYearId: yearId, pupilId: ids[k]!.id, classId: p.classId, attendanceNumber: p.attendanceNumber }))
    await tx`insert into class_membership ${tx(members)}`
    pupils.push(...members.map((m) => ({ id: m.pupilId, classId: m.classId })))
  }

  const days = await schoolDaysOf(tx, schoolId, `${fy}-04-01`, today)
  const todayIsSchoolDay = days.at(-1) === today
  const wave = new Set(days.slice(-WAVE_DAYS))
  const reported = new Set(days.slice(-REPORTED_DAYS))
  // About one school in five has the flu in one or two classes.
  const hot = new Set(rnd.chance(0.2) ? rnd.shuffle(classes).slice(0, rnd.int(1, 2)).map((c) => c.id) : [])
  const waveDays = days.slice(-WAVE_DAYS)
  const closed = [...hot].slice(0, 1).filter(() => todayIsSchoolDay && o.closeOne())

  const plan = new Map<number, Map<string, Code>>()
  for (const p of pupils) {
    const mine = new Map<string, Code>()
    // A few long absentees (30 days = 長期欠席 by the winter).
    const rate = rnd.chance(0.012) ? 0.22 : 0.025
    // The wave grows towards today.
    const fluRisk = (date: string) => (hot.has(p.classId) ? 0.04 + 0.01 * waveDays.indexOf(date) : 0.0015)
    let suspended = 0
    for (const date of days) {
      if (suspended > 0) { suspended--; mine.set(date, 'suspension_infection'); continue }
      if (wave.has(date) && rnd.chance(fluRisk(date))) {
        // Fever first, then 出席停止 once the doctor says influenza.
        mine.set(date, 'absent_sick')
        suspended = rnd.int(3, 4)
        continue
      }
      const x = rnd.next()
      if (x < rate * 0.8) mine.set(date, 'absent_sick')
      else if (x < rate) mine.set(date, 'absent_other')
      else if (x < rate + 0.012) mine.set(date, 'late')
      else if (x < rate + 0.016) mine.set(date, 'early_leave')
      else if (x < rate + 0.0165) { mine.set(date, 'suspension_infection'); suspended = rnd.int(2, 4) }
      else if (x < rate + 0.0172) mine.set(date, 'bereavement')
    }
    plan.set(p.id, mine)
  }

  const codes = new Map((await tx<{ id: number; code: string }[]>`select id, code from attendance_code where school_id = ${schoolId}`).map((c) => [c.code, c.id]))
  const seq = await beginChange(tx, schoolId)
  const at = (date: string, hhmm: string) => `${date}T${hhmm}:00+09:00`
  const teacherMark = (pupilId: number, date: string, code: Code, hhmm = '08:40'): MarkRow => ({
    schoolId, seq, pupilId, date, codeId: codes.get(code)!, suggestedCodeId: null, source: 'teacher', actorStaffId: adminId,
    actorGuardianId: null, reportId: null, atTime: null, note: '', recordedAt: at(date, hhmm),
  })

  // Older days: the register's marks as the teachers left them.
  const marks: MarkRow[] = []
  for (const [pupilId, mine] of plan) for (const [date, code] of mine) if (!reported.has(date)) marks.push(teacherMark(pupilId, date, code))

  // The last days: guardian reports, one guardian per family that reported.
  const classOf = new Map(pupils.map((p) => [p.id, p.classId]))
  const recent = [...plan].flatMap(([pupilId, mine]) => [...mine].filter(([date]) => reported.has(date)).map(([date, code]) => ({ pupilId, date, code })))
  const families = [...new Set(recent.map((x) => x.pupilId))]
  const guardianOf = new Map<number, number>()
  for (const part of chunks(families, 500)) {
    const ids = await tx<{ id: number }[]>`insert into guardian ${tx(part.map((pupilId) => ({ loginId: `c${o.organisationId}-g${pupilId}`, passwordHash: o.passwordHash, familyName: '保護者', givenName: `${pupilId}` })))} returning id`
    await tx`insert into guardian_pupil ${tx(part.map((pupilId, k) => ({ schoolId, guardianId: ids[k]!.id, pupilId, relationship: '母' })))}`
    part.forEach((pupilId, k) => guardianOf.set(pupilId, ids[k]!.id))
  }
  const nowIso = new Date(o.nowMs).toISOString()
  const submissions: PlannedSubmission[] = recent.map(({ pupilId, date, code }) => {
    const text: ReportText & { time?: string } =
      code === 'late' ? lateText(rnd)
      : code === 'early_leave' ? earlyLeaveText(rnd)
      : code === 'suspension_infection' ? suspensionText(rnd, 'インフルエンザ', monthDay(addDays(date, 4)))
      : code === 'bereavement' ? { reason: '忌引', message: '', symptoms: [], temperature: null }
      : code === 'absent_other' ? absenceText(rnd, rnd.pick(['通院', '家庭の事情']))
      : absenceText(rnd, wave.has(date) && hot.has(classOf.get(pupilId)!) ? '発熱' : rnd.pick(['発熱', 'かぜ症状', '腹痛', '頭痛']))
    // Sent the evening before or early that morning, never after now.
    const sent = date === today ? new Date(Math.min(o.nowMs - rnd.int(5, 90) * 60_000, Date.parse(at(date, '07:55')))).toISOString() : at(addDays(date, -1), `2${rnd.int(0, 2)}:${String(rnd.int(10, 59))}`)
    return {
      guardianId: guardianOf.get(pupilId)!, submittedAt: sent < nowIso ? sent : nowIso,
      reports: [{ ...text, pupilId, kind: code === 'late' ? 'late' : code === 'early_leave' ? 'early_leave' : 'absent', days: [date], time: text.time ?? null, ack: null }],
    }
  })
  const written = await writeHistory(tx, schoolId, seq, submissions)

  // Today's roll, once its time has come: a few schools are late with some classes.
  const rollLate = o.i % 9 === 4 ? new Set(rnd.shuffle(classes).slice(0, rnd.int(1, 3)).map((c) => c.id)) : new Set<number>()
  const rollTimeReached = time >= '08:30'
  if (todayIsSchoolDay && rollTimeReached) {
    const taken = classes.filter((c) => !rollLate.has(c.id) && !closed.includes(c.id))
    if (taken.length) await tx`insert into roll_call ${tx(taken.map((c) => ({ schoolId, classId: c.id, date: today, staffId: adminId, takenAt: at(today, `08:${String(rnd.int(15, 29))}`) })))}`
    // A pupil or two per school not in the room and not reported: 未登校.
    for (const p of pupils) {
      if (rollLate.has(p.classId) || closed.includes(p.classId) || plan.get(p.id)!.has(today) || !rnd.chance(0.004)) continue
      marks.push(teacherMark(p.id, today, 'not_arrived', '08:30'))
    }
  }
  for (const part of chunks(marks, 2000)) await appendMarks(tx, part)
  for (const classId of closed) {
    await tx`insert into class_closure (school_id, school_year_id, class_id, from_date, to_date, label, created_by)
      values (${schoolId}, ${yearId}, ${classId}, ${today}, ${addDays(today, 2)}, '学級閉鎖(インフルエンザ)', ${adminId})`
  }
  return { schoolId, pupils: pupils.length, marks: marks.length + written.marks, reports: written.reports }
}

function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}
