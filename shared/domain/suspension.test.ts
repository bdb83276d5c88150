import { describe, expect, it } from 'vitest'
import type { CalendarRules } from './calendar.js'
import { proposeSuspension, suspensionPeriod, type SuspensionInput } from './suspension.js'

/** Onset, fever-break and easing days are day 0 (「…した後N日を経過」). */
const CASES: { name: string; input: SuspensionInput; lastDay?: string; missing?: string }[] = [
  { name: 'influenza: the onset rule decides (fever broke early)', input: { disease: 'influenza', onset: '2026-11-02', feverBroke: '2026-11-04' }, lastDay: '2026-11-07' },
  { name: 'influenza: the fever rule decides (fever broke late)', input: { disease: 'influenza', onset: '2026-11-02', feverBroke: '2026-11-06' }, lastDay: '2026-11-08' },
  { name: 'influenza: both rules give the same day', input: { disease: 'influenza', onset: '2026-11-02', feverBroke: '2026-11-05' }, lastDay: '2026-11-07' },
  { name: 'influenza needs the day the fever broke', input: { disease: 'influenza', onset: '2026-11-02' }, missing: 'feverBroke' },
  { name: 'influenza across February 29 of a leap year', input: { disease: 'influenza', onset: '2028-02-26', feverBroke: '2028-02-28' }, lastDay: '2028-03-02' },
  { name: 'influenza across the school year boundary', input: { disease: 'influenza', onset: '2027-03-28', feverBroke: '2027-03-29' }, lastDay: '2027-04-02' },
  { name: 'COVID-19: 5 days after onset', input: { disease: 'covid19', onset: '2026-11-02', symptomsEased: '2026-11-06' }, lastDay: '2026-11-07' },
  { name: 'COVID-19: 1 day after symptoms eased', input: { disease: 'covid19', onset: '2026-11-02', symptomsEased: '2026-11-07' }, lastDay: '2026-11-08' },
  { name: 'COVID-19 needs the day symptoms eased', input: { disease: 'covid19', onset: '2026-11-02' }, missing: 'symptomsEased' },
  { name: 'measles: 3 days after the fever broke', input: { disease: 'measles', onset: '2026-11-05', feverBroke: '2026-11-10' }, lastDay: '2026-11-13' },
  { name: 'mumps: 5 days after the swelling began', input: { disease: 'mumps', onset: '2026-11-02' }, lastDay: '2026-11-07' },
  { name: '咽頭結膜熱: 2 days after the main symptoms', input: { disease: 'pharyngoconjunctival', onset: '2026-11-05', symptomsEased: '2026-11-10' }, lastDay: '2026-11-12' },
  { name: 'chickenpox rests on the doctor', input: { disease: 'chickenpox', onset: '2026-11-02' }, missing: 'doctorReturnOn' },
  { name: "the doctor's date overrides the counts", input: { disease: 'chickenpox', onset: '2026-11-02', doctorReturnOn: '2026-11-12' }, lastDay: '2026-11-11' },
  { name: "the doctor's date overrides influenza too", input: { disease: 'influenza', onset: '2026-11-02', feverBroke: '2026-11-03', doctorReturnOn: '2026-11-10' }, lastDay: '2026-11-09' },
  { name: 'a return before the onset is refused', input: { disease: 'other', onset: '2026-11-02', doctorReturnOn: '2026-11-02' }, missing: 'doctorReturnOn' },
]

describe('出席停止 calculator (学校保健安全法施行規則 第19条)', () => {
  it.each(CASES)('$name', (c) => {
    const p = suspensionPeriod(c.input)
    if (c.missing) {
      expect(p).toMatchObject({ ok: false, missing: c.missing })
    } else {
      expect(p).toMatchObject({ ok: true, from: c.input.onset, lastDay: c.lastDay })
    }
  })
})

/**
 * The return day by the calendar, by hand. Autumn 2026: Mon 9/21 敬老の日, Tue 9/22 国民の休日,
 * Wed 9/23 秋分の日 (シルバーウィーク); Mon 10/12 スポーツの日; Mon 11/23 勤労感謝の日.
 * Winter 2026–27: 冬休み 12/25–1/7; 1/1 元日, Mon 1/11 成人の日.
 */
const HOLIDAYS = ['2026-09-21', '2026-09-22', '2026-09-23', '2026-10-12', '2026-11-23', '2027-01-01', '2027-01-11']
const WINTER = Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2026, 11, 25 + i)).toISOString().slice(0, 10))
const rules = (closed: string[] = [], extra: string[] = []): CalendarRules => ({
  holidays: new Set(HOLIDAYS), closedDays: new Set([...WINTER, ...closed]), extraSchoolDays: new Set(extra),
})
const RETURN_CASES: { name: string; input: SuspensionInput; rules?: CalendarRules; lastDay: string; returnOn: string | null }[] = [
  { name: 'ends on a Friday before a three-day weekend: back on Tuesday',
    input: { disease: 'influenza', onset: '2026-10-04', feverBroke: '2026-10-06' }, lastDay: '2026-10-09', returnOn: '2026-10-13' },
  { name: 'ends on a Saturday before シルバーウィーク: back on Thursday',
    input: { disease: 'influenza', onset: '2026-09-14', feverBroke: '2026-09-16' }, lastDay: '2026-09-19', returnOn: '2026-09-24' },
  { name: 'ends the day before 冬休み: back on the first day of the third term',
    input: { disease: 'influenza', onset: '2026-12-19', feverBroke: '2026-12-21' }, lastDay: '2026-12-24', returnOn: '2027-01-08' },
  { name: 'ends on a Wednesday: back the next day',
    input: { disease: 'covid19', onset: '2026-11-06', symptomsEased: '2026-11-10' }, lastDay: '2026-11-11', returnOn: '2026-11-12' },
  { name: 'a 休校 on the Monday moves the return',
    input: { disease: 'influenza', onset: '2026-11-01', feverBroke: '2026-11-03' }, rules: rules(['2026-11-09']), lastDay: '2026-11-06', returnOn: '2026-11-10' },
  { name: 'a Saturday class day is a school day to come back on',
    input: { disease: 'influenza', onset: '2026-11-01', feverBroke: '2026-11-03' }, rules: rules([], ['2026-11-07']), lastDay: '2026-11-06', returnOn: '2026-11-07' },
  { name: "the doctor's date on a holiday Monday: back on Tuesday",
    input: { disease: 'chickenpox', onset: '2026-11-10', doctorReturnOn: '2026-11-23' }, lastDay: '2026-11-22', returnOn: '2026-11-24' },
  { name: 'no school day within reach of the calendar',
    input: { disease: 'influenza', onset: '2026-11-01', feverBroke: '2026-11-03' },
    rules: rules(Array.from({ length: 130 }, (_, i) => new Date(Date.UTC(2026, 10, 7 + i)).toISOString().slice(0, 10))), lastDay: '2026-11-06', returnOn: null },
]

describe('the return day', () => {
  it.each(RETURN_CASES)('$name', (c) => {
    expect(proposeSuspension(suspensionPeriod(c.input), c.rules ?? rules())).toMatchObject({ ok: true, lastDay: c.lastDay, returnOn: c.returnOn })
  })
  it('is not proposed while a date is missing', () => {
    expect(proposeSuspension(suspensionPeriod({ disease: 'influenza', onset: '2026-11-02' }), rules())).toEqual({ ok: false, missing: 'feverBroke', basis: expect.any(String) })
  })
})
