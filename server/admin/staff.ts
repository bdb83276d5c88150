import type { CreateStaffRequest, StaffAccount, UpdateStaffRequest } from '../../shared/protocol/index.js'
import { hashPassword } from '../auth/password.js'
import type { Q } from '../db/types.js'
import { AppError } from '../errors.js'
import { runChange, type ChangeDeps } from '../realtime/change.js'
import { claimLoginId } from '../registration/register.js'

export async function listStaff(q: Q, schoolId: number): Promise<StaffAccount[]> {
  const rows = await q<{ id: number; loginId: string; familyName: string; givenName: string; roles: StaffAccount['roles']; classIds: number[]; disabledAt: Date | null }[]>`
    select s.id, s.login_id, s.family_name, s.given_name, s.roles, s.disabled_at,
           coalesce(array_agg(h.class_id order by h.class_id) filter (where h.class_id is not null), '{}') as class_ids
    from staff s left join homeroom_assignment h on h.staff_id = s.id
    where s.school_id = ${schoolId} group by s.id order by s.disabled_at nulls first, s.id`
  return rows.map((r) => ({ id: r.id, loginId: r.loginId, familyName: r.familyName, givenName: r.givenName, roles: r.roles, homeroomClassIds: r.classIds, disabled: r.disabledAt !== null }))
}

async function checkClasses(q: Q, schoolId: number, classIds: number[]): Promise<void> {
  if (!classIds.length) return
  const rows = await q`select id from school_class where school_id = ${schoolId} and id in ${q(classIds)}`
  if (rows.length !== new Set(classIds).size) throw new AppError('CLASS_NOT_FOUND')
}

async function setHomerooms(q: Q, schoolId: number, staffId: number, classIds: number[]): Promise<void> {
  await q`delete from homeroom_assignment where staff_id = ${staffId} and school_id = ${schoolId}`
  for (const classId of new Set(classIds)) {
    await q`insert into homeroom_assignment (school_id, class_id, staff_id) values (${schoolId}, ${classId}, ${staffId})`
  }
}

export async function createStaffAccount(deps: ChangeDeps, schoolId: number, r: CreateStaffRequest): Promise<number> {
  const hash = await hashPassword(r.password)
  return runChange(deps, schoolId, async (tx, change) => {
    change.school('staff')
    await claimLoginId(tx, r.loginId)
    await checkClasses(tx, schoolId, r.homeroomClassIds)
    const [row] = await tx<{ id: number }[]>`
      insert into staff (school_id, login_id, password_hash, family_name, given_name, roles)
      values (${schoolId}, ${r.loginId}, ${hash}, ${r.familyName}, ${r.givenName}, ${r.roles}) returning id`
    await setHomerooms(tx, schoolId, row!.id, r.homeroomClassIds)
    return row!.id
  })
}

export async function updateStaffAccount(deps: ChangeDeps, schoolId: number, staffId: number, r: UpdateStaffRequest): Promise<void> {
  await runChange(deps, schoolId, async (tx, change) => {
    change.school('staff')
    const rows = await tx`update staff set family_name = ${r.familyName}, given_name = ${r.givenName}, roles = ${[...new Set(r.roles)]}
      where id = ${staffId} and school_id = ${schoolId} returning id`
    if (!rows.length) throw new AppError('NOT_FOUND')
    await checkClasses(tx, schoolId, r.homeroomClassIds)
    await setHomerooms(tx, schoolId, staffId, r.homeroomClassIds)
  })
}

/** Disables an account and deletes its sessions; the caller closes its live sockets after commit. */
export async function setStaffDisabled(deps: ChangeDeps, schoolId: number, staffId: number, disabled: boolean, now: number): Promise<void> {
  await runChange(deps, schoolId, async (tx, change) => {
    change.school('staff')
    const rows = await tx`update staff set disabled_at = ${disabled ? new Date(now).toISOString() : null}
      where id = ${staffId} and school_id = ${schoolId} returning id`
    if (!rows.length) throw new AppError('NOT_FOUND')
    if (disabled) await tx`delete from user_session where staff_id = ${staffId}`
  })
}
