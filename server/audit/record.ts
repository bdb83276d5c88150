import { createHash } from 'node:crypto'
import type { AuditAction } from '../../shared/protocol/index.js'
import type { StaffPrincipal } from '../auth/principal.js'
import type { Q } from '../db/types.js'

export interface AuditEntry {
  action: AuditAction
  pupilId?: number | null
  classId?: number | null
  dateFrom?: string | null
  dateTo?: string | null
  detail?: string
  /** Logged at most once per key (per school): a repeat of the same read is not a new row. */
  onceKey?: string
}

/**
 * Writes one audit row for a staff member's act. Corrections pass their transaction, so the
 * row commits (or not) with the correction; reads call this after the read succeeded, so a
 * refused or failed request leaves no row.
 */
export async function recordAudit(q: Q, who: StaffPrincipal, e: AuditEntry, atMs: number): Promise<void> {
  await q`
    insert into audit_log (school_id, at, staff_id, roles, action, pupil_id, class_id, date_from, date_to, detail, address, once_key)
    values (${who.schoolId}, ${new Date(atMs).toISOString()}, ${who.staffId}, ${who.roles}, ${e.action}, ${e.pupilId ?? null}, ${e.classId ?? null},
            ${e.dateFrom ?? null}, ${e.dateTo ?? e.dateFrom ?? null}, ${e.detail ?? ''}, ${who.address ?? 'unknown'}, ${e.onceKey ?? null})
    on conflict (school_id, once_key) where once_key is not null do nothing`
}

/**
 * The key of "this login session saw health notes on the live day view of this date": the
 * session's hash hashed again, so the log holds nothing that could be matched to a cookie.
 */
export function liveHealthKey(sessionHash: string, date: string): string {
  return `live:${createHash('sha256').update(sessionHash).digest('base64url').slice(0, 22)}:${date}`
}
