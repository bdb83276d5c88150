import { schoolDateOf, schoolMinutesOf } from '../../shared/time/schoolTime.js'
import { SCHOOL_ZONE } from '../../shared/time/zone.js'

/** "Now" as the school sees it: its local date and wall-clock time. */
export function schoolNow(epochMs: number): { today: string; time: string } {
  const minutes = schoolMinutesOf(epochMs, SCHOOL_ZONE)
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0')
  const mm = String(minutes % 60).padStart(2, '0')
  return { today: schoolDateOf(epochMs, SCHOOL_ZONE), time: `${hh}:${mm}` }
}
