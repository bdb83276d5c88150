import { ROSTER_FIELD_LABEL } from '../../shared/protocol/index.js'
import type { Q } from '../db/types.js'
import { AppError } from '../errors.js'
import { schoolNow } from '../reports/schoolDates.js'
import { findYear } from './context.js'
import { encodeCsv, toCsv } from '../register/csv.js'

/** The year's enrolled pupils as CSV in the import's own standard header, so it re-imports as is. */
export async function exportRoster(q: Q, schoolId: number, now: number, yearId?: number): Promise<{ filename: string; bytes: Buffer }> {
  const { today } = schoolNow(now)
  const year = await findYear(q, schoolId, today, yearId)
  if (!year) throw new AppError('YEAR_NOT_FOUND')
  const rows = await q<{ grade: number; className: string; number: number; familyName: string; givenName: string; familyKana: string; givenKana: string; guardianName: string; externalId: string | null }[]>`
    select c.grade, c.name as class_name, m.attendance_number as number, p.family_name, p.given_name, p.family_kana, p.given_kana,
           p.guardian_name, p.external_id
    from class_membership m join school_class c on c.id = m.class_id join pupil p on p.id = m.pupil_id
    where m.school_id = ${schoolId} and m.school_year_id = ${year.id} and p.left_on is null
    order by c.grade, c.sort_order, c.name, m.attendance_number`
  const L = ROSTER_FIELD_LABEL
  const header = [L.grade, L.className, L.number, L.name, L.kana, L.guardianName, L.externalId]
  const body = rows.map((r) => [
    String(r.grade), r.className, String(r.number), `${r.familyName} ${r.givenName}`,
    [r.familyKana, r.givenKana].filter(Boolean).join(' '), r.guardianName, r.externalId ?? '',
  ])
  return { filename: `名簿_${year.fiscalYear}年度.csv`, bytes: encodeCsv(toCsv([header, ...body]), 'utf8') }
}
