import { css } from 'lit'
import { statusLabel, type Badge } from '../../../shared/domain/boardView.js'
import { unacknowledgedReports } from '../../../shared/domain/dayReports.js'
import { DAY_STATUS_LABEL } from '../../../shared/protocol/index.js'
import type { DayEntry, DayStatus, ReportKind } from '../../../shared/protocol/index.js'
import { t } from './text.js'

/**
 * Shared bits of the teacher page's elements: the status buckets that are counted, the
 * thresholds for the absence badges and the status chip styles.
 */

/** The buckets counted on the teacher page, in display order ('present' is not counted). */
export const COUNTED_STATUSES = ['absent', 'late', 'early_leave', 'not_arrived', 'excused'] as const satisfies readonly DayStatus[]
export type CountedStatus = (typeof COUNTED_STATUSES)[number]

/** The statuses' words on the teacher page (as DAY_STATUS_LABEL in Japanese). */
export const STATUS_LABEL: Record<DayStatus, string> = {
  absent: t('statusAbsent'),
  late: t('statusLate'),
  early_leave: t('statusEarlyLeave'),
  not_arrived: t('statusNotArrived'),
  excused: t('statusExcused'),
  present: t('statusPresent'),
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

/**
 * boardView's statusLabel in the page's language: its fixed words are looked up, a
 * 遅刻・早退 mark's own label is the school's code label and stays as it is.
 */
export function statusText(e: Pick<DayEntry, 'status' | 'codeLabel'>): string {
  const label = statusLabel(e)
  if (label === DAY_STATUS_LABEL[e.status]) return STATUS_LABEL[e.status]
  if (e.status === 'excused') return label === '忌引' ? t('statusBereavement') : t('statusSuspension')
  return label
}

/** boardView's badges in the page's language, from the same counts. */
export function badgeText(b: Badge, e: Pick<DayEntry, 'consecutiveAbsences' | 'cumulativeAbsences'>): string {
  return b.kind === 'streak' ? t('streakBadge', { n: e.consecutiveAbsences ?? 0 }) : t('cumulativeBadge', { n: e.cumulativeAbsences ?? 0 })
}

/** A message with a count that is styled on its own: the text before and after the count. */
export function aroundCount(message: (n: string) => string): [string, string] {
  const MARK = '\uE000'
  const [before = '', after = ''] = message(MARK).split(MARK)
  return [before, after]
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
