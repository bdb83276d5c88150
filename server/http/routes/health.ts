import { Router } from 'express'
import type { Deps } from '../../deps.js'
import { readiness } from '../../health/readiness.js'

/**
 * `/healthz` is liveness: the process answers, without touching the database, so a monitor
 * never restarts a healthy server during a database outage. `/readyz` (also `/healthz?ready`)
 * is readiness: database reachable, data folder writable, outbox moving; 503 when not, and
 * always within a fraction of a second.
 */
export function healthRoutes(deps: Deps): Router {
  const r = Router()
  const ready = async (res: import('express').Response) => {
    const checks = await readiness(deps)
    const ok = Object.values(checks).every((c) => c.ok)
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', db: deps.dbMode, version: deps.version, build: deps.buildId, checks })
  }
  r.get('/readyz', (_req, res) => ready(res))
  r.get('/healthz', async (req, res) => {
    if ('ready' in req.query) return ready(res)
    res.json({ status: 'ok', db: deps.dbMode, version: deps.version, build: deps.buildId })
  })
  return r
}
