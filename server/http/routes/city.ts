import { Router } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { cityAdminMay } from '../../auth/guards.js'
import { cityDay } from '../../city/day.js'
import { cityDailyCsv, cityLongAbsenceCsv } from '../../city/exports.js'
import { setAbsenceAlertPercent } from '../../data/city.js'
import type { Deps } from '../../deps.js'
import { runCityChange } from '../../realtime/change.js'
import { csvFile } from '../../register/csv.js'
import { schoolNow } from '../../reports/schoolDates.js'
import { principalOf } from '../context.js'
import type { MountOn } from '../mount.js'

/** The board of education's live view of its schools' day, its CSVs and its alert threshold. */
export function cityDayRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/city')
  const api = routes.cityDay

  on(api.day).handle(async ({ res, query }) => {
    const who = cityAdminMay(principalOf(res), 'city.day.read')
    const { today, time } = schoolNow(deps.clock.now())
    return cityDay(deps.sql, who, { date: query.date ?? today, today, time })
  })

  on(api.dailyCsv).handle(async ({ res, query }) => {
    const who = cityAdminMay(principalOf(res), 'city.exports')
    return csvFile(`学校別欠席者数_${query.date}.csv`, await cityDailyCsv(deps.sql, who, query.date), query.encoding)
  })

  on(api.longAbsenceCsv).handle(async ({ res, query }) => {
    const who = cityAdminMay(principalOf(res), 'city.exports')
    return csvFile(`学校別長期欠席_${query.month}.csv`, await cityLongAbsenceCsv(deps.sql, who, query.month, schoolNow(deps.clock.now()).today), query.encoding)
  })

  on(api.settings).handle(async ({ res, body }) => {
    const who = cityAdminMay(principalOf(res), 'city.settings')
    // The organisation's own row, not a school's: no school page shows it, only the city's pages.
    await runCityChange(deps, who.cityId, (tx) => setAbsenceAlertPercent(tx, who.cityId, body.absenceAlertPercent))
    deps.log.info('city alert threshold changed', { cityId: who.cityId, staffId: who.staffId })
    return { ok: true }
  })
  return r
}
