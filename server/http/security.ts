import type { IncomingMessage } from 'node:http'
import type { ErrorRequestHandler, RequestHandler } from 'express'
import helmet from 'helmet'
import { errorBody, findUnsafeText, UNSAFE_TEXT_MESSAGE } from '../../shared/protocol/index.js'
import { RateLimitedError } from '../auth/rateLimit.js'
import { AppError } from '../errors.js'
import { withRequestId } from './requestLog.js'

/** Security headers: a CSP without inline scripts (Lit needs none), no framing, no sniffing. */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
  })
}

/**
 * Whether a browser request comes from one of our own pages. CORS does not protect WebSocket
 * handshakes or form posts, so every socket and every state-changing request checks this.
 */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin
  if (!origin) return false
  if (allowed.includes(origin)) return true
  const host = req.headers.host
  return !!host && (origin === `http://${host}` || origin === `https://${host}`)
}

/** Refuses state-changing requests from other origins. */
export function originGuard(allowed: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
    if (!originAllowed(req, allowed)) return next(new AppError('BAD_ORIGIN'))
    next()
  }
}

/**
 * API answers are personal (reports with symptoms and messages, registers, phone numbers):
 * no browser or proxy cache may keep them.
 */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('cache-control', 'no-store')
  next()
}

/**
 * Refuses any body or query holding a NUL, another control character or a lone surrogate, in
 * any field or key: one check for every route, so no schema can forget it and PostgreSQL,
 * encoders and CSV writers never see such text.
 */
export function rejectUnsafeText(): RequestHandler {
  return (req, _res, next) => {
    const bad = findUnsafeText(req.body, 'body') ?? findUnsafeText(req.query, 'query')
    if (bad !== null) return next(new AppError('BAD_REQUEST', UNSAFE_TEXT_MESSAGE, { [bad.replace(/^(body|query)\.?/, '') || '_']: UNSAFE_TEXT_MESSAGE }))
    next()
  }
}

/**
 * Turns the body reader's own refusals (unsupported or undecodable Content-Encoding, bad
 * charset, truncated or oversized bodies) into the one error shape with their 4xx status,
 * instead of a logged 500.
 */
export function bodyReadErrors(): ErrorRequestHandler {
  return (err, _req, res, next) => {
    const e = err as { status?: unknown; expose?: unknown }
    if (e?.expose !== true || (e.status !== 400 && e.status !== 413 && e.status !== 415)) return next(err)
    res.status(e.status).json(withRequestId(res, errorBody(e.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST')))
  }
}

/** Tells a throttled client when to try again, in the standard header as well as the message. */
export function retryAfterHeader(): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (err instanceof RateLimitedError) res.set('retry-after', String(err.retryAfterSeconds))
    next(err)
  }
}
