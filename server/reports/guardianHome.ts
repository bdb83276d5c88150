import type { GuardianHome, Reason } from '../../shared/protocol/index.js'
import { schoolDaysBetween } from '../../shared/domain/calendar.js'
import { addDays, schoolDateOf } from '../../shared/time/schoolTime.js'
import type { GuardianPrincipal } from '../auth/principal.js'
import { guardianChildren, guardianTimeZone } from '../data/guardians.js'
import { reportedDaysFrom } from '../data/reports.js'
import { calendarRules, getSchool } from '../data/schools.js'
import type { Deps } from '../deps.js'

/** Everything the guardian form needs: children, each school's reasons, settings and next school days. */
export async function guardianHome(deps: Deps, who: GuardianPrincipal): Promise<GuardianHome> {
  const nowMs = deps.clock.now()
  const today = schoolDateOf(nowMs, await guardianTimeZone(deps.sql, who.guardianId))
  const children = await guardianChildren(deps.sql, who.guardianId, today)
  const home: GuardianHome = {
    ok: true, today, children, reasons: {}, nextSchoolDays: {}, sameDayCutoff: {}, acceptLateReports: {}, timeZones: {},
    // From the day before the guardian's today: a school in another zone may still be on it.
    reportedDays: await reportedDaysFrom(deps.sql, children.map((c) => c.pupilId), addDays(today, -1)),
  }
  for (const schoolId of new Set(children.map((c) => c.schoolId))) {
    const school = (await getSchool(deps.sql, schoolId))!
    const schoolToday = schoolDateOf(nowMs, school.timeZone)
    home.reasons[schoolId] = await deps.sql<Reason[]>`
      select id, label, category from school_reason where school_id = ${schoolId} and active order by sort_order, id`
    const to = addDays(schoolToday, 30)
    home.nextSchoolDays[schoolId] = schoolDaysBetween(schoolToday, to, await calendarRules(deps.sql, schoolId, schoolToday, to)).slice(0, 10)
    home.sameDayCutoff[schoolId] = school.settings.sameDayCutoff
    home.acceptLateReports[schoolId] = school.settings.acceptLateReports
    home.timeZones[schoolId] = school.timeZone
  }
  return home
}
