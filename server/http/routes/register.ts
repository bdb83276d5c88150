import { Router } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { staffMay } from '../../auth/guards.js'
import type { Deps } from '../../deps.js'
import { registerClasses } from '../../register/access.js'
import { csvFile } from '../../register/csv.js'
import { correctMark, markHistory } from '../../register/marks.js'
import { registerMonth } from '../../register/month.js'
import { registerCsv } from '../../register/registerCsv.js'
import { resolveDay } from '../../register/resolve.js'
import { applySuspension, planSuspension } from '../../register/suspension.js'
import { schoolNow } from '../../reports/schoolDates.js'
import { principalOf } from '../context.js'
import type { MountOn } from '../mount.js'

/** The register (出席簿): staff only; homeroom teachers see their own classes. */
export function registerRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/register')
  const api = routes.register

  /** The classes the caller may open this school year, and today's date, to start the page. */
  on(api.classes).handle(async ({ res }) => {
    const who = staffMay(principalOf(res), 'register.read')
    const day = schoolNow(deps.clock.now()).today
    return { ok: true, today: day, classes: await registerClasses(deps.sql, who, day) }
  })

  on(api.month).handle(async ({ res, query }) => {
    const who = staffMay(principalOf(res), 'register.read')
    return registerMonth(deps.sql, who, query.classId, query.month, schoolNow(deps.clock.now()).today)
  })

  on(api.monthCsv).handle(async ({ res, query }) => {
    const who = staffMay(principalOf(res), 'register.read')
    const month = await registerMonth(deps.sql, who, query.classId, query.month, schoolNow(deps.clock.now()).today)
    return csvFile(`出席簿_${month.classLabel}_${query.month}.csv`, registerCsv(month), query.encoding)
  })

  on(api.history).handle(async ({ res, query }) => {
    const who = staffMay(principalOf(res), 'register.read')
    return { ok: true, rows: await markHistory(deps.sql, who, query.pupilId, query.date, deps.clock.now()) }
  })

  on(api.correctMark).handle(async ({ res, body }) => {
    const who = staffMay(principalOf(res), 'register.correct')
    await correctMark(deps, who, body)
    return { ok: true }
  })

  on(api.resolveDay).handle(async ({ res, body }) => {
    const who = staffMay(principalOf(res), 'register.correct')
    return resolveDay(deps, who, body.classId, body.date)
  })

  on(api.proposeSuspension).handle(async ({ res, body }) => {
    const who = staffMay(principalOf(res), 'suspension.plan')
    return { ok: true, plan: await planSuspension(deps.sql, who, body) }
  })

  on(api.applySuspension).handle(async ({ res, body }) => {
    const who = staffMay(principalOf(res), 'suspension.apply')
    return { ok: true, plan: await applySuspension(deps, who, body) }
  })
  return r
}
