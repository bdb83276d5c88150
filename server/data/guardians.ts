import type { GuardianChild } from '../../shared/protocol/index.js'
import type { Q } from '../db/types.js'
import { GuardianLanguage } from '../../shared/i18n/languages.js'

/** A guardian's children with their class in the school year that contains `today`. */
export async function guardianChildren(q: Q, guardianId: number, today: string): Promise<GuardianChild[]> {
  return q<GuardianChild[]>`
    select p.id as pupil_id, p.school_id, s.name as school_name,
           p.family_name || ' ' || p.given_name as name,
           p.family_kana || ' ' || p.given_kana as kana,
           coalesce(c.grade || '年' || c.name, '') as class_name
    from guardian_pupil gp
    join pupil p on p.id = gp.pupil_id
    join school s on s.id = p.school_id
    left join school_year y on y.school_id = p.school_id and ${today}::date between y.starts_on and y.ends_on
    left join class_membership m on m.pupil_id = p.id and m.school_year_id = y.id
    left join school_class c on c.id = m.class_id
    where gp.guardian_id = ${guardianId} and (p.left_on is null or p.left_on >= ${today})
    order by c.grade desc nulls last, c.name, p.id`
}

/** The language the guardian chose, or null when they never chose one. */
export async function guardianLanguage(q: Q, guardianId: number): Promise<GuardianLanguage | null> {
  const [row] = await q<{ language: string | null }[]>`select language from guardian where id = ${guardianId}`
  const parsed = GuardianLanguage.safeParse(row?.language)
  return parsed.success ? parsed.data : null
}

export async function setGuardianLanguage(q: Q, guardianId: number, language: GuardianLanguage): Promise<void> {
  await q`update guardian set language = ${language} where id = ${guardianId}`
}
