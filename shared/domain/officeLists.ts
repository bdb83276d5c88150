import type { ClassInfo, DayEntry, DayReport } from '../protocol/day.js'
import { isUnexplained } from './boardView.js'
import { currentReport, unacknowledgedReports } from './dayReports.js'

/**
 * The office's morning lists, derived from the live day (snapshot + events), so they
 * update with every change without a query of their own.
 */
export interface Discrepancy {
  entry: DayEntry
  /** Why it needs a look, in Japanese. */
  why: string
}

export interface OfficeLists {
  /** 未登校 and nobody has explained: the notices and calls are for these. */
  unexplained: DayEntry[]
  /**
   * Guardian reports no one has acknowledged (確認) yet, each on its own: a pupil with a
   * morning 遅刻 and an afternoon 早退 counts twice (see `unacknowledgedReports`).
   */
  unacknowledged: { entry: DayEntry; report: DayReport }[]
  /** What the family said and what the school saw disagree. */
  discrepancies: Discrepancy[]
  /** Classes whose roll is not taken yet. */
  classesWithoutRoll: ClassInfo[]
}

/** Statuses in which the pupil is (or was) in school today. */
const ARRIVED = new Set(['present', 'late', 'early_leave'])

export function officeLists(classes: readonly ClassInfo[], entries: readonly DayEntry[]): OfficeLists {
  const order = new Map(classes.map((c, i) => [c.id, i]))
  const sorted = [...entries].sort((a, b) => (order.get(a.classId) ?? 0) - (order.get(b.classId) ?? 0) || a.attendanceNumber - b.attendanceNumber)
  return {
    unexplained: sorted.filter(isUnexplained),
    unacknowledged: sorted.flatMap((entry) => unacknowledgedReports(entry.reports).map((report) => ({ entry, report }))),
    discrepancies: sorted.flatMap((e) =>
      currentReport(e.reports)?.kind === 'absent' && ARRIVED.has(e.status)
        ? [{ entry: e, why: e.source === 'teacher' || e.source === 'office' ? '欠席の連絡あり・学校は出席と記録' : '欠席の連絡あり・登校済' }]
        : [],
    ),
    classesWithoutRoll: classes.filter((c) => !c.rollTaken && c.pupilCount > 0),
  }
}
