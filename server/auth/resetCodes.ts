import { DateTime } from 'luxon'
import type { Q, Sql } from '../db/types.js'
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { hashPassword } from './password.js'
import { clearAttempts, takeAttempt, THROTTLES } from './rateLimit.js'
import { sourceKey } from './source.js'
import { hashToken, newHumanCode, normaliseHumanCode } from './tokens.js'

const RESET_HOURS = 24

/**
 * A one-time password reset code a staff member reads out or hands over on paper: works with
 * no e-mail configured. Stored only as a hash; a new code replaces any earlier one.
 */
export async function issueResetCode(q: Q, who: { kind: 'staff' | 'guardian'; id: number }, schoolId: number, createdBy: number, now: number) {
  const code = newHumanCode()
  const expiresAt = DateTime.fromMillis(now).plus({ hours: RESET_HOURS }).toISO()!
  const staffId = who.kind === 'staff' ? who.id : null
  const guardianId = who.kind === 'guardian' ? who.id : null
  await q`delete from password_reset_code where used_at is null and (staff_id = ${staffId} or guardian_id = ${guardianId})`
  await q`insert into password_reset_code (code_hash, staff_id, guardian_id, school_id, created_by, expires_at)
    values (${hashToken(normaliseHumanCode(code))}, ${staffId}, ${guardianId}, ${schoolId}, ${createdBy}, ${expiresAt})`
  return { ok: true as const, code, expiresAt }
}

/** Sets a new password with a reset code; ends every session of the account. Returns their session hashes. */
export async function resetWithCode(sql: Sql, loginId: string, code: string, password: string, now: number): Promise<string[]> {
  const codeHash = hashToken(normaliseHumanCode(code))
  const nowIso = new Date(now).toISOString()
  // The code is checked before the new password is hashed: a wrong code costs one lookup, not a scrypt.
  if (!(await findResetCode(sql, codeHash, loginId, nowIso, false))) throw new AppError('RESET_CODE_INVALID')
  const hash = await hashPassword(password)
  return sql.begin(async (tx) => {
    const row = await findResetCode(tx, codeHash, loginId, nowIso, true)
    if (!row) throw new AppError('RESET_CODE_INVALID')
    await tx`update password_reset_code set used_at = ${nowIso} where code_hash = ${codeHash}`
    if (row.staffId) await tx`update staff set password_hash = ${hash} where id = ${row.staffId}`
    else await tx`update guardian set password_hash = ${hash} where id = ${row.guardianId}`
    const ended = await tx<{ tokenHash: string }[]>`
      delete from user_session where staff_id = ${row.staffId} or guardian_id = ${row.guardianId} returning token_hash`
    return ended.map((s) => s.tokenHash)
  })
}

/**
 * A reset code for a staff member of the school, or for a guardian of one of its pupils: a
 * guardian is the school's to help only through a pupil of that school.
 */
export async function issueResetCodeFor(q: Q, account: { kind: 'staff' | 'guardian'; id: number }, schoolId: number, createdBy: number, now: number) {
  const [known] =
    account.kind === 'staff'
      ? await q`select 1 from staff where id = ${account.id} and school_id = ${schoolId}`
      : await q`select 1 from guardian_pupil where guardian_id = ${account.id} and school_id = ${schoolId} limit 1`
  if (!known) throw new AppError('NOT_FOUND')
  return issueResetCode(q, account, schoolId, createdBy, now)
}

async function findResetCode(q: Q, codeHash: string, loginId: string, nowIso: string, lock: boolean) {
  const [row] = await q<{ staffId: number | null; guardianId: number | null }[]>`
    select r.staff_id, r.guardian_id from password_reset_code r
    left join staff s on s.id = r.staff_id left join guardian g on g.id = r.guardian_id
    where r.code_hash = ${codeHash} and r.used_at is null and r.expires_at > ${nowIso}
      and lower(coalesce(s.login_id, g.login_id)) = lower(${loginId}) and s.disabled_at is null and g.disabled_at is null
    ${lock ? q`for update of r` : q``}`
  return row ?? null
}

/**
 * A reset with every limit counted first: per login id, per source and across the server, so
 * guessing codes is bounded however it is spread. A successful reset clears the account's
 * login lock: its owner just proved who they are.
 */
export async function resetWithThrottle(deps: Deps, r: { loginId: string; code: string; password: string; ip: string | undefined }): Promise<string[]> {
  const loginKey = r.loginId.toLowerCase()
  const now = deps.clock.now()
  await takeAttempt(deps.sql, [
    [`reset:account:${loginKey}`, THROTTLES.resetAccount],
    [`reset:source:${sourceKey(r.ip)}`, THROTTLES.resetSource],
    ['reset:global', THROTTLES.resetGlobal],
  ], now)
  const ended = await resetWithCode(deps.sql, r.loginId, r.code, r.password, now)
  await clearAttempts(deps.sql, [`reset:account:${loginKey}`, `login:account:${loginKey}`])
  return ended
}
