import { createHash, timingSafeEqual } from 'node:crypto'
import { isIP } from 'node:net'
import { join } from 'node:path'
import { Router, type Request } from 'express'
import { routes } from '../../../shared/protocol/routes.js'
import { listBackups } from '../../backup/listing.js'
import type { Deps } from '../../deps.js'
import { AppError } from '../../errors.js'
import type { Metrics } from '../../ops/metrics.js'
import type { MountOn } from '../mount.js'
import { adminOf } from './adminAuth.js'

export interface OpsOptions {
  /** ASAGAO_METRICS_TOKEN: when set, /metrics wants it as a Bearer token from every caller. */
  metricsToken?: string | null
}

/** Prometheus metrics, beside /healthz (outside /api: no session, no cookie). */
export function metricsRoutes(metrics: Metrics, opts: OpsOptions, mountOn: MountOn): Router {
  const r = Router()
  mountOn(r, '')(routes.ops.metrics).handle(async ({ req }) => {
    if (!metricsAllowed(req, opts.metricsToken ?? null)) throw new AppError('FORBIDDEN')
    return { filename: 'metrics.txt', bytes: Buffer.from(await metrics.registry.metrics()), contentType: metrics.registry.contentType, inline: true }
  })
  return r
}

/** The administrator's view of operations: the backups. */
export function opsRoutes(deps: Deps, mountOn: MountOn): Router {
  const r = Router()
  const on = mountOn(r, '/api/ops')
  on(routes.ops.backups).handle(({ res }) => {
    adminOf(res)
    // Only the embedded server writes backups into its data folder; PostgreSQL's are pg_dump files the operator keeps.
    const backups = deps.dbMode === 'embedded' && deps.dataDir ? listBackups(join(deps.dataDir, 'backups')) : []
    return { ok: true, database: deps.dbMode, backups }
  })
  return r
}

/**
 * With a token: the Bearer token, from anywhere. Without: only a caller on this machine
 * talking to the server directly. A request that came through a proxy (it names a forwarded
 * client) is refused even though the proxy itself connects from loopback.
 */
export function metricsAllowed(req: Request, token: string | null): boolean {
  if (token) {
    const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? ''
    const digest = (s: string) => createHash('sha256').update(s).digest()
    return timingSafeEqual(digest(given), digest(token))
  }
  if (req.get('x-forwarded-for') !== undefined || req.get('forwarded') !== undefined) return false
  return isLoopback(req.socket.remoteAddress)
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  if (isIP(v4) === 4) return v4.startsWith('127.')
  return address === '::1'
}
