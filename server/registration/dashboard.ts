import type { RegistrationDashboard } from '../../shared/protocol/index.js'
import type { Sql } from '../db/types.js'
import { currentYear } from './codes.js'

/** Registration per class and school this year: a pupil counts once any active guardian is linked. */
export async function registrationDashboard(sql: Sql, schoolId: number, now: number): Promise<RegistrationDashboard> {
  const { year } = await currentYear(sql, schoolId, now)
  const pupils = await sql<{ pupilId: number; name: string; classId: number; classLabel: string; number: number; registered: boolean; activeCodeExpiresAt: Date | null }[]>`
    select p.id as pupil_id, p.family_name || ' ' || p.given_name as name, c.id as class_id, c.grade || '年' || c.name as class_label,
           m.attendance_number as number,
           exists (select 1 from guardian_pupil gp join guardian g on g.id = gp.guardian_id where gp.pupil_id = p.id and g.disabled_at is null) as registered,
           (select max(expires_at) from registration_code rc where rc.pupil_id = p.id and rc.used_at is null and rc.revoked_at is null
              and rc.expires_at > ${new Date(now).toISOString()}) as active_code_expires_at
    from class_membership m join pupil p on p.id = m.pupil_id join school_class c on c.id = m.class_id
    where m.school_id = ${schoolId} and m.school_year_id = ${year.id} and p.left_on is null
    order by c.grade, c.sort_order, c.name, m.attendance_number`
  const classes = new Map<number, { classId: number; classLabel: string; pupils: number; registered: number }>()
  const allClasses = await sql<{ id: number; label: string }[]>`
    select id, grade || '年' || name as label from school_class where school_year_id = ${year.id} order by grade, sort_order, name`
  for (const c of allClasses) classes.set(c.id, { classId: c.id, classLabel: c.label, pupils: 0, registered: 0 })
  for (const p of pupils) {
    const c = classes.get(p.classId)!
    c.pupils++
    if (p.registered) c.registered++
  }
  return {
    ok: true,
    fiscalYear: year.fiscalYear,
    classes: [...classes.values()],
    total: { pupils: pupils.length, registered: pupils.filter((p) => p.registered).length },
    unregistered: pupils
      .filter((p) => !p.registered)
      .map(({ registered: _r, activeCodeExpiresAt, ...p }) => ({ ...p, activeCodeExpiresAt: activeCodeExpiresAt ? new Date(activeCodeExpiresAt).toISOString() : null })),
  }
}
