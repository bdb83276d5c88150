import { z } from 'zod'
import { SuspensionInput, type SuspensionProposal } from '../domain/suspension.js'
import { Id, IsoDate, shortText } from './primitives.js'
import { YearMonth } from './register.js'

const numeric = z.coerce.number<number | string>().int()

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

export const CalendarDayRow = z.object({ date: IsoDate, kind: z.enum(['closed', 'extra_school_day']), label: z.string() })
export type CalendarDayRow = z.infer<typeof CalendarDayRow>
export const ClosureRow = z.object({ id: Id, classId: Id.nullable(), grade: z.number().int().nullable(), target: z.string(), fromDate: IsoDate, toDate: IsoDate, label: z.string() })
export type ClosureRow = z.infer<typeof ClosureRow>
export const EventRow = z.object({ id: Id, fromDate: IsoDate, toDate: IsoDate, title: z.string(), visibleToGuardians: z.boolean() })
export type EventRow = z.infer<typeof EventRow>

export const CalendarYear = z.object({
  ok: z.literal(true),
  fiscalYear: z.number().int(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  today: IsoDate,
  canEdit: z.boolean(),
  holidays: z.array(z.object({ date: IsoDate, name: z.string() })),
  days: z.array(CalendarDayRow),
  closures: z.array(ClosureRow),
  events: z.array(EventRow),
  classes: z.array(z.object({ id: Id, label: z.string(), grade: z.number().int() })),
  schoolDayCount: z.number().int(),
})
export type CalendarYear = z.infer<typeof CalendarYear>

/** GET /api/calendar/guardian-events?month= */
export const GuardianEventsQuery = z.object({ month: YearMonth.optional() })

/** A school event as a family sees it. */
export const GuardianEvent = z.object({ id: Id, schoolName: z.string(), fromDate: IsoDate, toDate: IsoDate, title: z.string() })
export type GuardianEvent = z.infer<typeof GuardianEvent>

export const GuardianEvents = z.object({ ok: z.literal(true), from: IsoDate, to: IsoDate, events: z.array(GuardianEvent) })
export type GuardianEvents = z.infer<typeof GuardianEvents>

/** POST /api/register/suspension/{propose,apply} */
export const SuspensionRequest = z.object({ pupilId: Id, input: SuspensionInput })
export type SuspensionRequest = z.infer<typeof SuspensionRequest>

/** POST /api/register/resolve: end-of-day resolution of one class's day. */
export const ResolveDayRequest = z.object({ classId: Id, date: IsoDate })

/** Their answer's `plan`: the period, the last day of 出席停止, the return day (none found within the search) and the school days it covers for the pupil. */
export const SuspensionPlan = z.intersection(
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), from: IsoDate, lastDay: IsoDate, returnOn: IsoDate.nullable(), basis: z.string() }),
    z.object({ ok: z.literal(false), missing: z.enum(['feverBroke', 'symptomsEased', 'doctorReturnOn']), basis: z.string() }),
  ]),
  z.object({ schoolDays: z.array(IsoDate) }),
) satisfies z.ZodType<SuspensionProposal & { schoolDays: string[] }>
export type SuspensionPlan = z.infer<typeof SuspensionPlan>
