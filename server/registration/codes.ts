import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import { DateTime } from 'luxon'
import { formatCode, type IssueLettersRequest, type Letter, type LettersResponse } from '../../shared/protocol/index.js'
import { newHumanCode, normaliseHumanCode } from '../auth/tokens.js'
import { getSchool } from '../data/schools.js'
import type { Q } from '../db/types.js'
import { AppError } from '../errors.js'
import { runChange, type ChangeDeps } from '../realtime/change.js'
import { schoolNow } from '../reports/schoolDates.js'
import { findYear } from '../roster/context.js'

export const REGISTER_PATH = '/join/'

/** A code with less than this left is replaced rather than printed again. */
const REUSE_MIN_DAYS = 7

/** The school's current year, or the newest one (before April's first day, say). */
export async function currentYear(q: Q, schoolId: number, now: number) {
  const school = await getSchool(q, schoolId)
  if (!school) throw new AppError('NOT_FOUND')
  const year = await findYear(q, schoolId, schoolNow(now).today)
  if (!year) throw new AppError('YEAR_NOT_FOUND')
  return { school, year }
}

/**
 * Letters for a class, a list of pupils or the whole school: each pupil's live code, or a new
 * one. Printing twice prints the same codes, so a second print never invalidates the first.
 */
export async function issueLetters(deps: ChangeDeps, schoolId: number, staffId: number, req: IssueLettersRequest, now: number): Promise<LettersResponse> {
  return runChange(deps, schoolId, async (tx, change) => {
    const { letters, issued } = await lettersIn(tx, schoolId, staffId, req, now)
    // Printing the same live codes again changes nothing the dashboard shows.
    if (issued > 0) change.school('guardians')
    else change.unchanged()
    return letters
  })
}


/** The letters asked for, in the change that issues them: live codes reused, missing ones created. */
async function lettersIn(tx: Q, schoolId: number, staffId: number, req: IssueLettersRequest, now: number): Promise<{ letters: LettersResponse; issued: number }> {
  const { school, year } = await currentYear(tx, schoolId, now)
  if (req.classId !== undefined) {
    const [c] = await tx`select 1 from school_class where id = ${req.classId} and school_id = ${schoolId} and school_year_id = ${year.id}`
    if (!c) throw new AppError('CLASS_NOT_FOUND')
  }
  const pupils = await tx<{ pupilId: number; pupilName: string; classLabel: string; number: number; guardianName: string; registered: boolean }[]>`
    select p.id as pupil_id, p.family_name || ' ' || p.given_name as pupil_name, c.grade || '年' || c.name as class_label,
           m.attendance_number as number, p.guardian_name,
           exists (select 1 from guardian_pupil gp join guardian g on g.id = gp.guardian_id where gp.pupil_id = p.id and g.disabled_at is null) as registered
    from class_membership m join pupil p on p.id = m.pupil_id join school_class c on c.id = m.class_id
    where m.school_id = ${schoolId} and m.school_year_id = ${year.id} and p.left_on is null
      and (${req.classId ?? null}::int is null or c.id = ${req.classId ?? null})
    order by c.grade, c.sort_order, c.name, m.attendance_number`
  const wanted = req.pupilIds ? new Set(req.pupilIds) : null
  if (wanted && [...wanted].some((id) => !pupils.some((p) => p.pupilId === id))) throw new AppError('PUPIL_NOT_FOUND')
  const chosen = pupils.filter((p) => (!wanted || wanted.has(p.pupilId)) && (!req.onlyUnregistered || !p.registered))
  const reuseAfter = DateTime.fromMillis(now).plus({ days: REUSE_MIN_DAYS }).toISO()!
  const expiresAt = DateTime.fromMillis(now).setZone(SCHOOL_ZONE).plus({ days: req.validDays }).endOf('day').toISO()!
  const letters: Letter[] = []
  let issued = 0
  for (const p of chosen) {
    const [live] = await tx<{ id: number; code: string; expiresAt: Date }[]>`
      select id, code, expires_at from registration_code
      where pupil_id = ${p.pupilId} and used_at is null and revoked_at is null and expires_at > ${reuseAfter}
      order by expires_at desc limit 1`
    const code = live ?? (issued++, await insertCode(tx, schoolId, p.pupilId, staffId, expiresAt))
    letters.push({ pupilId: p.pupilId, codeId: code.id, pupilName: p.pupilName, classLabel: p.classLabel, number: p.number, guardianName: p.guardianName, code: formatCode(code.code), expiresAt: new Date(code.expiresAt).toISOString() })
  }
  return { letters: { ok: true as const, schoolName: school.name, registerPath: REGISTER_PATH, letters }, issued }
}

