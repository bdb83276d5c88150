import { Router, type Response } from 'express'
import type { HealthStatus } from '../../../shared/protocol/routesPeople.js'
import { routes } from '../../../shared/protocol/routes.js'
import type { Deps } from '../../deps.js'
import { readiness } from '../../health/readiness.js'
import type { MountOn } from '../mount.js'

/**
 * `/healthz` is liveness: the process answers, without touching the database, so a monitor
 * never restarts a healthy server during a database outage. `/readyz` (also `/healthz?ready`)
 * is readiness: database reachable, data folder writable, outbox moving; 503 when not, and
 * always within a fraction of a second.
 */
export function healthRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '')
  const about = () => ({ db: deps.dbMode, version: deps.version, build: deps.buildId })
  const ready = async (res: Response): Promise<HealthStatus> => {
    const checks = await readiness(deps)
    const ok = Object.values(checks).every((c) => c.ok)
    if (!ok) res.status(503)
    return { status: ok ? 'ok' : 'unavailable', ...about(), checks }
  }
  on(routes.health.ready).handle(({ res }) => ready(res))
  on(routes.health.health).handle(async ({ res, query }) => (query.ready === undefined ? { status: 'ok', ...about() } : ready(res)))
  return r
}
