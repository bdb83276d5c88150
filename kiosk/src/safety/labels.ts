import type { SafetyPickup, SafetySituation, SafetyStatus, SafetyTemplate, SafetyWhereabouts } from '../../../shared/protocol/safety.js'
import { t } from './text.js'

/**
 * The values of a safety check as the staff read them. shared/protocol keeps them in Japanese
 * for the server and the CSV; the catalogue holds the same words, and English.
 */
export const templateLabel = (v: SafetyTemplate) =>
  t(({ earthquake: 'templateEarthquake', storm: 'templateStorm', intruder: 'templateIntruder', fire: 'templateFire', drill: 'templateDrill', free: 'templateFree' } as const)[v])
export const situationLabel = (v: SafetySituation) => t(({ in_school: 'situationInSchool', out_of_school: 'situationOutOfSchool' } as const)[v])
export const statusLabel = (v: SafetyStatus) => t(({ safe: 'statusSafe', injured: 'statusInjured', unknown: 'statusUnknown', other: 'statusOther' } as const)[v])
export const whereaboutsLabel = (v: SafetyWhereabouts) => t(({ home: 'whereHome', school: 'whereSchool', shelter: 'whereShelter', other: 'whereOther' } as const)[v])
export const pickupLabel = (v: SafetyPickup) =>
  t(({ parent: 'pickupParent', other_person: 'pickupOtherPerson', wait_at_school: 'pickupWaitAtSchool', undecided: 'pickupUndecided' } as const)[v])
export { callOutcomeText as callOutcomeLabel } from '../components/asg-call-record.js'
/** The tally's columns (SAFETY_TALLY_LABEL). */
export const tallyLabel = (v: 'answered' | 'safe' | 'support' | 'unanswered') => t(v)

export { instantTimeText } from '../lib/staffLanguage.js'
