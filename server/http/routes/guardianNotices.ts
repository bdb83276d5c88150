import { Router } from 'express'
import { requireGuardian } from '../../auth/principal.js'
import type { Deps } from '../../deps.js'
import { answerNotice } from '../../notices/answerNotice.js'
import { guardianNotices } from '../../notices/office.js'
import { idParam, principalOf } from '../context.js'

/** A family's not-arrived notices and their one-tap answers. */
export function guardianNoticeRoutes(deps: Deps): Router {
  const r = Router()
  r.get('/notices', async (_req, res) => {
    res.json({ ok: true, notices: await guardianNotices(deps, requireGuardian(principalOf(res))) })
  })
  r.post('/notices/:id/answer', async (req, res) => {
    await answerNotice(deps, requireGuardian(principalOf(res)), idParam(req, 'id'), req.body)
    res.json({ ok: true })
  })
  return r
}
