import { Router } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { guardianMay } from '../../auth/guards.js'
import { requireStaff } from '../../auth/principal.js'
import type { Deps } from '../../deps.js'
import { csvFile } from '../../register/csv.js'
import { answerSafety } from '../../safety/answer.js'
import { closeSafetyConfirmation, remindSafety, startSafety } from '../../safety/commands.js'
import { guardianSafetyList, safetyCsv, safetyDetail, safetyOverview, safetyReport } from '../../safety/views.js'
import { principalOf } from '../context.js'
import type { MountOn } from '../mount.js'

/** 安否確認 for staff: start, follow, remind, close, report. */
export function safetyRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/safety')
  const api = routes.safety
  const staff = (res: Parameters<typeof principalOf>[0]) => requireStaff(principalOf(res))

  on(api.overview).handle(async ({ res }) => ({ ok: true, ...(await safetyOverview(deps, staff(res))) }))
  on(api.start).handle(async ({ res, body }) => ({ ok: true, id: await startSafety(deps, staff(res), body) }))
  on(api.detail).handle(async ({ res, params }) => ({ ok: true, ...(await safetyDetail(deps, staff(res), params.id)) }))
  on(api.remind).handle(async ({ res, params }) => {
    const who = staff(res)
    return remindSafety(deps, who, who.schoolId, params.id)
  })
  on(api.close).handle(async ({ res, params }) => {
    await closeSafetyConfirmation(deps, staff(res), params.id)
    return { ok: true }
  })
  on(api.report).handle(async ({ res, params }) => ({ ok: true, ...(await safetyReport(deps, staff(res), params.id)) }))
  on(api.reportCsv).handle(async ({ res, params, query }) => {
    const report = await safetyReport(deps, staff(res), params.id)
    return csvFile(`安否確認_${report.safety.startedAt.slice(0, 10)}_${report.safety.id}.csv`, safetyCsv(report), query.encoding)
  })
  return r
}

/** The guardian's confirmations and answers; scoped to the logged-in guardian's own children. */
export function guardianSafetyRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/guardian/safety')
  const api = routes.guardianSafety
  on(api.list).handle(async ({ res }) => ({ ok: true, confirmations: await guardianSafetyList(deps, guardianMay(principalOf(res), 'guardian.home')) }))
  on(api.answer).handle(async ({ res, params, body }) => {
    await answerSafety(deps, guardianMay(principalOf(res), 'safety.answer'), params.id, body)
    return { ok: true }
  })
  return r
}
