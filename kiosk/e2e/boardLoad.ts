import { schoolDaysBetween } from '../../shared/domain/calendar.js'
import { addDays } from '../../shared/time/schoolTime.js'
import { hashPassword } from '../../server/auth/password.js'
import { hashToken, newHumanCode, normaliseHumanCode } from '../../server/auth/tokens.js'
import { appendMarks } from '../../server/data/reports.js'
import { calendarRules } from '../../server/data/schools.js'
import type { Sql } from '../../server/db/types.js'
import { beginChange } from '../../server/realtime/changes.js'
import type { PlannedSubmission } from '../../server/seed/demoHistory.js'
import { writeHistory } from '../../server/seed/historyWriter.js'
import { BOY_NAMES, FAMILY_NAMES, GIRL_NAMES, MEN_NAMES, WOMEN_NAMES } from '../../server/seed/names.js'
import { createClass, createGuardian, createPupil, createSchool, createSchoolYear, createStaff, linkGuardian } from '../../server/data/schoolSetup.js'

/**
 * A school of 12 classes (6 grades × 2) and 30 pupils each with exactly `entries` pupils on
 * today's board: a mix of absences (some for several days, for the badges), late arrivals,
 * early leaves, 出席停止, and two 未登校 without a report. Used by the board screenshots and
 * the board's browser tests to show the board under a known load.
 */
export interface BoardLoad {
  schoolId: number
  classIds: number[]
  /** Pupil ids by class, attendance number order. */
  pupils: number[][]
  adminId: number
  guardianId: number
  pairingPath: string
  /** The board device's id (for revoking it). */
  deviceId: number
}

const CLASSES = 12
const PER_CLASS = 30
/** How the load spreads: flu seasons hit some classes harder. */
const WEIGHTS = [3, 1, 2, 1, 1, 2, 1, 1, 1, 2, 1, 1]

