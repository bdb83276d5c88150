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
  return (await liveSession(q, tokenHash, nowIso))?.principal ?? null
}

/**
 * A live session's principal and when the session expires, in one round trip (the session and
 * its account joined): every request and socket command pays it, so it stays one statement.
 */
export async function liveSession(q: Q, tokenHash: string, nowIso: string): Promise<{ principal: Exclude<Principal, { kind: 'board' }>; expiresAt: string } | null> {
  const [s] = await q<{
    expiresAt: string
    staffId: number | null; schoolId: number | null; organisationId: number | null; roles: StaffRole[] | null; staffName: string | null; classIds: number[] | null
    guardianId: number | null; guardianName: string | null; pupilIds: number[] | null
  }[]>`
    select s.expires_at, st.id as staff_id, st.school_id, st.organisation_id, st.roles, st.name as staff_name, st.class_ids,
           g.id as guardian_id, g.name as guardian_name, g.pupil_ids
    from user_session s
    left join lateral (
      select s2.id, s2.school_id, s2.organisation_id, s2.roles, s2.family_name || ' ' || s2.given_name as name,
             coalesce(array_agg(h.class_id) filter (where h.class_id is not null), '{}') as class_ids
      from staff s2 left join homeroom_assignment h on h.staff_id = s2.id
      where s2.id = s.staff_id and s2.disabled_at is null
      group by s2.id
    ) st on true
    left join lateral (
      select g2.id, g2.family_name || ' ' || g2.given_name as name,
             coalesce(array_agg(gp.pupil_id order by gp.pupil_id) filter (where gp.pupil_id is not null), '{}') as pupil_ids
      from guardian g2 left join guardian_pupil gp on gp.guardian_id = g2.id
      where g2.id = s.guardian_id and g2.disabled_at is null
      group by g2.id
    ) g on true
    where s.token_hash = ${tokenHash} and s.expires_at > ${nowIso}`
  if (!s) return null
  const live = (principal: Exclude<Principal, { kind: 'board' }>) => ({ principal, expiresAt: s.expiresAt })
  if (s.staffId !== null) {
    if (s.schoolId === null) return live({ kind: 'city', staffId: s.staffId, cityId: s.organisationId!, name: s.staffName!, sessionHash: tokenHash })
    return live({ kind: 'staff', staffId: s.staffId, schoolId: s.schoolId, roles: s.roles!, homeroomClassIds: s.classIds!, name: s.staffName!, sessionHash: tokenHash })
  }
  if (s.guardianId !== null) return live({ kind: 'guardian', guardianId: s.guardianId, name: s.guardianName!, sessionHash: tokenHash, pupilIds: s.pupilIds! })
  return null
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

/**
 * Which of these sessions (token hashes) and board devices still let their sockets in: the
 * session not expired and its account enabled, the device not revoked. One statement for all
 * of a process's open sockets.
 */
export async function stillLive(q: Q, sessionHashes: string[], deviceIds: number[], nowIso: string): Promise<{ sessions: Set<string>; devices: Set<number> }> {
  const rows = await q<{ session: string | null; device: number | null }[]>`
    select s.token_hash as session, null::int as device from user_session s
    left join staff st on st.id = s.staff_id
    left join guardian g on g.id = s.guardian_id
    where s.token_hash = any(${sessionHashes}::text[]) and s.expires_at > ${nowIso} and coalesce(st.disabled_at, g.disabled_at) is null
    union all
    select null, d.id from board_device d where d.id = any(${deviceIds}::int[]) and d.revoked_at is null`
  return {
    sessions: new Set(rows.flatMap((r) => (r.session === null ? [] : [r.session]))),
    devices: new Set(rows.flatMap((r) => (r.device === null ? [] : [r.device]))),
  }
}
