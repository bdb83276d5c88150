import { statusLabel, type Badge, type StatusWords } from '../../../shared/domain/boardView.js'
import { DAY_STATUS_LABEL } from '../../../shared/domain/attendance.js'
import type { DayEntry, DayStatus } from '../../../shared/protocol/index.js'
import { t } from './text.js'

/**
 * The words of a school day's entries wherever they are shown (the board, the teacher view):
 * the statuses and the absence badges, in the page's language. In Japanese they are the shared
 * modules' words (a test holds them equal).
 */
export const STATUS_WORDS: StatusWords = {
  absent: t('statusAbsent'),
  late: t('statusLate'),
  early_leave: t('statusEarlyLeave'),
  not_arrived: t('statusNotArrived'),
  present: t('statusPresent'),
  suspension: t('statusSuspension'),
  bereavement: t('statusBereavement'),
}

/** A status by itself, as counts and tiles name it (出席停止 and 忌引 counted together). */
export const dayStatusText = (s: DayStatus): string => (s === 'excused' ? t('statusExcused') : STATUS_WORDS[s])

/**
 * An entry's status chip (boardView's rule: a 遅刻 or 早退 mark shows the school's own label, which
 * may say both). A label that is just the status's own word is said in the page's language.
 */
export function statusText(e: Pick<DayEntry, 'status' | 'codeLabel'>): string {
  const label = statusLabel(e, STATUS_WORDS)
  return label === DAY_STATUS_LABEL[e.status] ? dayStatusText(e.status) : label
}

/** A badge: 連続3日, 累計10日. */
export const badgeText = (b: Badge): string => t(b.kind === 'streak' ? 'badgeStreak' : 'badgeCumulative', { n: b.days })
