import { randomBytes } from 'node:crypto'
import type { Request, RequestHandler, Response } from 'express'
import type { ErrorBody } from '../../shared/protocol/index.js'
import type { Route } from '../../shared/protocol/route.js'
import type { Log } from '../log.js'
import { withFields } from '../log.js'
import type { Principal } from '../auth/principal.js'
import { ACCOUNT_CHANGES } from './accountChanges.js'
import { principalOf } from './context.js'

/** The response header carrying the request's id; error bodies carry it too, so a school can quote it. */
export const REQUEST_ID_HEADER = 'x-request-id'

/** The id given to this request by `requestLog`. */
export function requestIdOf(res: Response): string | undefined {
  return res.locals.requestId as string | undefined
}

/** The log of this request: every line carries its id. */
export function requestLogOf(res: Response, log: Log): Log {
  const id = requestIdOf(res)
  return id ? withFields(log, { reqId: id }) : log
}

/** Remembers which catalogue route answered (set by the route mount), for the request's log line. */
export function markRoute(req: Request, res: Response, route: Route): void {
  res.locals.route = route
  // Express puts back the outer router's params once the route is done: keep the route's own.
  res.locals.routeParams = { ...req.params }
}

/** The error body with the request's id, so what a user reports can be found in the log. */
export function withRequestId(res: Response, body: ErrorBody): ErrorBody {
  const id = requestIdOf(res)
  return id ? { ...body, error: { ...body.error, requestId: id } } : body
}

/**
 * Gives every request an id (answered in `X-Request-Id`) and writes one line when it ends:
 * id, method, the catalogue's route pattern (never the URL itself, whose query or parameters
 * could hold a name), status, duration and the caller's role. Pages and assets are logged as
 * `pages`.
 */
export function requestLog(log: Log): RequestHandler {
  return (req, res, next) => {
    const id = randomBytes(8).toString('hex')
    res.locals.requestId = id
    res.setHeader(REQUEST_ID_HEADER, id)
    const started = process.hrtime.bigint()
    res.once('close', () => {
      const route = res.locals.route as Route | undefined
      const p = principalOf(res)
      log.info('request', {
        reqId: id,
        method: req.method,
        route: route ? route.path : req.originalUrl.startsWith('/api/') ? 'unmatched' : 'pages',
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        role: p ? (p.kind === 'staff' ? `staff:${p.roles.join('+')}` : p.kind) : 'anonymous',
        ...(res.writableFinished ? {} : { aborted: true }),
      })
      const change = route && ACCOUNT_CHANGES.get(route)
      if (change && res.statusCode < 300) log.info(change, { reqId: id, actor: actorOf(p), target: numericParams(res.locals.routeParams as Record<string, string>) })
    })
    next()
  }
}

/** Who did it, by id only. */
function actorOf(p: Principal | null): string | null {
  if (!p) return null
  return p.kind === 'staff' ? `staff:${p.staffId}` : p.kind === 'guardian' ? `guardian:${p.guardianId}` : p.kind === 'city' ? `city-staff:${p.staffId}` : `device:${p.deviceId}`
}

/** The ids in the path (staff, device, guardian); anything else in it is left out. */
function numericParams(params: Record<string, string> | undefined): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [k, v] of Object.entries(params ?? {})) if (typeof v === 'string' && /^\d{1,12}$/.test(v)) out[k] = Number(v)
  return out
}
