import { z } from 'zod'

/**
 * Calendar templates: the usual vacations of a Japanese school year, so a new school or a new
 * school year starts with a real calendar (national holidays come from the holiday data set and
 * need no template). The dates are the common ones; each school adjusts them afterwards in the
 * calendar page, where the vacations are ordinary closed days.
 */
export const CalendarTemplateId = z.enum(['standard', 'cold_region', 'holidays_only'], { message: 'カレンダーのひな形を選んでください' })
export type CalendarTemplateId = z.infer<typeof CalendarTemplateId>

/** A vacation as month/day bounds; `nextYear` dates fall in the calendar year after April. */
interface VacationRule {
  label: string
  from: [month: number, day: number]
  to: [month: number, day: number]
}

export interface CalendarTemplate {
  id: CalendarTemplateId
  label: { ja: string; en: string }
  vacations: readonly VacationRule[]
}

export const CALENDAR_TEMPLATES: readonly CalendarTemplate[] = [
  {
    id: 'standard',
    label: { ja: '標準（春休み・夏休み・冬休み・学年末休業）', en: 'Standard (spring, summer, winter and year-end breaks)' },
    vacations: [
      { label: '春休み', from: [4, 1], to: [4, 5] },
      { label: '夏休み', from: [7, 21], to: [8, 31] },
      { label: '冬休み', from: [12, 26], to: [1, 7] },
      { label: '学年末休業', from: [3, 25], to: [3, 31] },
    ],
  },
  {
    id: 'cold_region',
    label: { ja: '寒冷地（夏休みが短く、冬休みが長い）', en: 'Cold region (short summer, long winter break)' },
    vacations: [
      { label: '春休み', from: [4, 1], to: [4, 5] },
      { label: '夏休み', from: [7, 25], to: [8, 17] },
      { label: '冬休み', from: [12, 25], to: [1, 16] },
      { label: '学年末休業', from: [3, 24], to: [3, 31] },
    ],
  },
  {
    id: 'holidays_only',
    label: { ja: '祝日のみ（休業日はあとで入力）', en: 'National holidays only (enter vacations later)' },
    vacations: [],
  },
]

export interface TemplateRange {
  from: string
  to: string
  label: string
}

const pad = (n: number) => String(n).padStart(2, '0')
/** April–December belong to the fiscal year itself, January–March to the next calendar year. */
const dateIn = (fiscalYear: number, [month, day]: [number, number]) => `${month >= 4 ? fiscalYear : fiscalYear + 1}-${pad(month)}-${pad(day)}`

/** The vacations of a template for the April–March school year starting in `fiscalYear`. */
export function templateRanges(id: CalendarTemplateId, fiscalYear: number): TemplateRange[] {
  const template = CALENDAR_TEMPLATES.find((t) => t.id === id)!
  return template.vacations.map((v) => ({ from: dateIn(fiscalYear, v.from), to: dateIn(fiscalYear, v.to), label: v.label }))
}
