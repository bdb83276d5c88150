import { describe, expect, it } from 'vitest'
import { CALL_OUTCOME_LABEL } from '../../../shared/protocol/notices.js'
import {
  SAFETY_PICKUP_LABEL,
  SAFETY_SITUATION_LABEL,
  SAFETY_STATUS_LABEL,
  SAFETY_TALLY_LABEL,
  SAFETY_TEMPLATES,
  SAFETY_WHEREABOUTS_LABEL,
} from '../../../shared/protocol/safety.js'
import { formatInstantTimeJa } from '../../../shared/time/format.js'
import { SCHOOL_ZONE } from '../../../shared/time/zone.js'
import { callOutcomeLabel, instantTimeText, pickupLabel, situationLabel, statusLabel, tallyLabel, templateLabel, whereaboutsLabel } from './labels.js'

// The catalogue repeats shared/protocol's words: in Japanese the page must still say exactly them.
describe('the safety page in Japanese', () => {
  it('shows the protocol’s own labels', () => {
    const same = <K extends string>(labels: Record<K, string>, label: (k: K) => string) =>
      expect(Object.fromEntries(Object.keys(labels).map((k) => [k, label(k as K)]))).toEqual(labels)
    same(Object.fromEntries(Object.entries(SAFETY_TEMPLATES).map(([k, v]) => [k, v.label])) as Record<keyof typeof SAFETY_TEMPLATES, string>, templateLabel)
    same(SAFETY_SITUATION_LABEL, situationLabel)
    same(SAFETY_STATUS_LABEL, statusLabel)
    same(SAFETY_WHEREABOUTS_LABEL, whereaboutsLabel)
    same(SAFETY_PICKUP_LABEL, pickupLabel)
    same(CALL_OUTCOME_LABEL, callOutcomeLabel)
    same(SAFETY_TALLY_LABEL, tallyLabel)
  })

  it('gives an instant’s time as formatInstantTimeJa does', () => {
    for (const iso of ['2026-11-30T22:45:00Z', '2026-11-30T06:05:00Z', '2026-11-30T15:00:00Z']) expect(instantTimeText(iso, SCHOOL_ZONE)).toBe(formatInstantTimeJa(iso, SCHOOL_ZONE))
  })
})
