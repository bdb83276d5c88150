import { Router } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { guardianMay } from '../../auth/guards.js'
import { devicesOf, removeSubscription, upsertSubscription } from '../../data/push.js'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import { pushEndpointAllowed } from '../../push/endpoints.js'
import { vapidKeys } from '../../push/vapid.js'
import { principalOf } from '../context.js'
import type { MountOn } from '../mount.js'

/** The logged-in guardian's devices that receive notifications. */
export function pushRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/guardian/push')
  on(routes.push.key).handle(async ({ res }) => {
    guardianMay(principalOf(res), 'push.devices')
    return { publicKey: (await vapidKeys(deps.sql, deps.clock)).publicKey }
  })
  on(routes.push.devices).handle(async ({ res }) => {
    const who = guardianMay(principalOf(res), 'push.devices')
    const rows = await devicesOf(deps.sql, who.guardianId)
    return { devices: rows }
  })
  on(routes.push.subscribe).handle(async ({ req, res, body }) => {
    const who = guardianMay(principalOf(res), 'push.devices')
    if (!pushEndpointAllowed(body.endpoint, deps.push?.extraHosts)) throw new AppError('BAD_REQUEST', 'この端末の通知サービスには対応していません。')
    const id = await upsertSubscription(deps.sql, {
      guardianId: who.guardianId, endpoint: body.endpoint, p256dh: body.keys.p256dh, auth: body.keys.auth,
      userAgent: req.get('user-agent') ?? '', now: new Date(deps.clock.now()).toISOString(),
    })
    return { ok: true, id }
  })
  on(routes.push.unsubscribe).handle(async ({ res, body }) => {
    const who = guardianMay(principalOf(res), 'push.devices')
    // Already gone is fine: the page unsubscribes the browser and the server in either order.
    await removeSubscription(deps.sql, who.guardianId, { endpoint: body.endpoint })
    return { ok: true }
  })
  on(routes.push.removeDevice).handle(async ({ res, params }) => {
    const who = guardianMay(principalOf(res), 'push.devices')
    if (!(await removeSubscription(deps.sql, who.guardianId, { id: params.id }))) throw new AppError('NOT_FOUND')
    return { ok: true }
  })
  return r
}
