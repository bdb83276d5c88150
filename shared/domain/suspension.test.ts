import { describe, expect, it } from 'vitest'
import { proposeSuspension, type SuspensionInput } from './suspension.js'

/** Onset, fever-break and easing days are day 0 (「…した後N日を経過」). */
const CASES: { name: string; input: SuspensionInput; returnOn?: string; lastDay?: string; missing?: string }[] = [
  { name: 'influenza: the onset rule decides (fever broke early)', input: { disease: 'influenza', onset: '2026-11-02', feverBroke: '2026-11-04' }, returnOn: '2026-11-08', lastDay: '2026-11-07' },
  { name: 'influenza: the fever rule decides (fever broke late)', input: { disease: 'influenza', onset: '2026-11-02', feverBroke: '2026-11-06' }, returnOn: '2026-11-09', lastDay: '2026-11-08' },
  { name: 'influenza: both rules give the same day', input: { disease: 'influenza', onset: '2026-11-02', feverBroke: '2026-11-05' }, returnOn: '2026-11-08', lastDay: '2026-11-07' },
  { name: 'influenza needs the day the fever broke', input: { disease: 'influenza', onset: '2026-11-02' }, missing: 'feverBroke' },
  { name: 'influenza across February 29 of a leap year', input: { disease: 'influenza', onset: '2028-02-26', feverBroke: '2028-02-28' }, returnOn: '2028-03-03', lastDay: '2028-03-02' },
  { name: 'influenza across the school year boundary', input: { disease: 'influenza', onset: '2027-03-28', feverBroke: '2027-03-29' }, returnOn: '2027-04-03', lastDay: '2027-04-02' },
  { name: 'COVID-19: 5 days after onset', input: { disease: 'covid19', onset: '2026-11-02', symptomsEased: '2026-11-06' }, returnOn: '2026-11-08', lastDay: '2026-11-07' },
  { name: 'COVID-19: 1 day after symptoms eased', input: { disease: 'covid19', onset: '2026-11-02', symptomsEased: '2026-11-07' }, returnOn: '2026-11-09', lastDay: '2026-11-08' },
  { name: 'COVID-19 needs the day symptoms eased', input: { disease: 'covid19', onset: '2026-11-02' }, missing: 'symptomsEased' },
  { name: 'measles: 3 days after the fever broke', input: { disease: 'measles', onset: '2026-11-05', feverBroke: '2026-11-10' }, returnOn: '2026-11-14', lastDay: '2026-11-13' },
  { name: 'mumps: 5 days after the swelling began', input: { disease: 'mumps', onset: '2026-11-02' }, returnOn: '2026-11-08', lastDay: '2026-11-07' },
  { name: '咽頭結膜熱: 2 days after the main symptoms', input: { disease: 'pharyngoconjunctival', onset: '2026-11-05', symptomsEased: '2026-11-10' }, returnOn: '2026-11-13', lastDay: '2026-11-12' },
  { name: 'chickenpox rests on the doctor', input: { disease: 'chickenpox', onset: '2026-11-02' }, missing: 'doctorReturnOn' },
  { name: "the doctor's date overrides the counts", input: { disease: 'chickenpox', onset: '2026-11-02', doctorReturnOn: '2026-11-12' }, returnOn: '2026-11-12', lastDay: '2026-11-11' },
  { name: "the doctor's date overrides influenza too", input: { disease: 'influenza', onset: '2026-11-02', feverBroke: '2026-11-03', doctorReturnOn: '2026-11-10' }, returnOn: '2026-11-10', lastDay: '2026-11-09' },
  { name: 'a return before the onset is refused', input: { disease: 'other', onset: '2026-11-02', doctorReturnOn: '2026-11-02' }, missing: 'doctorReturnOn' },
]

describe('出席停止 calculator (学校保健安全法施行規則 第19条)', () => {
  it.each(CASES)('$name', (c) => {
    const p = proposeSuspension(c.input)
    if (c.missing) {
      expect(p).toMatchObject({ ok: false, missing: c.missing })
    } else {
      expect(p).toMatchObject({ ok: true, from: c.input.onset, returnOn: c.returnOn, lastDay: c.lastDay })
    }
  })
})
