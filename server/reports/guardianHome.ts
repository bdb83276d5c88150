import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import { GUARDIAN_CALENDAR_DAYS, type GuardianHome, type Reason } from '../../shared/protocol/index.js'
import { schoolDaysBetween } from '../../shared/domain/calendar.js'
import { addDays, schoolDateOf } from '../../shared/time/schoolTime.js'
import type { GuardianPrincipal } from '../auth/principal.js'
import { guardianChildren } from '../data/guardians.js'
import { reportedDaysFrom } from '../data/reports.js'
import { calendarRules, getSchool } from '../data/schools.js'
import type { Deps } from '../deps.js'

/** Everything the guardian form needs: children, each school's reasons, settings and next school days. */
export async function guardianHome(deps: Deps, who: GuardianPrincipal): Promise<GuardianHome> {
  const nowMs = deps.clock.now()
  const today = schoolDateOf(nowMs, SCHOOL_ZONE)
  const children = await guardianChildren(deps.sql, who.guardianId, today)
  const home: GuardianHome = {
    ok: true, today, children, reasons: {}, nextSchoolDays: {}, sameDayCutoff: {}, acceptLateReports: {},
    reportedDays: await reportedDaysFrom(deps.sql, children.map((c) => c.pupilId), today),
  }
  for (const schoolId of new Set(children.map((c) => c.schoolId))) {
    const school = (await getSchool(deps.sql, schoolId))!
    home.reasons[schoolId] = await deps.sql<Reason[]>`
      select id, label, category from school_reason where school_id = ${schoolId} and active order by sort_order, id`
    const to = addDays(today, GUARDIAN_CALENDAR_DAYS)
    home.nextSchoolDays[schoolId] = schoolDaysBetween(today, to, await calendarRules(deps.sql, schoolId, today, to))
    home.sameDayCutoff[schoolId] = school.settings.sameDayCutoff
    home.acceptLateReports[schoolId] = school.settings.acceptLateReports
  }
  return home
}
