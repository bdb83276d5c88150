import { Router } from 'express'
import type { GuardianReportList } from '../../../shared/protocol/index.js'
import { addDays, schoolDateOf } from '../../../shared/time/schoolTime.js'
import { guardianTimeZone } from '../../data/guardians.js'
import { guardianMay } from '../../auth/guards.js'
import { guardianReports } from '../../data/reports.js'
import type { Deps } from '../../deps.js'
import { createReports } from '../../reports/createReports.js'
import { guardianHome } from '../../reports/guardianHome.js'
import { withWithdrawFlags } from '../../reports/receipt.js'
import { withdrawReport } from '../../reports/withdrawReport.js'
import { idParam, principalOf } from '../context.js'

/** The guardian's own children and reports; every route is scoped to the logged-in guardian. */
export function guardianRoutes(deps: Deps): Router {
  const r = Router()

  r.get('/home', async (_req, res) => {
    res.json(await guardianHome(deps, guardianMay(principalOf(res), 'guardian.home')))
  })

  r.get('/reports', async (_req, res) => {
    const who = guardianMay(principalOf(res), 'report.list')
    const since = addDays(schoolDateOf(deps.clock.now(), await guardianTimeZone(deps.sql, who.guardianId)), -30)
    const rows = await guardianReports(deps.sql, { guardianId: who.guardianId, sinceDate: since })
    res.json({ ok: true, reports: await withWithdrawFlags(deps.sql, deps.clock.now(), rows) } satisfies GuardianReportList)
  })

  r.post('/reports', async (req, res) => {
    res.status(201).json(await createReports(deps, guardianMay(principalOf(res), 'report.create'), req.body))
  })

  r.post('/reports/:id/withdraw', async (req, res) => {
    const report = await withdrawReport(deps, guardianMay(principalOf(res), 'report.withdraw'), idParam(req, 'id'))
    res.json({ ok: true, report })
  })
  return r
}
