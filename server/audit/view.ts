import { DateTime } from 'luxon'
import { AUDIT_ACTION_LABEL, type AuditPage, type AuditQuery, type AuditRow } from '../../shared/protocol/index.js'
import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import type { Q } from '../db/types.js'
import { AppError } from '../errors.js'
import { toCsv } from '../register/csv.js'

type Filter = Omit<AuditQuery, 'page' | 'pageSize'>

/** A CSV holds at most this many rows; a longer period is refused with a request to narrow it. */
export const AUDIT_CSV_MAX_ROWS = 50_000

/** The instants that bound the filter's school days: [start of `from`, start of the day after `to`). */
function bounds(f: Filter): { since: string | null; until: string | null } {
  const day = (d: string) => DateTime.fromISO(d, { zone: SCHOOL_ZONE }).startOf('day')
  return { since: f.from ? day(f.from).toISO() : null, until: f.to ? day(f.to).plus({ days: 1 }).toISO() : null }
}

async function select(q: Q, schoolId: number, f: Filter, limit: number, offset: number): Promise<AuditRow[]> {
  const { since, until } = bounds(f)
  const rows = await q<(Omit<AuditRow, 'at'> & { at: Date | string })[]>`
    select a.id::int as id, a.at, a.staff_id, s.family_name || ' ' || s.given_name as staff_name, a.roles, a.action,
           a.pupil_id, p.family_name || ' ' || p.given_name as pupil_name,
           case when c.id is null then null else c.grade || '年' || c.name end as class_label,
           a.date_from::text as date_from, a.date_to::text as date_to, a.detail, a.address
    from audit_log a
    left join staff s on s.id = a.staff_id
    left join pupil p on p.id = a.pupil_id
    left join school_class c on c.id = a.class_id
    where a.school_id = ${schoolId}
      and (${since}::timestamptz is null or a.at >= ${since}::timestamptz)
      and (${until}::timestamptz is null or a.at < ${until}::timestamptz)
      and (${f.staffId ?? null}::int is null or a.staff_id = ${f.staffId ?? null}::int)
      and (${f.pupilId ?? null}::int is null or a.pupil_id = ${f.pupilId ?? null}::int)
      and (${f.action ?? null}::text is null or a.action = ${f.action ?? null}::text)
    order by a.at desc, a.id desc
    limit ${limit} offset ${offset}`
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }))
}

async function count(q: Q, schoolId: number, f: Filter): Promise<number> {
  const { since, until } = bounds(f)
  const [row] = await q<{ n: number }[]>`
    select count(*)::int as n from audit_log a
    where a.school_id = ${schoolId}
      and (${since}::timestamptz is null or a.at >= ${since}::timestamptz)
      and (${until}::timestamptz is null or a.at < ${until}::timestamptz)
      and (${f.staffId ?? null}::int is null or a.staff_id = ${f.staffId ?? null}::int)
      and (${f.pupilId ?? null}::int is null or a.pupil_id = ${f.pupilId ?? null}::int)
      and (${f.action ?? null}::text is null or a.action = ${f.action ?? null}::text)`
  return row!.n
}

/** One page of the school's audit log, newest first, with the staff who appear in it (for the filter). */
export async function auditPage(q: Q, schoolId: number, query: AuditQuery): Promise<AuditPage> {
  const { page, pageSize, ...filter } = query
  const [rows, total, staff] = await Promise.all([
    select(q, schoolId, filter, pageSize, (page - 1) * pageSize),
    count(q, schoolId, filter),
    q<{ id: number; name: string }[]>`
      select s.id, s.family_name || ' ' || s.given_name as name from staff s
      where s.school_id = ${schoolId} and exists (select 1 from audit_log a where a.school_id = ${schoolId} and a.staff_id = s.id)
      order by s.family_name, s.given_name, s.id`,
  ])
  return { ok: true, rows, total, page, pageSize, staff }
}

/** The filtered log as CSV (every cell through the one formula-safe writer; times as Excel reads them). */
export async function auditCsv(q: Q, schoolId: number, filter: Filter): Promise<string> {
  const rows = await select(q, schoolId, filter, AUDIT_CSV_MAX_ROWS + 1, 0)
  if (rows.length > AUDIT_CSV_MAX_ROWS) throw new AppError('BAD_REQUEST', `${AUDIT_CSV_MAX_ROWS}件を超えます。期間を絞って書き出してください。`)
  return toCsv([
    ['日時', '職員', '役割', '操作', '児童', '学級', '対象期間(始)', '対象期間(終)', '内容', '接続元'],
    ...rows.map((r) => [
      DateTime.fromISO(r.at).setZone(SCHOOL_ZONE).toFormat('yyyy/MM/dd H:mm:ss'), r.staffName, r.roles.join(' '), AUDIT_ACTION_LABEL[r.action], r.pupilName, r.classLabel, r.dateFrom, r.dateTo, r.detail, r.address,
    ]),
  ])
}
