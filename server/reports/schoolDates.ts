import { DateTime } from 'luxon'
import { schoolDateOf } from '../../shared/time/schoolTime.js'
import { getSchool, type School } from '../data/schools.js'
import type { Q } from '../db/types.js'

/** "Now" as the school sees it: its local date and wall-clock time. */
export function schoolNow(school: School, epochMs: number): { today: string; time: string } {
  const d = DateTime.fromMillis(epochMs, { zone: school.timeZone })
  return { today: schoolDateOf(epochMs, school.timeZone), time: d.toFormat('HH:mm') }
}

/** The school's date today. */
export async function schoolToday(q: Q, schoolId: number, epochMs: number): Promise<string> {
  return schoolNow((await getSchool(q, schoolId))!, epochMs).today
}
