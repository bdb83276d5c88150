import { Router } from 'express'
import { requireStaff } from '../../auth/principal.js'
import type { Deps } from '../../deps.js'
import { capturedMail, noticeTemplate, officeNotices, recordCall, saveNoticeTemplate } from '../../notices/office.js'
import { sendNotices } from '../../notices/sendNotices.js'
import { principalOf } from '../context.js'

/** The office's morning follow-up: notices, the call list, call records, the template. */
export function officeRoutes(deps: Deps): Router {
  const r = Router()
  const staff = (res: Parameters<typeof principalOf>[0]) => requireStaff(principalOf(res))

  r.get('/notices', async (_req, res) => {
    res.json({ ok: true, ...(await officeNotices(deps, staff(res))) })
  })
  r.post('/notices', async (req, res) => {
    res.json(await sendNotices(deps, staff(res), req.body))
  })
  r.post('/calls', async (req, res) => {
    await recordCall(deps, staff(res), req.body)
    res.json({ ok: true })
  })
  r.get('/notice-template', async (_req, res) => {
    res.json({ ok: true, ...(await noticeTemplate(deps, staff(res))) })
  })
  r.post('/notice-template', async (req, res) => {
    await saveNoticeTemplate(deps, staff(res), req.body)
    res.json({ ok: true })
  })
  r.get('/captured-mail', async (_req, res) => {
    res.json({ ok: true, mail: await capturedMail(deps, staff(res)) })
  })
  return r
}