export async function seedBoardLoad(sql: Sql, opts: { today: string; nowIso: string; entries: number; settings?: Record<string, unknown> }): Promise<BoardLoad> {
  const hash = await hashPassword('board-load-7')
  return sql.begin(async (tx) => {
    const schoolId = await createSchool(tx, { name: '朝顔市立あさがお小学校', settings: opts.settings ?? {} })
    const fiscalYear = Number(opts.today.slice(0, 4)) - (Number(opts.today.slice(5, 7)) < 4 ? 1 : 0)
    const yearId = await createSchoolYear(tx, schoolId, fiscalYear)
    const classIds: number[] = []
    const pupils: number[][] = []
    const adminId = await createStaff(tx, { schoolId, loginId: `load-admin-${schoolId}`, passwordHash: hash, familyName: '管理', givenName: '者', roles: ['admin'] })
    const guardianId = await createGuardian(tx, { loginId: `load-guardian-${schoolId}`, passwordHash: hash, familyName: '保護', givenName: '者' })
    for (let i = 0; i < CLASSES; i++) {
      const grade = Math.floor(i / 2) + 1
      const classId = await createClass(tx, { schoolId, schoolYearId: yearId, grade, name: `${(i % 2) + 1}組`, sortOrder: i % 2 })
      classIds.push(classId)
      const teacherFamily = FAMILY_NAMES[(i * 7 + 3) % FAMILY_NAMES.length]!.kanji
      const teacherGiven = i % 2 ? MEN_NAMES[i % MEN_NAMES.length]! : WOMEN_NAMES[i % WOMEN_NAMES.length]!
      await createStaff(tx, { schoolId, loginId: `load-t${i}-${schoolId}`, passwordHash: hash, familyName: teacherFamily, givenName: teacherGiven, roles: ['teacher'], homeroomClassId: classId })
      const ids: number[] = []
      for (let n = 1; n <= PER_CLASS; n++) {
        const fam = FAMILY_NAMES[(i * 31 + n * 5) % FAMILY_NAMES.length]!
        const given = (n % 2 ? BOY_NAMES : GIRL_NAMES)[(i * 13 + n * 3) % BOY_NAMES.length]!
        // One very long name, to show it is cut cleanly.
        const [family, first] = i === 0 && n === 4 ? ['勅使河原', 'ジョナサン健太郎'] : [fam.kanji, given.kanji]
        const id = await createPupil(tx, {
          schoolId, schoolYearId: yearId, classId, attendanceNumber: n, familyName: family, givenName: first,
          familyKana: fam.kana, givenKana: given.kana, enrolledOn: `${fiscalYear - grade + 1}-04-01`,
        })
        await linkGuardian(tx, { schoolId, guardianId, pupilId: id })
        ids.push(id)
      }
      pupils.push(ids)
    }

    const rules = await calendarRules(tx, schoolId, addDays(opts.today, -14), opts.today)
    const past = schoolDaysBetween(addDays(opts.today, -14), addDays(opts.today, -1), rules)
    const submissions: PlannedSubmission[] = []
    const unexplained: number[] = []
    const picks = pickPupils(opts.entries, pupils)
    picks.forEach((pupilId, k) => {
      const base = { pupilId, message: '', symptoms: [] as string[], temperature: null, time: null as string | null, ack: null as PlannedSubmission['reports'][0]['ack'] }
      const at = `${opts.today}T07:${String(10 + (k % 40)).padStart(2, '0')}:00+09:00`
      const ack = k % 3 === 0 ? { staffId: adminId, at: `${opts.today}T08:00:00+09:00` } : null
      const kind = k % 10
      if (kind === 9 && unexplained.length < 2) return void unexplained.push(pupilId)
      const report =
        kind === 3 ? { ...base, kind: 'late' as const, days: [opts.today], reason: '通院', time: '9:30', ack }
        : kind === 6 ? { ...base, kind: 'early_leave' as const, days: [opts.today], reason: '通院', time: '13:15', ack }
        : kind === 7 ? { ...base, kind: 'absent' as const, days: [opts.today], reason: 'インフルエンザ', ack }
        : kind === 1 ? { ...base, kind: 'absent' as const, days: [...past.slice(-(2 + (k % 4))), opts.today], reason: '発熱', message: '熱が下がりません。', ack }
        : { ...base, kind: 'absent' as const, days: [opts.today], reason: ['かぜ症状', '頭痛', '腹痛', '家庭の事情'][k % 4]!, message: '', ack }
      submissions.push({ guardianId, submittedAt: at, reports: [report] })
    })
    const seq = await beginChange(tx, schoolId)
    await writeHistory(tx, schoolId, seq, submissions)
    if (unexplained.length > 0) {
      const [code] = await tx<{ id: number }[]>`select id from attendance_code where school_id = ${schoolId} and code = 'not_arrived'`
      await appendMarks(tx, unexplained.map((pupilId) => ({
        schoolId, seq, pupilId, date: opts.today, codeId: code!.id, suggestedCodeId: null, source: 'teacher' as const,
        actorStaffId: adminId, actorGuardianId: null, reportId: null, atTime: null, note: '', recordedAt: opts.nowIso,
      })))
    }
    const code = newHumanCode()
    const [device] = await tx<{ id: number }[]>`
      insert into board_device (school_id, name, created_by, pairing_code_hash, pairing_expires_at)
      values (${schoolId}, '職員室モニター', ${adminId}, ${hashToken(normaliseHumanCode(code))}, ${new Date(Date.parse(opts.nowIso) + 3600_000).toISOString()})
      returning id`
    return { schoolId, classIds, pupils, adminId, guardianId, pairingPath: `/board/?pair=${encodeURIComponent(code)}`, deviceId: device!.id }
  })
}

/** `n` distinct pupils spread over the classes by WEIGHTS, deterministic. */
function pickPupils(n: number, pupils: number[][]): number[] {
  const total = WEIGHTS.reduce((a, b) => a + b, 0)
  const quota = WEIGHTS.map((w) => Math.floor((n * w) / total))
  for (let i = 0; quota.reduce((a, b) => a + b, 0) < n; i = (i + 1) % quota.length) quota[i]!++
  return quota.flatMap((q, c) => Array.from({ length: Math.min(q, PER_CLASS) }, (_, k) => pupils[c]![(k * 7 + c) % PER_CLASS]!))
}
