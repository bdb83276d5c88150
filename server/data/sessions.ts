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
    const [st] = await q<{ id: number; schoolId: number | null; organisationId: number | null; roles: StaffRole[]; name: string; classIds: number[] }[]>`
      select s.id, s.school_id, s.organisation_id, s.roles, s.family_name || ' ' || s.given_name as name,
             coalesce(array_agg(h.class_id) filter (where h.class_id is not null), '{}') as class_ids
      from staff s left join homeroom_assignment h on h.staff_id = s.id
      where s.id = ${s.staffId} and s.disabled_at is null
      group by s.id`
    if (st && st.schoolId === null) return { kind: 'city', staffId: st.id, cityId: st.organisationId!, name: st.name, sessionHash: tokenHash }
    return st && st.schoolId !== null
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

/** Whose sessions: exactly one of the two ids is set. */
export interface SessionOwner {
  staffId: number | null
  guardianId: number | null
}

export interface SessionRow {
  tokenHash: string
  createdAt: Date
  lastSeenAt: Date
  userAgent: string
}

/** An account's sessions that have not expired, newest first. */
export async function liveSessionsOf(q: Q, o: SessionOwner, nowIso: string): Promise<SessionRow[]> {
  return q<SessionRow[]>`
    select token_hash, created_at, last_seen_at, user_agent from user_session
    where (staff_id = ${o.staffId} or guardian_id = ${o.guardianId}) and expires_at > ${nowIso}
    order by created_at desc`
}

/** Ends every session of an account but one; returns the hashes of those ended. */
export async function deleteSessionsExcept(q: Q, o: SessionOwner, keepHash: string): Promise<string[]> {
  const rows = await q<{ tokenHash: string }[]>`delete from user_session
    where (staff_id = ${o.staffId} or guardian_id = ${o.guardianId}) and token_hash <> ${keepHash} returning token_hash`
  return rows.map((r) => r.tokenHash)
}

export async function passwordHashOf(q: Q, kind: 'staff' | 'guardian', id: number): Promise<string | null> {
  const [row] = await q<{ passwordHash: string }[]>`select password_hash from ${q(kind)} where id = ${id}`
  return row?.passwordHash ?? null
}

export async function setPasswordHash(q: Q, kind: 'staff' | 'guardian', id: number, hash: string): Promise<void> {
  await q`update ${q(kind)} set password_hash = ${hash} where id = ${id}`
}
