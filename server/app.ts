import { createServer, type Server as HttpServer } from 'node:http'
import express, { type Express, type RequestHandler } from 'express'
import { LIMITS } from '../shared/protocol/index.js'
import type { Deps } from './deps.js'
import { resolvePrincipal } from './http/context.js'
import { requestAddress } from './auth/source.js'
import { AppError } from './errors.js'
import { errorMiddleware } from './http/errors.js'
import { databaseUnavailable } from './http/unavailable.js'
import { servePages } from './pages/serve.js'
import { accountRoutes } from './http/routes/account.js'
import { adminRoutes } from './http/routes/admin.js'
import { boardRoutes } from './http/routes/board.js'
import { guardianRoutes } from './http/routes/guardian.js'
import { guardianSettingsRoutes } from './http/routes/guardianSettings.js'
import { pushRoutes } from './http/routes/push.js'
import { healthRoutes } from './http/routes/health.js'
import { officeRoutes } from './http/routes/office.js'
import { registrationRoutes } from './http/routes/registration.js'
import { sessionRoutes } from './http/routes/session.js'
import { registerRoutes } from './http/routes/register.js'
import { guidanceRoutes } from './http/routes/guidance.js'
import { calendarRoutes } from './http/routes/calendar.js'
import { cityRoutes, setupRoutes } from './http/routes/setup.js'
import { cityDayRoutes } from './http/routes/city.js'
import { auditRoutes } from './http/routes/audit.js'
import { guardianSafetyRoutes, safetyRoutes } from './http/routes/safety.js'
import { metricsRoutes, opsRoutes } from './http/routes/ops.js'
import { guardianSurveyRoutes, surveyRoutes } from './http/routes/surveys.js'
import { createMetrics, type SocketKind } from './ops/metrics.js'
import { drain, InFlight, type DrainResult } from './ops/drain.js'
import { routeMounter } from './http/mount.js'
import { requestLog } from './http/requestLog.js'
import { bodyReadErrors, noStore, originGuard, rejectUnsafeText, retryAfterHeader, securityHeaders } from './http/security.js'
import type { Route } from '../shared/protocol/routes.js'
import type { Publish } from './realtime/changes.js'
import { createHub, type AppServer, type SocketControl } from './realtime/hub.js'
import type { ServerOptions } from 'socket.io'

export interface AppOptions {
  allowedOrigins: readonly string[]
  secureCookies: boolean
  /** Addresses or subnets of reverse proxies whose X-Forwarded-For is believed (ASAGAO_TRUST_PROXY); none by default. */
  trustProxy?: readonly string[]
  /** Built pages to serve; omitted in API-only tests. */
  pagesDir?: string
  /** Serves the pages instead of pagesDir: the Vite dev server in `npm run dev`. */
  frontend?: RequestHandler
  /** Check every JSON response against its route's schema and fail on a mismatch (tests). */
  checkResponses?: boolean
  /** How often the hub checks its sockets' sessions and devices (SWEEP_MS by default); 0: never (tests that count queries). */
  socketSweepMs?: number
  /** ASAGAO_METRICS_TOKEN: /metrics then wants it as a Bearer token; without, it answers loopback callers only. */
  metricsToken?: string | null
  /** The Socket.IO adapter that carries events to the other processes' sockets; absent: one process. */
  adapter?: ServerOptions['adapter']
  /** With an adapter: how often the pages hear the schools' latest sequence numbers (tests shorten it). */
  seqBeaconMs?: number
}

export interface App {
  app: Express
  httpServer: HttpServer
  io: AppServer
  sockets: SocketControl
  publish: Publish
  /** Every route mounted, in mounting order: the catalogue test compares them with the catalogue. */
  mounted: readonly Route[]
  /** Stops accepting, tells the pages, answers what was received (at most `timeoutMs`), closes the sockets. */
  drain(timeoutMs: number): Promise<DrainResult>
}

/**
 * Builds the HTTP server, the API and the realtime hub. It never listens: main.ts (or a
 * test) decides the port.
 */
