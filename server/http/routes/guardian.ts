import { Router } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { guardianMay } from '../../auth/guards.js'
import type { Deps } from '../../deps.js'
import { answerNotice } from '../../notices/answerNotice.js'
import { guardianNotices } from '../../notices/office.js'
import { createReports } from '../../reports/createReports.js'
import { guardianHome } from '../../reports/guardianHome.js'
import { recentGuardianReports } from '../../reports/receipt.js'
import { withdrawReport } from '../../reports/withdrawReport.js'
import { principalOf } from '../context.js'
import type { MountOn } from '../mount.js'

/** The guardian's own children, reports and notices; every route is scoped to the logged-in guardian. */
export function guardianRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/guardian')
  const api = routes.guardian

  on(api.home).handle(async ({ res }) => guardianHome(deps, guardianMay(principalOf(res), 'guardian.home')))

  on(api.reports).handle(async ({ res }) => recentGuardianReports(deps, guardianMay(principalOf(res), 'report.list').guardianId))

  on(api.createReport).handle(async ({ res, body }) => createReports(deps, guardianMay(principalOf(res), 'report.create'), body))

  on(api.withdrawReport).handle(async ({ res, params }) => {
    const report = await withdrawReport(deps, guardianMay(principalOf(res), 'report.withdraw'), params.id)
    return { ok: true, report }
  })

  on(api.notices).handle(async ({ res }) => ({ ok: true, notices: await guardianNotices(deps, guardianMay(principalOf(res), 'guardian.home')) }))

  on(api.answerNotice).handle(async ({ res, params, body }) => {
    await answerNotice(deps, guardianMay(principalOf(res), 'notice.answer'), params.id, body)
    return { ok: true }
  })
  return r
}
