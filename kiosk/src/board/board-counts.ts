import type { DayEntry, DayStatus } from '../../../shared/protocol/index.js'

export const COUNTED: readonly DayStatus[] = ['absent', 'late', 'early_leave', 'not_arrived', 'excused']

/** Counts entries per board status (present pupils are not entries, so they are not counted). */
export function countByStatus(entries: Iterable<DayEntry>): Record<DayStatus, number> {
  const counts: Record<DayStatus, number> = { absent: 0, late: 0, early_leave: 0, not_arrived: 0, excused: 0, present: 0 }
  for (const e of entries) counts[e.status]++
  return counts
}

/**
 * Entries grouped by class id, each group sorted by attendance number. A pupil marked 出席
 * explicitly (a teacher's mark over an earlier absence) is simply present: not on the board.
 */
export function entriesByClass(entries: Iterable<DayEntry>): Map<number, DayEntry[]> {
  const out = new Map<number, DayEntry[]>()
  for (const e of entries) {
    if (e.status === 'present') continue
    if (!out.has(e.classId)) out.set(e.classId, [])
    out.get(e.classId)!.push(e)
  }
  for (const list of out.values()) list.sort((a, b) => a.attendanceNumber - b.attendanceNumber)
  return out
}
