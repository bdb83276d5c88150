import type { StaffRole } from '../../shared/protocol/index.js'
import type { Principal } from '../auth/principal.js'
import type { Q } from '../db/types.js'

export interface LoginCandidate {
  kind: 'staff' | 'guardian'
  id: number
  passwordHash: string
}

/** Finds an active account by login id (staff first; login ids are unique within each kind). */
export async function findLogin(q: Q, loginId: string): Promise<LoginCandidate | null> {
  const [staff] = await q<{ id: number; passwordHash: string }[]>`
    select id, password_hash from staff where lower(login_id) = lower(${loginId}) and disabled_at is null`
  if (staff) return { kind: 'staff', ...staff }
  const [guardian] = await q<{ id: number; passwordHash: string }[]>`
    select id, password_hash from guardian where lower(login_id) = lower(${loginId}) and disabled_at is null`
  return guardian ? { kind: 'guardian', ...guardian } : null
}

export async function insertSession(
  q: Q,
  s: { tokenHash: string; kind: 'staff' | 'guardian'; id: number; expiresAt: string; userAgent: string },
): Promise<void> {
  await q`insert into user_session (token_hash, staff_id, guardian_id, expires_at, user_agent)
    values (${s.tokenHash}, ${s.kind === 'staff' ? s.id : null}, ${s.kind === 'guardian' ? s.id : null},
            ${s.expiresAt}, ${s.userAgent.slice(0, 200)})`
}

export async function deleteSession(q: Q, tokenHash: string): Promise<void> {
  await q`delete from user_session where token_hash = ${tokenHash}`
}

/** Resolves a live session to its principal; expired sessions and disabled accounts resolve to null. */
export async function principalForSession(q: Q, tokenHash: string, nowIso: string): Promise<Exclude<Principal, { kind: 'board' }> | null> {
  const [s] = await q<{ staffId: number | null; guardianId: number | null }[]>`
    select staff_id, guardian_id from user_session where token_hash = ${tokenHash} and expires_at > ${nowIso}`
  if (!s) return null
  if (s.staffId !== null) {
    const [st] = await q<{ id: number; schoolId: number; roles: StaffRole[]; name: string; classIds: number[] }[]>`
      select s.id, s.school_id, s.roles, s.family_name || ' ' || s.given_name as name,
             coalesce(array_agg(h.class_id) filter (where h.class_id is not null), '{}') as class_ids
      from staff s left join homeroom_assignment h on h.staff_id = s.id
      where s.id = ${s.staffId} and s.disabled_at is null
      group by s.id`
    return st
      ? { kind: 'staff', staffId: st.id, schoolId: st.schoolId, roles: st.roles, homeroomClassIds: st.classIds, name: st.name, sessionHash: tokenHash }
      : null
  }
  const [g] = await q<{ id: number; name: string; pupilIds: number[] }[]>`
    select g.id, g.family_name || ' ' || g.given_name as name,
           coalesce(array_agg(gp.pupil_id order by gp.pupil_id) filter (where gp.pupil_id is not null), '{}') as pupil_ids
    from guardian g left join guardian_pupil gp on gp.guardian_id = g.id
    where g.id = ${s.guardianId} and g.disabled_at is null
    group by g.id`
  return g ? { kind: 'guardian', guardianId: g.id, name: g.name, sessionHash: tokenHash, pupilIds: g.pupilIds } : null
}
