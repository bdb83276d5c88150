import type { ReasonCategory } from '../../../shared/protocol/index.js'
import { t } from './text.js'

/**
 * The board's words for the reason categories it shows: looked up from the value, so the
 * Japanese stays the shared module's and English comes from the board's catalogue. (Statuses and
 * badges: components/day-words.ts.)
 */

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
