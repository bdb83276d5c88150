import { Router } from 'express'
import { z } from 'zod'
import { CalendarQuery, CreateClosure, CreateEvent, SetCalendarDays } from '../../../shared/protocol/calendar.js'
import { YearMonth } from '../../../shared/protocol/register.js'
import { fiscalYearOf, schoolDateOf } from '../../../shared/time/schoolTime.js'
import { guardianMay, staffMay } from '../../auth/guards.js'
import { calendarYear } from '../../calendar/year.js'
import { createClosure, createEvent, deleteClosure, deleteEvent, guardianEvents, setCalendarDays } from '../../calendar/edit.js'
import { getSchool } from '../../data/schools.js'
import type { Deps } from '../../deps.js'
import { monthRange } from '../../register/month.js'
import { schoolNow } from '../../reports/schoolDates.js'
import { idParam, principalOf } from '../context.js'
import { parseInput } from '../errors.js'

/** The school calendar: staff read it, the administrators edit it; guardians read the events. */
export function calendarRoutes(deps: Deps): Router {
  const r = Router()
  const editor = (res: Parameters<typeof principalOf>[0]) => staffMay(principalOf(res), 'calendar.edit')

  r.get('/', async (req, res) => {
    const who = staffMay(principalOf(res), 'calendar.read')
    const today = schoolNow((await getSchool(deps.sql, who.schoolId))!, deps.clock.now()).today
    const q = parseInput(CalendarQuery, req.query)
    res.json(await calendarYear(deps.sql, who, q.fiscalYear ?? fiscalYearOf(today), today))
  })

  r.post('/days', async (req, res) => {
    await setCalendarDays(deps, editor(res), parseInput(SetCalendarDays, req.body))
    res.json({ ok: true })
  })
  r.post('/closures', async (req, res) => {
    res.status(201).json({ ok: true, id: await createClosure(deps, editor(res), parseInput(CreateClosure, req.body)) })
  })
  r.post('/closures/:id/delete', async (req, res) => {
    await deleteClosure(deps, editor(res), idParam(req, 'id'))
    res.json({ ok: true })
  })
  r.post('/events', async (req, res) => {
    res.status(201).json({ ok: true, id: await createEvent(deps, editor(res), parseInput(CreateEvent, req.body)) })
  })
  r.post('/events/:id/delete', async (req, res) => {
    await deleteEvent(deps, editor(res), idParam(req, 'id'))
    res.json({ ok: true })
  })

  /** A guardian's view: the events of their children's schools for a month (this month by default). */
  r.get('/guardian-events', async (req, res) => {
    const who = guardianMay(principalOf(res), 'guardian.home')
    const { month } = parseInput(z.object({ month: YearMonth.optional() }), req.query)
    const { from, to } = monthRange(month ?? schoolDateOf(deps.clock.now(), 'Asia/Tokyo').slice(0, 7))
    res.json({ ok: true, from, to, events: await guardianEvents(deps.sql, who.guardianId, from, to) })
  })
  return r
}
