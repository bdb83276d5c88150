import type { IncomingMessage } from 'node:http'
import type { RequestHandler } from 'express'
import helmet from 'helmet'
import { AppError } from '../errors.js'

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
