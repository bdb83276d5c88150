import type { ClassInfo, DaySnapshot } from '../../shared/protocol/index.js'
import { isSchoolDay } from '../../shared/domain/calendar.js'
import { calendarRules, getSchool, schoolYearOn } from '../data/schools.js'
import type { Sql } from '../db/types.js'
import { loadEntries, redactForBoard } from './entries.js'

/**
 * A consistent picture of one school day: the sequence number and the rows are read in one
 * repeatable-read transaction, so applying events after `seq` yields exactly the live state.
 */
export async function buildSnapshot(sql: Sql, opts: { schoolId: number; date: string; buildId: string; forBoard: boolean }): Promise<DaySnapshot> {
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    const school = await getSchool(tx, opts.schoolId)
    if (!school) throw new Error(`school ${opts.schoolId} not found`)
    const [{ seq }] = (await tx<{ seq: number }[]>`select seq from school where id = ${opts.schoolId}`) as unknown as [{ seq: number }]
    const year = await schoolYearOn(tx, opts.schoolId, opts.date)
    const classes = year ? await tx<ClassInfo[]>`
      select c.id, c.grade, c.name, c.grade || '年' || c.name as label,
             (select count(*)::int from class_membership m join pupil p on p.id = m.pupil_id
               where m.class_id = c.id and p.enrolled_on <= ${opts.date} and (p.left_on is null or p.left_on >= ${opts.date})) as pupil_count,
             (select s.family_name || ' ' || s.given_name from homeroom_assignment h join staff s on s.id = h.staff_id
               where h.class_id = c.id and h.is_main order by s.id limit 1) as homeroom_teacher,
             null as roll_taken
      from school_class c where c.school_year_id = ${year.id}
      order by c.grade, c.sort_order, c.name` : []
    const entries = year ? await loadEntries(tx, opts.schoolId, year, opts.date) : []
    const rules = await calendarRules(tx, opts.schoolId, opts.date, opts.date)
    const s = school.settings
    return {
      schoolId: school.id,
      schoolName: school.name,
      timeZone: school.timeZone,
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
      entries: opts.forBoard ? entries.map((e) => redactForBoard(e, s.boardShowsMessages)) : entries,
    }
  }) as Promise<DaySnapshot>
}
