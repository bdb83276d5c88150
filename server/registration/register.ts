import type { AddChildResponse, CheckCodeResponse, RegisterGuardianRequest } from '../../shared/protocol/index.js'
import { hashPassword } from '../auth/password.js'
import type { Q, Sql } from '../db/types.js'
import { AppError } from '../errors.js'
import { runChange, type ChangeDeps } from '../realtime/change.js'
import { lockCode, markUsed, schoolOfCode } from './codes.js'

/** What the family sees before registering: whose letter this is. Reads only. */
export async function checkCode(sql: Sql, code: string, now: number): Promise<CheckCodeResponse> {
  return sql.begin(async (tx) => {
    const c = await lockCode(tx, code, now)
    return { ok: true as const, schoolName: c.schoolName, pupilName: c.pupilName, classLabel: c.classLabel }
  })
}

/** Login ids are shared by staff and guardians (one login form), so both tables are checked. */
export async function loginIdTaken(q: Q, loginId: string): Promise<boolean> {
  const rows = await q`select 1 from staff where lower(login_id) = lower(${loginId})
    union all select 1 from guardian where lower(login_id) = lower(${loginId})`
  return rows.length > 0
}

/**
 * Refuses a login id any account already has, inside the transaction that creates the account.
 * Creations of one login id are serialised by an advisory lock: the unique index alone would
 * surface as a 500. `field` names the form field the refusal points at.
 */
export async function claimLoginId(tx: Q, loginId: string, field = 'loginId'): Promise<void> {
  await tx`select pg_advisory_xact_lock(7243006, hashtext(lower(${loginId})))`
  if (await loginIdTaken(tx, loginId)) throw new AppError('LOGIN_ID_TAKEN', undefined, { [field]: '別のIDにしてください' })
}

/** Creates the guardian account, links the child and uses up the code, all in one transaction. */
export async function registerGuardian(deps: ChangeDeps, r: RegisterGuardianRequest, now: number): Promise<{ guardianId: number; pupilName: string }> {
  const passwordHash = await hashPassword(r.password)
  return runChange(deps, await schoolOfCode(deps.sql, r.code), async (tx, change) => {
    change.school('guardians')
    const c = await lockCode(tx, r.code, now)
    await claimLoginId(tx, r.loginId)
    const [g] = await tx<{ id: number }[]>`
      insert into guardian (login_id, password_hash, family_name, given_name, email)
      values (${r.loginId}, ${passwordHash}, ${r.familyName}, ${r.givenName}, ${r.email || null}) returning id`
    await tx`insert into guardian_pupil (school_id, guardian_id, pupil_id) values (${c.schoolId}, ${g!.id}, ${c.pupilId})`
    await markUsed(tx, c.codeId, g!.id, now)
    return { guardianId: g!.id, pupilName: c.pupilName }
  })
}

/** A registered guardian adds a sibling (any class, any school of the city) with that child's code. */
export async function addChild(deps: ChangeDeps, guardianId: number, code: string, now: number): Promise<AddChildResponse> {
  return runChange(deps, await schoolOfCode(deps.sql, code), async (tx, change) => {
    change.school('guardians')
    const c = await lockCode(tx, code, now)
    const [linked] = await tx`select 1 from guardian_pupil where guardian_id = ${guardianId} and pupil_id = ${c.pupilId}`
    if (linked) throw new AppError('ALREADY_LINKED')
    await tx`insert into guardian_pupil (school_id, guardian_id, pupil_id) values (${c.schoolId}, ${guardianId}, ${c.pupilId})`
    await markUsed(tx, c.codeId, guardianId, now)
    return { ok: true as const, pupilName: c.pupilName, classLabel: c.classLabel, schoolName: c.schoolName }
  })
}

/** The school unlinks a guardian from a pupil (a wrong registration, a family change). */
export async function unlinkGuardian(deps: ChangeDeps, schoolId: number, pupilId: number, guardianId: number): Promise<void> {
  await runChange(deps, schoolId, async (tx, change) => {
    const rows = await tx`delete from guardian_pupil where pupil_id = ${pupilId} and guardian_id = ${guardianId} and school_id = ${schoolId} returning pupil_id`
    if (!rows.length) throw new AppError('NOT_FOUND')
    change.school('guardians')
  })
}
