import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import { isSchoolDay, schoolDaysBetween } from '../../shared/domain/calendar.js'
import { addDays, fiscalYearOf, schoolDateOf } from '../../shared/time/schoolTime.js'
import { hashPassword } from '../auth/password.js'
import { hashToken, newHumanCode, normaliseHumanCode } from '../auth/tokens.js'
import type { Clock } from '../clock.js'
import { calendarRules, hasSchool } from '../data/schools.js'
import type { Q, Sql } from '../db/types.js'
import { beginChange } from '../realtime/changes.js'
import { CLASS_NOS, GRADES, planPeople, planStaff, type PlannedPupil } from './demoPeople.js'
import { planHistory, type HistoryPupil } from './demoHistory.js'
import { chunks, writeHistory } from './historyWriter.js'
import { Random } from './random.js'
import { createClass, createGuardian, createPupil, createSchool, createStaff, linkGuardian } from '../data/schoolSetup.js'
import { createOrganisation } from '../data/organisations.js'
import { createYearWithCalendar } from '../calendar/templates.js'

/**
 * The demo school a fresh install starts with (ASAGAO_DEMO=auto, or `npm run seed -- --demo`):
 * a two-class-per-grade elementary school of ~310 pupils with staff, guardians and a few weeks
 * of guardian reports, so every page has something real to show on first start.
 *
 * The demo school is recognised by its name: the city is fictional, so no real school has it.
 */
export const DEMO_SCHOOL_NAME = '朝顔市立ひまわり小学校'
export const DEMO_CITY_NAME = '朝顔市'
export const DEMO_BOARD_NAME = 'デモ 職員室モニター'
/** Every demo account has this password. */
export const DEMO_PASSWORD = 'asagao-demo'
/** The accounts printed at start: label (Japanese, then English) → login id. */
export const DEMO_LOGINS: Record<string, string> = {
  '教頭 (vice-principal)': 'kyoto',
  '1年1組 担任 (teacher)': 't-1-1',
  '管理者 (admin)': 'admin',
  '保護者 (guardian, 2 children)': 'hogosha1',
  '保護者 (guardian)': 'hogosha2',
}

const PAIRING_MINUTES = 30
// Separate seeds, so the people stay the same whatever day the history is drawn for.
const PEOPLE_SEED = 20260401
const STAFF_SEED = 20260402
const HISTORY_SEED = 20260403
/** History covers the last ~4 weeks of school days; calendar days searched back for them. */
const HISTORY_SCHOOL_DAYS = 20
const HISTORY_LOOKBACK_DAYS = 45

/** True when no school exists yet: the server then creates the demo school. */
export async function isDatabaseEmpty(sql: Q): Promise<boolean> {
  return !(await hasSchool(sql))
}

