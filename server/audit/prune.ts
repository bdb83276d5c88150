import { DateTime } from 'luxon'
import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import type { Q } from '../db/types.js'

/** How long audit rows are kept: the legal period of the 出席簿 (学校教育法施行規則 第28条), five years. */
export const AUDIT_RETENTION_YEARS = 5

/** Deletes audit rows older than the retention period; returns how many went. */
export async function pruneAuditLog(q: Q, nowMs: number): Promise<number> {
  const cutoff = DateTime.fromMillis(nowMs, { zone: SCHOOL_ZONE }).minus({ years: AUDIT_RETENTION_YEARS }).startOf('day').toISO()!
  const gone = await q`delete from audit_log where at < ${cutoff}`
  return gone.count
}
