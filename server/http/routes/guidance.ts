import { Router } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { staffMay } from '../../auth/guards.js'
import type { Deps } from '../../deps.js'
import { dailyAbsenteesCsv, longAbsenceCsv } from '../../guidance/exports.js'
import { saveGuidanceNote } from '../../guidance/notes.js'
import { guidanceView } from '../../guidance/view.js'
import { csvFile } from '../../register/csv.js'
import { schoolNow } from '../../reports/schoolDates.js'
import { principalOf } from '../context.js'
import type { MountOn } from '../mount.js'

/** 生徒指導: the ranking, memos and board-of-education exports. */
export function guidanceRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/guidance')
  const api = routes.guidance

  on(api.view).handle(async ({ res, query }) => {
    const who = staffMay(principalOf(res), 'guidance.read')
    return guidanceView(deps.sql, who, query.date ?? (schoolNow(deps.clock.now()).today))
  })

  on(api.saveNote).handle(async ({ res, params, body }) => {
    const who = staffMay(principalOf(res), 'guidance.write')
    await saveGuidanceNote(deps, who, params.pupilId, schoolNow(deps.clock.now()).today, new Date(deps.clock.now()).toISOString(), body)
    return { ok: true }
  })

  on(api.longAbsenceCsv).handle(async ({ res, query }) => {
    const who = staffMay(principalOf(res), 'exports.boardOfEducation')
    return csvFile(`長期欠席者_${query.month}.csv`, await longAbsenceCsv(deps.sql, who, query.month, schoolNow(deps.clock.now()).today), query.encoding)
  })

  on(api.dailyAbsenteesCsv).handle(async ({ res, query }) => {
    const who = staffMay(principalOf(res), 'exports.dailyAbsentees')
    return csvFile(`欠席者数_${query.date}.csv`, await dailyAbsenteesCsv(deps.sql, who, query.date, deps.clock.now()), query.encoding)
  })
  return r
}