/** Creates the demo school in one transaction and returns its id (the existing one's, if it is already there). */
export async function seedDemo(sql: Sql, clock: Clock): Promise<number> {
  // scrypt is deliberately slow: hash once, outside the transaction, for every demo account.
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const nowMs = clock.now()
  const today = schoolDateOf(nowMs, SCHOOL_ZONE)
  const fiscalYear = fiscalYearOf(today)
  const people = planPeople(new Random(PEOPLE_SEED))
  const staff = planStaff(new Random(STAFF_SEED))

  return sql.begin(async (tx) => {
    // Two servers starting together on an empty database: the second waits, then finds the first's school.
    await tx`select pg_advisory_xact_lock(7243002)`
    const [existing] = await tx<{ id: number }[]>`select id from school where name = ${DEMO_SCHOOL_NAME} order by id limit 1`
    if (existing) return existing.id

    const organisationId = await createOrganisation(tx, { kind: 'municipality', name: DEMO_CITY_NAME })
    const schoolId = await createSchool(tx, { name: DEMO_SCHOOL_NAME, organisationId })
    // The demo's calendar is a real one: vacations from the standard template, national holidays.
    const year = { id: await createYearWithCalendar(tx, schoolId, fiscalYear, 'standard'), startsOn: `${fiscalYear}-04-01`, endsOn: `${fiscalYear + 1}-03-31` }
    const classIds = new Map<string, number>()
    for (const grade of GRADES) {
      for (const classNo of CLASS_NOS) {
        classIds.set(classKey(grade, classNo), await createClass(tx, { schoolId, schoolYearId: year.id, grade, name: `${classNo}組`, sortOrder: classNo }))
      }
    }

    const staffIds = new Map<string, number>()
    const homeroomOf = new Map<string, number>()
    for (const s of staff) {
      const homeroomClassId = s.homeroom ? classIds.get(classKey(s.homeroom.grade, s.homeroom.classNo)) : undefined
      const id = await createStaff(tx, { schoolId, loginId: s.loginId, passwordHash, familyName: s.familyName, givenName: s.givenName, roles: s.roles, homeroomClassId })
      staffIds.set(s.loginId, id)
      if (s.homeroom) homeroomOf.set(classKey(s.homeroom.grade, s.homeroom.classNo), id)
    }

    const pupilIds: number[] = []
    for (const p of people.pupils) {
      pupilIds.push(await createPupil(tx, {
        schoolId, schoolYearId: year.id, classId: classIds.get(classKey(p.grade, p.classNo))!, attendanceNumber: p.attendanceNumber,
        familyName: p.familyName, givenName: p.givenName, familyKana: p.familyKana, givenKana: p.givenKana,
        enrolledOn: enrolledOn(fiscalYear, p.grade),
      }))
    }

    const guardiansOf = new Map<number, number[]>()
    for (const g of people.guardians) {
      const guardianId = await createGuardian(tx, { loginId: g.loginId, passwordHash, familyName: g.familyName, givenName: g.givenName, email: g.email, phone: g.phone })
      for (const [i, p] of people.pupils.entries()) {
        if (p.family !== g.family) continue
        await linkGuardian(tx, { schoolId, guardianId, pupilId: pupilIds[i]!, relationship: g.relationship })
        guardiansOf.set(i, [...(guardiansOf.get(i) ?? []), guardianId])
      }
    }

    // No pairing code yet: renewDemoPairingCode issues one at every server start.
    await tx`insert into board_device (school_id, name, created_by) values (${schoolId}, ${DEMO_BOARD_NAME}, ${staffIds.get('admin')!})`

    // Guardian reports over the last weeks, today and the next school day.
    const from = addDays(today, -HISTORY_LOOKBACK_DAYS)
    const horizon = addDays(today, 10)
    const rules = await calendarRules(tx, schoolId, from, horizon)
    const pastDays = schoolDaysBetween(from, addDays(today, -1), rules).slice(-HISTORY_SCHOOL_DAYS)
    if (pastDays[0] && pastDays[0] < year.startsOn) {
      await createPreviousYear(tx, schoolId, fiscalYear - 1, people.pupils, pupilIds)
    }
    const historyPupils: HistoryPupil[] = people.pupils.map((p, i) => ({
      pupilId: pupilIds[i]!, family: p.family, grade: p.grade, enrolledOn: enrolledOn(fiscalYear, p.grade),
      guardianIds: guardiansOf.get(i)!, homeroomStaffId: homeroomOf.get(classKey(p.grade, p.classNo))!,
    }))
    const submissions = planHistory(new Random(HISTORY_SEED), {
      nowMs, timeZone: SCHOOL_ZONE, today, yearStartsOn: year.startsOn, pastDays,
      todayIsSchoolDay: isSchoolDay(today, rules),
      nextDay: schoolDaysBetween(addDays(today, 1), horizon, rules).find((d) => d <= year.endsOn) ?? null,
      pupils: historyPupils, vicePrincipalId: staffIds.get('kyoto')!,
    })
    // The whole seed is one committed change of the school: one sequence number.
    const seq = await beginChange(tx, schoolId)
    await writeHistory(tx, schoolId, seq, submissions)
    return schoolId
  })
}

