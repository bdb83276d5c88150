import { css } from 'lit'
import { unacknowledgedReports } from '../../../shared/domain/dayReports.js'
import type { DayEntry, DayStatus, NoticeAnswerKind, ReportKind } from '../../../shared/protocol/index.js'
import { dayStatusText } from '../components/day-words.js'
import { t } from './text.js'

/**
 * Shared bits of the teacher page's elements: the status buckets that are counted, the
 * thresholds for the absence badges and the status chip styles.
 */

/** The buckets counted on the teacher page, in display order ('present' is not counted). */
export const COUNTED_STATUSES = ['absent', 'late', 'early_leave', 'not_arrived', 'excused'] as const satisfies readonly DayStatus[]
export type CountedStatus = (typeof COUNTED_STATUSES)[number]

/** The statuses' words (components/day-words.ts, as the board says them). */
export const STATUS_LABEL: Record<DayStatus, string> = {
  absent: dayStatusText('absent'),
  late: dayStatusText('late'),
  early_leave: dayStatusText('early_leave'),
  not_arrived: dayStatusText('not_arrived'),
  excused: dayStatusText('excused'),
  present: dayStatusText('present'),
}

/** Short labels where space is tight (the overview's cards). */
export const STATUS_SHORT_LABEL: Record<DayStatus, string> = { ...STATUS_LABEL, excused: t('statusExcusedShort') }

/** The class's count tiles: five to a phone's width, so English needs shorter words than the full label. */
export const COUNT_LABEL: Record<DayStatus, string> = { ...STATUS_LABEL, excused: t('statusExcusedTile') }

/** The report kinds' words (as REPORT_KIND_LABEL in Japanese). */
export const REPORT_KIND_TEXT: Record<ReportKind, string> = {
  absent: t('kindAbsent'),
  late: t('kindLate'),
  early_leave: t('kindEarlyLeave'),
}


/** A message with a count that is styled on its own: the text before and after the count. */
export function aroundCount(message: (n: string) => string): [string, string] {
  const MARK = '\uE000'
  const [before = '', after = ''] = message(MARK).split(MARK)
  return [before, after]
}

/** The guardians' answers to a not-arrived notice (as NOTICE_ANSWER_LABEL in Japanese). */
export const ANSWER_TEXT: Record<NoticeAnswerKind, string> = {
  late: t('answerLate'),
  absent: t('answerAbsent'),
  should_be_at_school: t('answerShouldBeAtSchool'),
  will_call: t('answerWillCall'),
}

/** How long a row stays highlighted after it changed live. */
export const HIGHLIGHT_MS = 10_000

export function countByStatus(entries: readonly DayEntry[]): Record<CountedStatus, number> {
  const counts: Record<CountedStatus, number> = { absent: 0, late: 0, early_leave: 0, not_arrived: 0, excused: 0 }
  for (const e of entries) if (e.status !== 'present') counts[e.status]++
  return counts
}

/** Reports that still wait for a teacher's 確認, each report on its own (as the office lists count them). */
export function unacknowledged(entries: readonly DayEntry[]): number {
  return entries.reduce((n, e) => n + unacknowledgedReports(e.reports).length, 0)
}

export const byAttendanceNumber = (a: DayEntry, b: DayEntry): number => a.attendanceNumber - b.attendanceNumber

/** `.st-<status>` colours for chips and count tiles; always paired with text. */
export const statusColours = css`
  .st-absent { color: var(--asg-absent); background: var(--asg-absent-bg); }
  .st-late { color: var(--asg-late); background: var(--asg-late-bg); }
  .st-early_leave { color: var(--asg-early); background: var(--asg-early-bg); }
  .st-not_arrived { color: var(--asg-not-arrived); background: var(--asg-not-arrived-bg); }
  .st-excused { color: var(--asg-excused); background: var(--asg-excused-bg); }
  .st-present { color: var(--asg-ink-soft); background: #eeece6; }
`
