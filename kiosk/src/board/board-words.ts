import type { StatusWords } from '../../../shared/domain/boardView.js'
import type { DayStatus, ReasonCategory } from '../../../shared/protocol/index.js'
import { t } from './text.js'

/**
 * The board's words for the shared labels it shows (status, reason category): looked up from the
 * value, so the Japanese stays the shared modules' and English comes from the board's catalogue.
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

/** A board count's label (出席停止・忌引 counted together). */
export const countLabel = (s: DayStatus): string => (s === 'excused' ? t('statusExcused') : STATUS_WORDS[s])

const REASON_KEY = {
  illness: 'reasonIllness',
  injury: 'reasonInjury',
  family: 'reasonFamily',
  suspension: 'reasonSuspension',
  bereavement: 'reasonBereavement',
  appointment: 'reasonAppointment',
  other: 'reasonOther',
} as const satisfies Record<ReasonCategory, string>

export const reasonCategoryLabel = (c: ReasonCategory): string => t(REASON_KEY[c])