/**
 * When "four weeks ago" falls before April 1, the dates belong to last school year: its
 * classes (one grade lower, same class) so those marks have a class to show in.
 */
async function createPreviousYear(tx: Q, schoolId: number, fiscalYear: number, pupils: PlannedPupil[], pupilIds: number[]): Promise<void> {
  const yearId = await createYearWithCalendar(tx, schoolId, fiscalYear, 'standard')
  const classIds = new Map<string, number>()
  for (const grade of GRADES.slice(0, -1)) {
    for (const classNo of CLASS_NOS) {
      classIds.set(classKey(grade, classNo), await createClass(tx, { schoolId, schoolYearId: yearId, grade, name: `${classNo}組`, sortOrder: classNo }))
    }
  }
  const rows = pupils.flatMap((p, i) => (p.grade === 1 ? [] : [{
    schoolId, schoolYearId: yearId, pupilId: pupilIds[i]!, classId: classIds.get(classKey(p.grade - 1, p.classNo))!, attendanceNumber: p.attendanceNumber,
  }]))
  for (const part of chunks(rows)) await tx`insert into class_membership ${tx(part)}`
}

/** What the start message says about the demo school's displays. */
export interface DemoPairing {
  schoolId: number
  /** The one-time link that pairs one more display. */
  path: string
  /** The display that link pairs. */
  pendingName: string
  /** Displays paired before, still paired. */
  paired: { name: string; pairedAt: string }[]
}

/**
 * Issues a fresh one-time pairing code (valid 30 minutes) for a display of the demo school
 * that is not paired yet, creating one when every display is paired, and returns its link
 * with the displays already paired; null when there is no demo school. Each display is its
 * own device: pairing another one never takes the token of one already paired.
 */
export async function renewDemoPairingCode(sql: Q, clock: Clock): Promise<DemoPairing | null> {
  const [school] = await sql<{ id: number }[]>`select id from school where name = ${DEMO_SCHOOL_NAME} order by id limit 1`
  if (!school) return null
  const devices = await sql<{ id: number; name: string; pairedAt: Date | null; tokenHash: string | null; revokedAt: Date | null; createdBy: number }[]>`
    select id, name, paired_at, token_hash, revoked_at, created_by from board_device where school_id = ${school.id} order by id`
  const code = newHumanCode()
  const expiresAt = new Date(clock.now() + PAIRING_MINUTES * 60_000).toISOString()
  const codeHash = hashToken(normaliseHumanCode(code))
  const pending = devices.find((d) => d.tokenHash === null && d.revokedAt === null)
  let pendingName: string
  if (pending) {
    await sql`update board_device set pairing_code_hash = ${codeHash}, pairing_expires_at = ${expiresAt} where id = ${pending.id}`
    pendingName = pending.name
  } else {
    const [admin] = await sql<{ id: number }[]>`select id from staff where school_id = ${school.id} and login_id = ${DEMO_LOGINS['管理者 (admin)']!} order by id limit 1`
    pendingName = devices.length === 0 ? DEMO_BOARD_NAME : `デモ モニター${devices.length + 1}`
    await sql`
      insert into board_device (school_id, name, created_by, pairing_code_hash, pairing_expires_at)
      values (${school.id}, ${pendingName}, ${devices[0]?.createdBy ?? admin!.id}, ${codeHash}, ${expiresAt})`
  }
  const paired = devices
    .filter((d) => d.tokenHash !== null && d.revokedAt === null && d.pairedAt !== null)
    .map((d) => ({ name: d.name, pairedAt: new Date(d.pairedAt!).toISOString() }))
  return { schoolId: school.id, path: `/board/?pair=${encodeURIComponent(code)}`, pendingName, paired }
}

function classKey(grade: number, classNo: number): string {
  return `${grade}-${classNo}`
}

/** Pupils enter in April of first grade: a 4th grader in 2026 entered in April 2023. */
function enrolledOn(fiscalYear: number, grade: number): string {
  return `${fiscalYear - (grade - 1)}-04-01`
}
