import type { LongAbsenceReason } from '../../../shared/protocol/index.js'
import type { t } from './text.js'

/** The long-absence reason categories' names (LONG_ABSENCE_REASON_LABEL has them in Japanese). */
export const REASON: Record<LongAbsenceReason, Parameters<typeof t>[0]> = {
  illness: 'reasonIllness', economic: 'reasonEconomic', truancy: 'reasonTruancy', other: 'reasonOther',
}
