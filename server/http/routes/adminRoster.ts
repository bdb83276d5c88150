import express, { Router } from 'express'
import { RosterImportQuery, RosterMapping } from '../../../shared/protocol/index.js'
import type { Deps } from '../../deps.js'
import { exportRoster } from '../../roster/exportRoster.js'
import { applyRoster, previewRoster, type RosterRequest } from '../../roster/importRoster.js'
import { AppError, parseInput } from '../errors.js'
import { adminOf, requireAdmin } from './adminAuth.js'

const MAX_BYTES = 2 * 1024 * 1024

/** Roster import and export. The CSV travels as the raw body: its bytes decide its encoding. */
export function adminRosterRoutes(deps: Deps): Router {
  const r = Router()
  r.use(requireAdmin)
  const raw = express.raw({ type: () => true, limit: MAX_BYTES })

  const request = (req: express.Request, res: express.Response): { rr: RosterRequest; digest?: string } => {
    const who = adminOf(res)
    const q = parseInput(RosterImportQuery, req.query)
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw new AppError('BAD_REQUEST', '名簿ファイルを選んでください。')
    let mapping = null
    if (q.mapping) {
      try {
        mapping = parseInput(RosterMapping, JSON.parse(q.mapping))
      } catch (e) {
        throw e instanceof AppError ? e : new AppError('BAD_REQUEST')
      }
    }
    return { rr: { schoolId: who.schoolId, bytes: req.body, yearId: q.yearId, createClasses: q.createClasses, mapping, now: deps.clock.now() }, digest: q.digest }
  }

  r.post('/preview', raw, async (req, res) => {
    res.json(await previewRoster(deps.sql, request(req, res).rr))
  })

  r.post('/apply', raw, async (req, res) => {
    const { rr, digest } = request(req, res)
    res.json(await applyRoster(deps, rr, digest))
  })

  r.get('/export', async (req, res) => {
    const who = adminOf(res)
    const { yearId } = parseInput(RosterImportQuery.pick({ yearId: true }), req.query)
    const { filename, bytes } = await exportRoster(deps.sql, who.schoolId, deps.clock.now(), yearId)
    res.set('content-type', 'text/csv; charset=utf-8')
    res.set('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    res.send(bytes)
  })
  return r
}
