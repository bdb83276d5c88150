import { schoolDaysBetween } from '../../shared/domain/calendar.js'
import { addDays, fiscalYearOf, schoolDateOf } from '../../shared/time/schoolTime.js'
import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import { calendarRules } from '../data/schools.js'
import type { Q } from '../db/types.js'
import { smallSchool, type SmallSchool } from './fixtures.js'

export interface LiveSchool extends SmallSchool {
  /** A school day after today on which guardians may report. */
  reportDate: string
  reasonId: number
}

/**
 * The small school for a server process, which runs on the real clock: its school year is the
 * one a fortnight from now, and `reportDate` is that year's first school day after today.
 */
export async function liveSchool(q: Q, prefix: string, now = Date.now()): Promise<LiveSchool> {
  const today = schoolDateOf(now, SCHOOL_ZONE)
  const fiscalYear = fiscalYearOf(addDays(today, 14))
  const s = await smallSchool(q, prefix, fiscalYear)
  const tomorrow = addDays(today, 1)
  const from = tomorrow > `${fiscalYear}-04-01` ? tomorrow : `${fiscalYear}-04-01`
  const to = `${fiscalYear + 1}-03-31`
  const [reportDate] = schoolDaysBetween(from, to, await calendarRules(q, s.schoolId, from, to))
  if (!reportDate) throw new Error(`no school day between ${from} and ${to}`)
  const [reason] = await q<{ id: number }[]>`select id from school_reason where school_id = ${s.schoolId} order by id limit 1`
  return { ...s, reportDate, reasonId: reason!.id }
}
