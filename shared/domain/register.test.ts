import { describe, expect, it } from 'vitest'
import { schoolDaysBetween, type CalendarRules } from './calendar.js'
import { DEFAULT_CODES } from './defaultCodes.js'
import { countRegister, pupilStreak, thresholdsCrossed, type DayMark, type EnrolmentSpan, type RegisterCounts } from './register.js'

/**
 * Hand-computed cases. November 2026: the 1st is a Sunday; 文化の日 (Tue 3rd) and
 * 勤労感謝の日 (Mon 23rd) fall on weekdays, so it has 21 weekdays and 19 school days.
 * The holidays below are copied from the national calendar (server tests check the data
 * package agrees).
 */
const HOLIDAYS = [
  '2026-05-03', '2026-05-04', '2026-05-05', '2026-05-06', // GW; the 6th is 振替休日 for Sunday the 3rd
  '2026-11-03', '2026-11-23',
  '2027-03-21', '2027-03-22', // 春分の日 on a Sunday, 振替休日 on Monday
  '2028-02-11', '2028-02-23',
]
const rules = (closed: string[] = [], extra: string[] = []): CalendarRules => ({
  holidays: new Set(HOLIDAYS),
  closedDays: new Set(closed),
  extraSchoolDays: new Set(extra),
})
const code = (c: string): DayMark => DEFAULT_CODES.find((d) => d.code === c)!
const ABS = code('absent_sick')
const ACC = code('absent_other')
const SUS = code('suspension_infection')
const KIB = code('bereavement')
const LATE = code('late')
const EARLY = code('early_leave')
const MITO = code('not_arrived')
const DEEMED = code('deemed_present')

interface Case {
  name: string
  from: string
  to: string
  closed?: string[]
  extra?: string[]
  span?: EnrolmentSpan
  marks: Record<string, DayMark>
  classClosure?: string[]
  /** Expected 連続欠席 at `to`. */
  streak: number
  counts: RegisterCounts
}

/** The counts in the register's column order (授業日数, 出席停止・忌引等, 出席しなければならない, 欠席, 出席), then 遅刻, 早退, 未登校. */
const tally = (schoolDays: number, excusedDays: number, requiredDays: number, absentDays: number, attendedDays: number, late: number, earlyLeave: number, unresolved: number): RegisterCounts =>
  ({ schoolDays, excusedDays, requiredDays, absentDays, attendedDays, late, earlyLeave, unresolved })

const FULL: EnrolmentSpan = { enrolledOn: '2000-04-01', leftOn: null }

