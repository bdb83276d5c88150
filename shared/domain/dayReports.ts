import type { ReportKind } from './attendance.js'

/**
 * Several guardian reports on one pupil-day. A guardian's second report either adds to the
 * first (a morning 遅刻 and an afternoon 早退 are both real) or changes it (the earlier one is
 * replaced, kept as history). These rules say what the day's live reports mean together.
 */

/** The code a 遅刻 and an 早退 on the same day combine into (late and early leave at once). */
export const LATE_AND_EARLY_LEAVE = 'late_early_leave'

/** A report (or a staff mark standing for one) with the code it suggests for the day. */
export interface DayClaim<C> {
  kind: ReportKind
  codeId: C
}

/**
 * The mark a pupil-day's live claims (newest first) suggest. The newest decides, except that a
 * 遅刻 and an 早退 not separated by a newer 欠席 give the combined code: the register counts
 * one mark per day by its flags, so one code that is both late and early leave makes both
 * count without a second definition of counting. No live claim leaves the day unmarked.
 */
export function suggestedDayMark<C>(newestFirst: readonly DayClaim<C>[], combined: C): C | null {
  const newest = newestFirst[0]
  if (!newest) return null
  if (newest.kind === 'absent') return newest.codeId
  const absentAt = newestFirst.findIndex((c) => c.kind === 'absent')
  const sinceAbsence = absentAt === -1 ? newestFirst : newestFirst.slice(0, absentAt)
  const kinds = new Set(sinceAbsence.map((c) => c.kind))
  return kinds.has('late') && kinds.has('early_leave') ? combined : newest.codeId
}

/** What a page needs of a report in a day's thread to tell its state. */
export interface ThreadReport {
  replacedBy: number | null
  acknowledgedAt: string | null
}

/** The day's live reports (not replaced by a later one), in the thread's order. */
export function liveReports<R extends ThreadReport>(thread: readonly R[]): R[] {
  return thread.filter((r) => r.replacedBy === null)
}

/** The newest live report of a thread (newest first), or null when there is none. */
export function currentReport<R extends ThreadReport>(thread: readonly R[]): R | null {
  return thread.find((r) => r.replacedBy === null) ?? null
}

/**
 * The reports of a thread still waiting for staff's 確認, each on its own. Reports a later one
 * replaced are left out: acknowledging the replacement covers them (the thread shows both).
 */
export function unacknowledgedReports<R extends ThreadReport>(thread: readonly R[]): R[] {
  return liveReports(thread).filter((r) => r.acknowledgedAt === null)
}

/**
 * Whether the day changed after staff had acknowledged it: some report was 確認済 and a newer
 * one (added or replacing) is not yet. Then 確認済 no longer covers what the board shows.
 */
export function changedAfterAcknowledgement(thread: readonly ThreadReport[]): boolean {
  // Newest first: anything before the newest acknowledged report came after it, unacknowledged.
  return thread.findIndex((r) => r.acknowledgedAt !== null) > 0
}
