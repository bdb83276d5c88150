import { Router } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { fiscalYearOf } from '../../../shared/time/schoolTime.js'
import { guardianMay, staffMay } from '../../auth/guards.js'
import { createClosure, createEvent, deleteClosure, deleteEvent, guardianEventsOfMonth, setCalendarDays } from '../../calendar/edit.js'
import { calendarYear } from '../../calendar/year.js'
import type { Deps } from '../../deps.js'
import { schoolNow } from '../../reports/schoolDates.js'
import { principalOf } from '../context.js'
import type { MountOn } from '../mount.js'

/** The school calendar: staff read it, the administrators edit it; guardians read the events. */
export function calendarRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/calendar')
  const api = routes.calendar
  const editor = (res: Parameters<typeof principalOf>[0]) => staffMay(principalOf(res), 'calendar.edit')

  on(api.year).handle(async ({ res, query }) => {
    const who = staffMay(principalOf(res), 'calendar.read')
    const today = schoolNow(deps.clock.now()).today
    return calendarYear(deps.sql, who, query.fiscalYear ?? fiscalYearOf(today), today)
  })

  on(api.setDays).handle(async ({ res, body }) => {
    await setCalendarDays(deps, editor(res), body)
    return { ok: true }
  })
  on(api.createClosure).handle(async ({ res, body }) => ({ ok: true, id: await createClosure(deps, editor(res), body) }))
  on(api.deleteClosure).handle(async ({ res, params }) => {
    await deleteClosure(deps, editor(res), params.id)
    return { ok: true }
  })
  on(api.createEvent).handle(async ({ res, body }) => ({ ok: true, id: await createEvent(deps, editor(res), body) }))
  on(api.deleteEvent).handle(async ({ res, params }) => {
    await deleteEvent(deps, editor(res), params.id)
    return { ok: true }
  })

  /** A guardian's view: the events of their children's schools for a month (this month by default). */
  on(api.guardianEvents).handle(async ({ res, query }) => guardianEventsOfMonth(deps, guardianMay(principalOf(res), 'guardian.home').guardianId, query.month))
  return r
}
