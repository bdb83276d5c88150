import { DateTime } from 'luxon'
import { schoolDateOf } from '../../shared/time/schoolTime.js'
import { SCHOOL_ZONE } from '../../shared/time/zone.js'

/** "Now" as the school sees it: its local date and wall-clock time. */
export function schoolNow(epochMs: number): { today: string; time: string } {
  const d = DateTime.fromMillis(epochMs, { zone: SCHOOL_ZONE })
  return { today: schoolDateOf(epochMs, SCHOOL_ZONE), time: d.toFormat('HH:mm') }
}
