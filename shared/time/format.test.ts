import { describe, expect, it } from 'vitest'
import { eraYear, formatDateJa, formatInstantJa, formatInstantTimeJa, formatLongDateJa, formatTimeJa } from './format.js'
import { addDays, datesBetween, fiscalYearOf, minutesOfTime, schoolDateOf } from './schoolTime.js'

describe('Japanese formatting', () => {
  it.each([
    ['2026-11-28', '11月28日(土)'],
    ['2026-11-30', '11月30日(月)'],
    ['2027-01-03', '1月3日(日)'],
    ['2028-02-29', '2月29日(火)'],
  ])('%s → %s', (d, want) => expect(formatDateJa(d)).toBe(want))

  it('writes times without a leading zero', () => {
    expect(formatTimeJa('08:05')).toBe('8:05')
    expect(formatTimeJa('9:30')).toBe('9:30')
    expect(formatTimeJa('13:00')).toBe('13:00')
  })

  it('names the era year, 元年 for the first', () => {
    expect(eraYear('2026-11-28')).toBe('令和8年')
    expect(eraYear('2019-05-01')).toBe('令和元年')
    expect(eraYear('2019-04-30')).toBe('平成31年')
    expect(formatLongDateJa('2026-11-28', true)).toBe('令和8年11月28日(土)')
    expect(formatLongDateJa('2026-11-28')).toBe('2026年11月28日(土)')
  })

  it('shows instants in the school zone, not the machine zone', () => {
    expect(formatInstantTimeJa('2026-11-27T23:05:00Z', 'Asia/Tokyo')).toBe('8:05')
    expect(formatInstantJa('2026-11-27T23:05:00Z', 'Asia/Tokyo')).toBe('11月28日(土) 8:05')
  })
})

describe('school time arithmetic', () => {
  it('takes the school-local date of an instant', () => {
    expect(schoolDateOf(Date.parse('2026-11-27T15:00:00Z'), 'Asia/Tokyo')).toBe('2026-11-28')
    expect(schoolDateOf(Date.parse('2026-11-27T14:59:59Z'), 'Asia/Tokyo')).toBe('2026-11-27')
  })
  it('puts March in the previous school year', () => {
    expect(fiscalYearOf('2027-03-31')).toBe(2026)
    expect(fiscalYearOf('2027-04-01')).toBe(2027)
  })
  it('adds days across month and leap-year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01')
    expect(datesBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02'])
    expect(minutesOfTime('8:30')).toBe(510)
  })
})

describe('weekdays', () => {
  it('agree with the calendar, across years', async () => {
    const { weekdayOf } = await import('./schoolTime.js')
    expect(weekdayOf('2026-11-28')).toBe(6)
    expect(weekdayOf('2026-11-29')).toBe(7)
    expect(weekdayOf('2026-11-30')).toBe(1)
    expect(weekdayOf('2028-02-29')).toBe(2)
  })
})
