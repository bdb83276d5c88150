import { Router } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { databaseAnswers } from '../../db/ping.js'
import type { Deps } from '../../deps.js'
import type { MountOn } from '../mount.js'

/** Liveness for load balancers and monitoring: answers only when the database answers. */
export function healthRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  mountOn(r, '')(routes.health.health).handle(async ({ res }) => {
    const about = { db: deps.dbMode, version: deps.version, build: deps.buildId }
    if (await databaseAnswers(deps.sql)) return { status: 'ok', ...about }
    res.status(503)
    return { status: 'unavailable', ...about }
  })
  return r
}
