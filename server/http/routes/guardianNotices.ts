import { Router } from 'express'
import { guardianMay } from '../../auth/guards.js'
import type { Deps } from '../../deps.js'
import { answerNotice } from '../../notices/answerNotice.js'
import { guardianNotices } from '../../notices/office.js'
import { idParam, principalOf } from '../context.js'

/** A family's not-arrived notices and their one-tap answers. */
export function guardianNoticeRoutes(deps: Deps): Router {
  const r = Router()
  r.get('/notices', async (_req, res) => {
    res.json({ ok: true, notices: await guardianNotices(deps, guardianMay(principalOf(res), 'guardian.home')) })
  })
  r.post('/notices/:id/answer', async (req, res) => {
    await answerNotice(deps, guardianMay(principalOf(res), 'notice.answer'), idParam(req, 'id'), req.body)
    res.json({ ok: true })
  })
  return r
}