export function createApp(base: Omit<Deps, 'publish'>, opts: AppOptions): App {
  const app = express()
  const httpServer = createServer(app)
  // The hub needs the server and the routes need the hub's publish: tie the knot through a holder.
  let hubPublish: Publish = () => {}
  let countSockets = (): Record<SocketKind, number> => ({ board: 0, staff: 0, guardian: 0, city: 0 })
  const metrics = base.metrics ?? createMetrics({ sql: base.sql, clock: base.clock, sockets: () => countSockets() })
  const deps: Deps = { ...base, metrics, publish: (c) => hubPublish(c) }
  // Sockets are audited from the same client address as HTTP requests: Express's own proxy trust, read when a socket connects.
  const hub = createHub(httpServer, deps, {
    ...opts,
    addressOf: (req) => requestAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], app.get('trust proxy fn') as (a: string, i: number) => boolean),
  })
  hubPublish = hub.publish
  countSockets = () => {
    const counts: Record<SocketKind, number> = { board: 0, staff: 0, guardian: 0, city: 0 }
    for (const socket of hub.io.of('/').sockets.values()) counts[socket.data.principal.kind]++
    return counts
  }

  app.disable('x-powered-by')
  // Client addresses key the throttles: X-Forwarded-For counts only from proxies the operator named.
  app.set('trust proxy', opts.trustProxy?.length ? opts.trustProxy : false)
  const inFlight = new InFlight()
  app.use(inFlight.middleware)
  app.use(requestLog(deps.log))
  app.use(securityHeaders())
  const mounted: Route[] = []
  const mountOn = routeMounter({ checkResponses: opts.checkResponses ?? false, record: (r) => mounted.push(r) })
  app.use(healthRoutes(deps, mountOn))
  app.use(metricsRoutes(metrics, opts, mountOn))

  const api = express.Router()
  api.use(noStore)
  api.use(express.json({ limit: LIMITS.bodyBytes }))
  api.use(rejectUnsafeText())
  api.use(originGuard(opts.allowedOrigins))
  api.use(resolvePrincipal(deps))
  api.use(sessionRoutes(deps, hub.control, opts, mountOn))
  api.use('/guardian/settings', guardianSettingsRoutes(deps, mountOn))
  api.use('/guardian/surveys', guardianSurveyRoutes(deps, mountOn))
  api.use('/guardian/safety', guardianSafetyRoutes(deps, mountOn))
  api.use('/guardian/push', pushRoutes(deps, mountOn))
  api.use('/guardian', guardianRoutes(deps, mountOn))
  api.use('/board', boardRoutes(deps, opts, mountOn))
  api.use('/admin', adminRoutes(deps, hub.control, mountOn))
  api.use('/office', officeRoutes(deps, mountOn))
  api.use('/registration', registrationRoutes(deps, opts, mountOn))
  api.use('/account', accountRoutes(deps, hub.control, mountOn))
  api.use('/register', registerRoutes(deps, mountOn))
  api.use('/guidance', guidanceRoutes(deps, mountOn))
  api.use('/calendar', calendarRoutes(deps, mountOn))
  api.use('/surveys', surveyRoutes(deps, mountOn))
  api.use('/setup', setupRoutes(deps, mountOn))
  api.use('/city', cityRoutes(deps, mountOn))
  api.use('/city', cityDayRoutes(deps, mountOn))
  api.use(auditRoutes(deps, mountOn))
  api.use('/ops', opsRoutes(deps, mountOn))
  api.use('/safety', safetyRoutes(deps, mountOn))
  api.use((_req, _res, next) => next(new AppError('NOT_FOUND')))
  app.use('/api', api)

  if (opts.frontend) app.use(opts.frontend)
  else if (opts.pagesDir) servePages(app, opts.pagesDir)
  app.use(bodyReadErrors())
  app.use(retryAfterHeader())
  app.use(databaseUnavailable(deps.log))
  app.use(errorMiddleware(deps.log))
  return { app, httpServer, io: hub.io, sockets: hub.control, publish: deps.publish, mounted, drain: (timeoutMs) => drain(httpServer, hub.io, inFlight, timeoutMs) }
}
