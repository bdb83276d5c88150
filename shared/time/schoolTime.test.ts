import { describe, expect, it } from 'vitest'
import { addDays, datesBetween, daysInclusive, forEachDate, schoolDateOf, schoolMinutesOf, weekdayOf } from './schoolTime.js'

describe('school time', () => {
  it('the local date and minute change exactly at local midnight, however often the minute before was asked for', () => {
    const beforeMidnight = Date.parse('2026-12-02T14:59:59.999Z') // 23:59:59.999 in Tokyo
    for (let i = 0; i < 3; i++) expect(schoolDateOf(beforeMidnight, 'Asia/Tokyo')).toBe('2026-12-02')
    expect(schoolMinutesOf(beforeMidnight, 'Asia/Tokyo')).toBe(23 * 60 + 59)
    expect(schoolDateOf(beforeMidnight + 1, 'Asia/Tokyo')).toBe('2026-12-03')
    expect(schoolMinutesOf(beforeMidnight + 1, 'Asia/Tokyo')).toBe(0)
    // Another zone asked in between keeps its own answer.
    expect(schoolDateOf(beforeMidnight + 1, 'Europe/London')).toBe('2026-12-02')
    expect(schoolDateOf(beforeMidnight, 'Asia/Tokyo')).toBe('2026-12-02')
  })

  it('adds days across months, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31')
    expect(addDays('2026-04-01', 365)).toBe('2027-04-01')
  })

  it('knows the ISO weekday, also before 1970', () => {
    expect(weekdayOf('2026-12-02')).toBe(3) // Wednesday
    expect(weekdayOf('2026-12-06')).toBe(7) // Sunday
    expect(weekdayOf('1970-01-01')).toBe(4)
    expect(weekdayOf('1969-12-29')).toBe(1)
  })

  it('walks a range day by day with its weekdays, ends included', () => {
    const seen: string[] = []
    forEachDate('2027-02-26', '2027-03-02', (d, w) => void seen.push(`${d}/${w}`))
    expect(seen).toEqual(['2027-02-26/5', '2027-02-27/6', '2027-02-28/7', '2027-03-01/1', '2027-03-02/2'])
    expect(datesBetween('2026-04-01', '2027-03-31')).toHaveLength(365)
    expect(daysInclusive('2026-04-01', '2027-03-31')).toBe(365)
    expect(datesBetween('2026-12-02', '2026-12-01')).toEqual([])
  })
})