async function insertCode(tx: Q, schoolId: number, pupilId: number, staffId: number, expiresAt: string) {
  // 12 characters from a 31-letter alphabet: ~10^18 codes, so guessing within the rate limit is hopeless.
  const code = normaliseHumanCode(newHumanCode())
  const [row] = await tx<{ id: number; code: string; expiresAt: Date }[]>`
    insert into registration_code (school_id, pupil_id, code, expires_at, created_by)
    values (${schoolId}, ${pupilId}, ${code}, ${expiresAt}, ${staffId}) returning id, code, expires_at`
  return row!
}

/** Revokes a pupil's unused codes and issues a fresh one (a lost letter). */
export async function reissueCode(deps: ChangeDeps, schoolId: number, staffId: number, pupilId: number, now: number): Promise<LettersResponse> {
  return runChange(deps, schoolId, async (tx, change) => {
    const [p] = await tx`select 1 from pupil where id = ${pupilId} and school_id = ${schoolId} and left_on is null`
    if (!p) throw new AppError('PUPIL_NOT_FOUND')
    await tx`update registration_code set revoked_at = ${new Date(now).toISOString()}
      where pupil_id = ${pupilId} and school_id = ${schoolId} and used_at is null and revoked_at is null`
    change.school('guardians')
    return (await lettersIn(tx, schoolId, staffId, { pupilIds: [pupilId], onlyUnregistered: false, validDays: 30 }, now)).letters
  })
}

export async function revokeCode(deps: ChangeDeps, schoolId: number, codeId: number, now: number): Promise<void> {
  await runChange(deps, schoolId, async (tx, change) => {
    const rows = await tx`update registration_code set revoked_at = ${new Date(now).toISOString()}
      where id = ${codeId} and school_id = ${schoolId} and used_at is null and revoked_at is null returning id`
    if (!rows.length) throw new AppError('NOT_FOUND')
    change.school('guardians')
  })
}

export interface RedeemedCode {
  codeId: number
  schoolId: number
  pupilId: number
  pupilName: string
  classLabel: string
  schoolName: string
}

/** The school a code belongs to, to start the change that uses it; the code itself is checked by lockCode. */
export async function schoolOfCode(q: Q, input: string): Promise<number> {
  const [row] = await q<{ schoolId: number }[]>`select school_id from registration_code where code = ${normaliseHumanCode(input)}`
  if (!row) throw new AppError('CODE_INVALID')
  return row.schoolId
}

/**
 * Checks a code inside the caller's transaction, locking it so two phones cannot use it at once.
 * Each failure has its own message: the family needs to know whether to ask for a new letter.
 */
export async function lockCode(tx: Q, input: string, now: number): Promise<RedeemedCode> {
  const code = normaliseHumanCode(input)
  const [row] = await tx<{ id: number; schoolId: number; pupilId: number; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null; leftOn: string | null }[]>`
    select rc.id, rc.school_id, rc.pupil_id, rc.expires_at, rc.used_at, rc.revoked_at, p.left_on::text as left_on
    from registration_code rc join pupil p on p.id = rc.pupil_id where rc.code = ${code} for update of rc`
  if (!row || row.leftOn !== null) throw new AppError('CODE_INVALID')
  if (row.revokedAt) throw new AppError('CODE_REVOKED')
  if (row.usedAt) throw new AppError('CODE_USED')
  if (new Date(row.expiresAt).getTime() <= now) throw new AppError('CODE_EXPIRED')
  const { school, year } = await currentYear(tx, row.schoolId, now)
  const [p] = await tx<{ pupilName: string; classLabel: string | null }[]>`
    select p.family_name || ' ' || p.given_name as pupil_name,
           (select c.grade || '年' || c.name from class_membership m join school_class c on c.id = m.class_id
            where m.pupil_id = p.id and m.school_year_id = ${year.id}) as class_label
    from pupil p where p.id = ${row.pupilId}`
  return { codeId: row.id, schoolId: row.schoolId, pupilId: row.pupilId, pupilName: p!.pupilName, classLabel: p!.classLabel ?? '', schoolName: school.name }
}

export async function markUsed(tx: Q, codeId: number, guardianId: number, now: number): Promise<void> {
  await tx`update registration_code set used_at = ${new Date(now).toISOString()}, used_by_guardian = ${guardianId} where id = ${codeId}`
}