const CASES: Case[] = [
  { name: 'a weekend does not break a streak', from: '2026-11-01', to: '2026-11-09', marks: { '2026-11-05': ABS, '2026-11-06': ABS, '2026-11-09': ACC }, streak: 3,
    counts: tally(5, 0, 5, 3, 2, 0, 0, 0) },
  { name: 'a national holiday does not break a streak', from: '2026-11-02', to: '2026-11-04', marks: { '2026-11-02': ABS, '2026-11-04': ABS }, streak: 2,
    counts: tally(2, 0, 2, 2, 0, 0, 0, 0) },
  { name: 'Golden Week with a substitute holiday (振替休日) does not break a streak', from: '2026-04-30', to: '2026-05-07', marks: { '2026-04-30': ABS, '2026-05-01': ABS, '2026-05-07': ABS }, streak: 3,
    counts: tally(3, 0, 3, 3, 0, 0, 0, 0) },
  { name: 'a whole-school closure (休校) is not a school day and does not break a streak', from: '2026-11-09', to: '2026-11-11', closed: ['2026-11-10'], marks: { '2026-11-09': ABS, '2026-11-11': ABS }, streak: 2,
    counts: tally(2, 0, 2, 2, 0, 0, 0, 0) },
  { name: 'a day attended ends the streak', from: '2026-11-04', to: '2026-11-09', marks: { '2026-11-04': ABS, '2026-11-06': ABS, '2026-11-09': ABS }, streak: 2,
    counts: tally(4, 0, 4, 3, 1, 0, 0, 0) },
  { name: '出席停止 inside a streak neither counts nor breaks it', from: '2026-11-01', to: '2026-11-30', marks: { '2026-11-26': ABS, '2026-11-27': SUS, '2026-11-30': ABS, '2026-11-20': KIB }, streak: 2,
    counts: tally(19, 2, 17, 2, 15, 0, 0, 0) },
  { name: 'a class closure (学級閉鎖) applies to the pupil and wins over a mark', from: '2026-11-01', to: '2026-11-16', classClosure: ['2026-11-11', '2026-11-12', '2026-11-13'],
    marks: { '2026-11-10': ABS, '2026-11-12': ABS, '2026-11-16': ABS }, streak: 2,
    counts: tally(10, 3, 7, 2, 5, 0, 0, 0) },
  { name: 'the same marks in a class that was not closed', from: '2026-11-01', to: '2026-11-16',
    marks: { '2026-11-10': ABS, '2026-11-12': ABS, '2026-11-16': ABS }, streak: 1,
    counts: tally(10, 0, 10, 3, 7, 0, 0, 0) },
  { name: 'late and early leave are counted apart and are presence; 未登校 is flagged, not 欠席', from: '2026-11-01', to: '2026-11-30',
    marks: { '2026-11-04': LATE, '2026-11-05': LATE, '2026-11-06': EARLY, '2026-11-09': MITO, '2026-11-10': DEEMED }, streak: 0,
    counts: tally(19, 0, 19, 0, 19, 2, 1, 1) },
  { name: 'a Saturday class day is a school day', from: '2026-11-01', to: '2026-11-30', extra: ['2026-11-28'], marks: { '2026-11-28': ABS }, streak: 0,
    counts: tally(20, 0, 20, 1, 19, 0, 0, 0) },
  { name: 'mid-year enrolment counts only the pupil\'s days', from: '2026-11-01', to: '2026-11-30', span: { enrolledOn: '2026-11-16', leftOn: null },
    marks: { '2026-11-13': ABS, '2026-11-16': ABS }, streak: 0,
    counts: tally(10, 0, 10, 1, 9, 0, 0, 0) },
  { name: 'a pupil who left counts up to the last day; the streak at their last day', from: '2026-11-01', to: '2026-11-20', span: { enrolledOn: '2026-04-01', leftOn: '2026-11-20' },
    marks: { '2026-11-19': ABS, '2026-11-20': ABS }, streak: 2,
    counts: tally(14, 0, 14, 2, 12, 0, 0, 0) },
  { name: 'before enrolment ends a streak', from: '2026-11-09', to: '2026-11-17', span: { enrolledOn: '2026-11-16', leftOn: null },
    marks: { '2026-11-13': ABS, '2026-11-16': ABS, '2026-11-17': ABS }, streak: 2,
    counts: tally(2, 0, 2, 2, 0, 0, 0, 0) },
  { name: 'the school year starts on April 1: March 31 belongs to the previous year', from: '2026-04-01', to: '2026-04-01',
    marks: { '2026-03-31': ABS, '2026-04-01': ABS }, streak: 1,
    counts: tally(1, 0, 1, 1, 0, 0, 0, 0) },
  { name: 'March of the year ends on the 31st, with 春分の日 and its substitute holiday', from: '2027-03-01', to: '2027-03-31',
    marks: { '2027-03-19': ABS, '2027-03-23': ABS, '2027-03-31': ABS }, streak: 1,
    counts: tally(22, 0, 22, 3, 19, 0, 0, 0) },
  { name: 'a leap year: February 2028 has 29 days, 21 weekdays and 19 school days', from: '2028-02-01', to: '2028-03-01',
    marks: { '2028-02-28': ABS, '2028-02-29': ABS, '2028-03-01': ABS }, streak: 3,
    counts: tally(20, 0, 20, 3, 17, 0, 0, 0) },
]

describe('the register arithmetic (hand-computed cases)', () => {
  it.each(CASES)('$name', (c) => {
    const days = schoolDaysBetween(c.from, c.to, rules(c.closed, c.extra))
    const markOf = (d: string) => c.marks[d] ?? null
    const closedFor = (d: string) => c.classClosure?.includes(d) ?? false
    const span = c.span ?? FULL
    const counts = countRegister(days, span, markOf, closedFor)
    expect(counts).toEqual(c.counts)
    expect(pupilStreak([...days].reverse(), span, markOf, closedFor)).toBe(c.streak)
  })
})

describe('thresholds crossed in a period', () => {
  it.each([
    { before: 8, after: 11, want: [10] },
    { before: 10, after: 12, want: [] },
    { before: 9, after: 30, want: [10, 20, 30] },
    { before: 0, after: 0, want: [] },
  ])('$before → $after', ({ before, after, want }) => {
    expect(thresholdsCrossed(before, after, [10, 20, 30])).toEqual(want)
  })
})
