import { describe, expect, it } from 'vitest'
import { isSchoolDay, schoolDaysBetween, type CalendarRules } from './calendar.js'

const rules = (p: Partial<Record<keyof CalendarRules, string[]>> = {}): CalendarRules => ({
  holidays: new Set(p.holidays ?? []),
  closedDays: new Set(p.closedDays ?? []),
  extraSchoolDays: new Set(p.extraSchoolDays ?? []),
})

describe('school days', () => {
  it('are weekdays without holidays or closures, plus extra school days', () => {
    const r = rules({ holidays: ['2026-11-23'], closedDays: ['2026-11-27'], extraSchoolDays: ['2026-11-28'] })
    expect(isSchoolDay('2026-11-23', r)).toBe(false) // 勤労感謝の日
    expect(isSchoolDay('2026-11-24', r)).toBe(true)
    expect(isSchoolDay('2026-11-27', r)).toBe(false) // 休校
    expect(isSchoolDay('2026-11-28', r)).toBe(true) // Saturday class day
    expect(isSchoolDay('2026-11-29', r)).toBe(false) // Sunday
    expect(schoolDaysBetween('2026-11-20', '2026-11-30', r)).toEqual(['2026-11-20', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-28', '2026-11-30'])
  })
})
