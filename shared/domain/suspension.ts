import { z } from 'zod'
import { addDays } from '../time/schoolTime.js'
import { firstSchoolDayAfter, type CalendarRules } from './calendar.js'

/**
 * The 出席停止 calculator (学校保健安全法施行規則 第19条). Counting follows the law's
 * "…した後N日を経過するまで": the day of onset (or of the fever breaking, of symptoms easing) is
 * day 0, days 1…N must pass, so the earliest return is day N+1. Where the rule depends on a
 * doctor ("医師が認めるまで", 発しんが痂皮化するまで …), the nurse enters the doctor's date.
 * The pupil comes back on the first school day after the last day of 出席停止: a weekend, a
 * holiday, a vacation or a 休校 in between moves the return day, never the period; a closure
 * of the pupil's class does not (the school is open, the class is closed for everyone).
 */

export const Disease = z.enum(['influenza', 'covid19', 'measles', 'mumps', 'pharyngoconjunctival', 'pertussis', 'rubella', 'chickenpox', 'other'])
export type Disease = z.infer<typeof Disease>

interface Rule {
  label: string
  /** Days that must pass after onset (day 0), if the rule has such a clause. */
  afterOnset?: number
  /** Days that must pass after the fever broke (day 0). */
  afterFever?: number
  /** Days that must pass after symptoms eased (day 0). */
  afterEased?: number
  /** The rule's wording, shown to the nurse. */
  text: string
  /** The rule needs a doctor's judgement besides (or instead of) the day counts. */
  doctor: boolean
}

export const DISEASE_RULES: Record<Disease, Rule> = {
  influenza: { label: 'インフルエンザ', afterOnset: 5, afterFever: 2, doctor: false, text: '発症した後5日を経過し、かつ、解熱した後2日を経過するまで' },
  covid19: { label: '新型コロナウイルス感染症', afterOnset: 5, afterEased: 1, doctor: false, text: '発症した後5日を経過し、かつ、症状が軽快した後1日を経過するまで' },
  measles: { label: '麻しん', afterFever: 3, doctor: false, text: '解熱した後3日を経過するまで' },
  mumps: { label: '流行性耳下腺炎', afterOnset: 5, doctor: true, text: '耳下腺等の腫脹が発現した後5日を経過し、かつ、全身状態が良好になるまで' },
  pharyngoconjunctival: { label: '咽頭結膜熱', afterEased: 2, doctor: false, text: '主要症状が消退した後2日を経過するまで' },
  pertussis: { label: '百日咳', doctor: true, text: '特有の咳が消失するまで又は5日間の適正な抗菌性物質製剤による治療が終了するまで' },
  rubella: { label: '風しん', doctor: true, text: '発しんが消失するまで' },
  chickenpox: { label: '水痘', doctor: true, text: 'すべての発しんが痂皮化するまで' },
  other: { label: 'その他', doctor: true, text: '医師において感染のおそれがないと認めるまで' },
}

export const SuspensionInput = z.object({
  disease: Disease,
  onset: z.iso.date({ error: '発症日を入力してください。' }),
  feverBroke: z.iso.date().nullish(),
  symptomsEased: z.iso.date().nullish(),
  /** The day the doctor allows the pupil back (治癒証明・登校許可): overrides the day counts. */
  doctorReturnOn: z.iso.date().nullish(),
})
export type SuspensionInput = z.infer<typeof SuspensionInput>

/** The period the rule gives: from the onset to the day before the law lets the pupil back. */
export type SuspensionPeriod =
  | { ok: true; from: string; lastDay: string; basis: string }
  | { ok: false; missing: 'feverBroke' | 'symptomsEased' | 'doctorReturnOn'; basis: string }

/** The period and the day the pupil may come back by the school's calendar (null when none is near). */
export type SuspensionProposal =
  | (Extract<SuspensionPeriod, { ok: true }> & { returnOn: string | null })
  | Extract<SuspensionPeriod, { ok: false }>

/** How far after the period the return day is looked for: longer than any vacation. */
export const RETURN_SEARCH_DAYS = 120

/** Proposes the 出席停止 range: from the onset day to the day before the earliest return. */
export function suspensionPeriod(input: SuspensionInput): SuspensionPeriod {
  const rule = DISEASE_RULES[input.disease]
  const basis = `${rule.label}: ${rule.text}`
  const from = input.onset
  const done = (allowedOn: string, why: string): SuspensionPeriod =>
    allowedOn <= from
      ? { ok: false, missing: 'doctorReturnOn', basis: `${basis}(登校可能日が発症日以前です)` }
      : { ok: true, from, lastDay: addDays(allowedOn, -1), basis: `${basis}${why}` }
  if (input.doctorReturnOn) return done(input.doctorReturnOn, '(医師の判断による)')
  const candidates: string[] = []
  if (rule.afterOnset !== undefined) candidates.push(addDays(input.onset, rule.afterOnset + 1))
  if (rule.afterFever !== undefined) {
    if (!input.feverBroke) return { ok: false, missing: 'feverBroke', basis }
    candidates.push(addDays(input.feverBroke, rule.afterFever + 1))
  }
  if (rule.afterEased !== undefined) {
    if (!input.symptomsEased) return { ok: false, missing: 'symptomsEased', basis }
    candidates.push(addDays(input.symptomsEased, rule.afterEased + 1))
  }
  // Rules that rest on a doctor alone cannot be computed from dates.
  if (candidates.length === 0) return { ok: false, missing: 'doctorReturnOn', basis }
  return done(candidates.sort().at(-1)!, rule.doctor ? '(全身状態は医師が確認)' : '')
}

/**
 * The period and the return day: `rules` must cover the days from the onset to
 * RETURN_SEARCH_DAYS after the last day (see `suspensionPeriod` for the last day).
 */
export function proposeSuspension(period: SuspensionPeriod, rules: CalendarRules): SuspensionProposal {
  return period.ok ? { ...period, returnOn: firstSchoolDayAfter(period.lastDay, rules, RETURN_SEARCH_DAYS) } : period
}
