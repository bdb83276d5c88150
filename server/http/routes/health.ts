import { Router } from 'express'
import type { Deps } from '../../deps.js'

/** Liveness for load balancers and monitoring: answers only when the database answers. */
export function healthRoutes(deps: Deps): Router {
  const r = Router()
  r.get('/healthz', async (_req, res) => {
    try {
      await deps.sql`select 1`
      res.json({ status: 'ok', db: deps.dbMode, version: deps.version, build: deps.buildId })
    } catch {
      res.status(503).json({ status: 'unavailable', db: deps.dbMode, version: deps.version, build: deps.buildId })
    }
  })
  return r
}
