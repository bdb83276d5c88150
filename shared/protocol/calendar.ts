import { z } from 'zod'
import { SuspensionInput, type SuspensionProposal } from '../domain/suspension.js'
import { Id, IsoDate, shortText } from './primitives.js'

const numeric = z.coerce.number().int()

/** GET /api/calendar?fiscalYear= */
export const CalendarQuery = z.object({ fiscalYear: numeric.min(2000).max(2100).optional() })

const Range = z.object({ from: IsoDate, to: IsoDate }).refine((r) => r.from <= r.to, { message: '終わりの日が始まりの日より前です', path: ['to'] })

/** POST /api/calendar/days: marks vacations / closures (休校), extra school days, or clears them. */
export const SetCalendarDays = Range.and(z.object({ kind: z.enum(['closed', 'extra_school_day', 'clear']), label: shortText(40).default('') }))
export type SetCalendarDays = z.infer<typeof SetCalendarDays>

/** POST /api/calendar/closures: 学級閉鎖 (a class) or 学年閉鎖 (a grade). */
export const CreateClosure = Range.and(z.object({ classId: Id.nullable().default(null), grade: z.number().int().min(1).max(9).nullable().default(null), label: shortText(40).default('') }))
export type CreateClosure = z.infer<typeof CreateClosure>

/** POST /api/calendar/events: a school event (行事). */
export const CreateEvent = Range.and(z.object({ title: shortText(100).pipe(z.string().min(1, '行事名を入力してください。')), visibleToGuardians: z.boolean().default(true) }))
export type CreateEvent = z.infer<typeof CreateEvent>

export interface CalendarDayRow { date: string; kind: 'closed' | 'extra_school_day'; label: string }
export interface ClosureRow { id: number; classId: number | null; grade: number | null; target: string; fromDate: string; toDate: string; label: string }
export interface EventRow { id: number; fromDate: string; toDate: string; title: string; visibleToGuardians: boolean }

export interface CalendarYear {
  ok: true
  fiscalYear: number
  startsOn: string
  endsOn: string
  today: string
  canEdit: boolean
  holidays: { date: string; name: string }[]
  days: CalendarDayRow[]
  closures: ClosureRow[]
  events: EventRow[]
  classes: { id: number; label: string; grade: number }[]
  schoolDayCount: number
}

/** POST /api/register/suspension/{propose,apply} */
export const SuspensionRequest = z.object({ pupilId: Id, input: SuspensionInput })
export type SuspensionRequest = z.infer<typeof SuspensionRequest>
/** Their answer's `plan`: the period, the last day of 出席停止, the return day and the school days it covers for the pupil. */
export type SuspensionPlan = SuspensionProposal & { schoolDays: string[] }

/** POST /api/register/resolve: end-of-day resolution of one class's day. */
export const ResolveDayRequest = z.object({ classId: Id, date: IsoDate })
