import type { GuardianHome, Reason } from '../../shared/protocol/index.js'
import { schoolDaysBetween } from '../../shared/domain/calendar.js'
import { addDays } from '../../shared/time/schoolTime.js'
import type { GuardianPrincipal } from '../auth/principal.js'
import { guardianChildren } from '../data/guardians.js'
import { calendarRules, getSchool } from '../data/schools.js'
import type { Deps } from '../deps.js'
import { schoolNow } from './schoolDates.js'

/** Everything the guardian form needs: children, each school's reasons and its next school days. */
export async function guardianHome(deps: Deps, who: GuardianPrincipal): Promise<GuardianHome> {
  const nowMs = deps.clock.now()
  const utcToday = new Date(nowMs).toISOString().slice(0, 10)
  const children = await guardianChildren(deps.sql, who.guardianId, addDays(utcToday, 1))
  const reasons: GuardianHome['reasons'] = {}
  const nextSchoolDays: GuardianHome['nextSchoolDays'] = {}
  const sameDayCutoff: GuardianHome['sameDayCutoff'] = {}
  let today = utcToday
  for (const schoolId of new Set(children.map((c) => c.schoolId))) {
    const school = (await getSchool(deps.sql, schoolId))!
    today = schoolNow(school, nowMs).today
    reasons[schoolId] = await deps.sql<Reason[]>`
      select id, label, category from school_reason where school_id = ${schoolId} and active order by sort_order, id`
    const to = addDays(today, 30)
    nextSchoolDays[schoolId] = schoolDaysBetween(today, to, await calendarRules(deps.sql, schoolId, today, to)).slice(0, 10)
    sameDayCutoff[schoolId] = school.settings.sameDayCutoff
  }
  return { ok: true, today, children, reasons, nextSchoolDays, sameDayCutoff }
}
