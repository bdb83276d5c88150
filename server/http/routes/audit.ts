import { Router } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { auditCsv, auditPage } from '../../audit/view.js'
import { staffMay } from '../../auth/guards.js'
import type { Deps } from '../../deps.js'
import { csvFile } from '../../register/csv.js'
import { schoolNow } from '../../reports/schoolDates.js'
import { principalOf } from '../context.js'
import type { MountOn } from '../mount.js'

/** The audit log: viewed and exported by 校長・教頭 of the school. */
export function auditRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api')
  const api = routes.audit

  on(api.list).handle(async ({ res, query }) => auditPage(deps.sql, staffMay(principalOf(res), 'audit.read').schoolId, query))

  on(api.csv).handle(async ({ res, query }) => {
    const who = staffMay(principalOf(res), 'audit.read')
    const { encoding, page: _page, pageSize: _size, ...filter } = query
    const text = await auditCsv(deps.sql, who.schoolId, filter)
    return csvFile(`監査ログ_${filter.from ?? ''}_${filter.to ?? schoolNow(deps.clock.now()).today}.csv`, text, encoding)
  })
  return r
}
