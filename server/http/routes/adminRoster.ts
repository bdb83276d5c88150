import { Router } from 'express'
import type { z } from 'zod'
import { RosterAnswers, RosterMapping } from '../../../shared/protocol/index.js'
import { routes } from '../../../shared/protocol/routes.js'
import type { Deps } from '../../deps.js'
import { AppError, parseInput } from '../../errors.js'
import { exportRoster } from '../../roster/exportRoster.js'
import { applyRoster, previewRoster, type RosterRequest } from '../../roster/importRoster.js'
import type { MountOn } from '../mount.js'
import { adminOf, requireAdmin } from './adminAuth.js'

type ImportQuery = z.output<typeof routes.admin.rosterPreview.query>

/** Roster import and export. The CSV travels as the raw body: its bytes decide its encoding. */
export function adminRosterRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  r.use(requireAdmin)
  const on = mountOn(r, '/api/admin/roster')
  const api = routes.admin

  const request = (schoolId: number, q: ImportQuery, bytes: Buffer): RosterRequest => {
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw new AppError('BAD_REQUEST', '名簿ファイルを選んでください。')
    return {
      schoolId, bytes, yearId: q.yearId, createClasses: q.createClasses, mapping: q.mapping ? jsonOf(RosterMapping, q.mapping) : null,
      mode: q.mode, answers: q.answers ? jsonOf(RosterAnswers, q.answers) : null, now: deps.clock.now(),
    }
  }

  on(api.rosterPreview).handle(async ({ res, query, body }) => previewRoster(deps.sql, request(adminOf(res).schoolId, query, body)))

  on(api.rosterApply).handle(async ({ res, query, body }) => applyRoster(deps, request(adminOf(res).schoolId, query, body), query.digest))

  on(api.rosterExport).handle(async ({ res, query }) => {
    const who = adminOf(res)
    return { ...(await exportRoster(deps.sql, who.schoolId, deps.clock.now(), query.yearId)), contentType: 'text/csv; charset=utf-8' }
  })
  return r
}

/** The column mapping and the answers travel as JSON in the query string. */
function jsonOf<T>(schema: z.ZodType<T>, json: string): T {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    throw new AppError('BAD_REQUEST')
  }
  return parseInput(schema, raw)
}
