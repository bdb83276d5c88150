import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import type { DaySnapshot } from '../../shared/protocol/index.js'
import { isSchoolDay } from '../../shared/domain/calendar.js'
import { calendarRules, getSchool, schoolYearOn } from '../data/schools.js'
import type { Sql } from '../db/types.js'
import { loadClasses } from './classes.js'
import { loadEntries, redactForBoard, redactHealth } from './entries.js'
import { openSafetyBoard } from '../safety/views.js'

/**
 * A consistent picture of one school day: the sequence number and the rows are read in one
 * repeatable-read transaction, so applying events after `seq` yields exactly the live state.
 */
export async function buildSnapshot(sql: Sql, opts: { schoolId: number; date: string; buildId: string; forBoard: boolean; healthNotes?: boolean }): Promise<DaySnapshot> {
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    const school = await getSchool(tx, opts.schoolId)
    if (!school) throw new Error(`school ${opts.schoolId} not found`)
    const [{ seq }] = (await tx<{ seq: number }[]>`select seq from school where id = ${opts.schoolId}`) as unknown as [{ seq: number }]
    const year = await schoolYearOn(tx, opts.schoolId, opts.date)
    const classes = year ? await loadClasses(tx, year.id, opts.date) : []
    const entries = year ? await loadEntries(tx, opts.schoolId, year, opts.date) : []
    const rules = await calendarRules(tx, opts.schoolId, opts.date, opts.date)
    // Read with the rest at `seq`: a board that reconnects during a confirmation is in safety mode at once.
    const safety = await openSafetyBoard(tx, opts.schoolId)
    const s = school.settings
    return {
      schoolId: school.id,
      schoolName: school.name,
      timeZone: SCHOOL_ZONE,
      date: opts.date,
      isSchoolDay: !!year && isSchoolDay(opts.date, rules),
      seq,
      buildId: opts.buildId,
      boardShowsMessages: s.boardShowsMessages,
      showEraYear: s.showEraYear,
      dimBefore: s.boardDimBefore,
      dimAfter: s.boardDimAfter,
      rollCallTime: s.rollCallTime,
      consecutiveAbsenceBadge: s.consecutiveAbsenceBadge,
      cumulativeAbsenceBadges: s.cumulativeAbsenceBadges,
      classes,
      safety,
      entries: opts.forBoard ? entries.map((e) => redactForBoard(e, s.boardShowsMessages)) : opts.healthNotes === false ? entries.map(redactHealth) : entries,
    }
  }) as Promise<DaySnapshot>
}
