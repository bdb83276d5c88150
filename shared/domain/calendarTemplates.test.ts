import { describe, expect, it } from 'vitest'
import { CALENDAR_TEMPLATES, templateRanges } from './calendarTemplates.js'

describe('calendar templates', () => {
  it('place each vacation inside the April–March school year, in order, never overlapping', () => {
    for (const t of CALENDAR_TEMPLATES) {
      for (const fiscalYear of [2026, 2027, 2031]) {
        const ranges = templateRanges(t.id, fiscalYear)
        for (const r of ranges) {
          expect(r.from <= r.to, `${t.id} ${r.label}`).toBe(true)
          expect(r.from >= `${fiscalYear}-04-01` && r.to <= `${fiscalYear + 1}-03-31`, `${t.id} ${r.label}`).toBe(true)
        }
        for (let i = 1; i < ranges.length; i++) expect(ranges[i - 1]!.to < ranges[i]!.from).toBe(true)
      }
    }
  })

  it('put the winter break across the new year and the year-end break in March of the next year', () => {
    expect(templateRanges('standard', 2026)).toEqual([
      { from: '2026-04-01', to: '2026-04-05', label: '春休み' },
      { from: '2026-07-21', to: '2026-08-31', label: '夏休み' },
      { from: '2026-12-26', to: '2027-01-07', label: '冬休み' },
      { from: '2027-03-25', to: '2027-03-31', label: '学年末休業' },
    ])
    expect(templateRanges('holidays_only', 2026)).toEqual([])
  })
})
