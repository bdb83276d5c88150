import { Router } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { requireStaff } from '../../auth/principal.js'
import type { Deps } from '../../deps.js'
import { capturedMail, noticeTemplate, officeNotices, recordCall, saveNoticeTemplate } from '../../notices/office.js'
import { sendNotices } from '../../notices/sendNotices.js'
import { principalOf } from '../context.js'
import type { MountOn } from '../mount.js'

/** The office's morning follow-up: notices, the call list, call records, the template. */
export function officeRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/office')
  const api = routes.office
  const staff = (res: Parameters<typeof principalOf>[0]) => requireStaff(principalOf(res))

  on(api.notices).handle(async ({ res }) => ({ ok: true, ...(await officeNotices(deps, staff(res))) }))
  on(api.sendNotices).handle(async ({ res, body }) => sendNotices(deps, staff(res), body))
  on(api.recordCall).handle(async ({ res, body }) => {
    await recordCall(deps, staff(res), body)
    return { ok: true }
  })
  on(api.noticeTemplate).handle(async ({ res }) => ({ ok: true, ...(await noticeTemplate(deps, staff(res))) }))
  on(api.saveNoticeTemplate).handle(async ({ res, body }) => {
    await saveNoticeTemplate(deps, staff(res), body)
    return { ok: true }
  })
  on(api.capturedMail).handle(async ({ res }) => ({ ok: true, mail: await capturedMail(deps, staff(res)) }))
  return r
}
