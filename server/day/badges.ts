import type { DayEntry } from '../../shared/protocol/index.js'
import type { SchoolYear } from '../data/schools.js'
import type { Q } from '../db/types.js'
import { registerCounts, schoolDaysOf } from '../register/counts.js'

export type DayBadges = Pick<DayEntry, 'consecutiveAbsences' | 'cumulativeAbsences'>

const NONE: DayBadges = { consecutiveAbsences: 0, cumulativeAbsences: 0 }

/**
 * The 連続 and 累計 badges of some pupils on `date`, counted by the register (counts.ts) so
 * the board, the teacher pages, the register and the guidance view can never disagree: 累計
 * is the register's 欠席日数 of the school year up to `date`, 連続 its streak at `date`. A
 * mark on a non-school day, outside the pupil's enrolment or on a closure of their class
 * never counts.
 */
export async function dayBadges(q: Q, schoolId: number, year: SchoolYear, date: string, pupilIds: number[]): Promise<(pupilId: number) => DayBadges> {
  if (pupilIds.length === 0) return () => NONE
  const to = date < year.endsOn ? date : year.endsOn
  const yearDays = await schoolDaysOf(q, schoolId, year.startsOn, to)
  const counts = await registerCounts(q, { schoolId, schoolYearId: year.id, yearDays, periodFrom: to, pupilIds })
  const byPupil = new Map(counts.map((c) => [c.pupilId, { consecutiveAbsences: c.streak, cumulativeAbsences: c.year.absentDays }]))
  return (pupilId) => byPupil.get(pupilId) ?? NONE
}
