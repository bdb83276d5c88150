import type { Request, RequestHandler, Response } from 'express'
import type { Principal } from '../auth/principal.js'
import { principalFromCookies } from '../auth/resolve.js'
import type { Deps } from '../deps.js'

/** Resolves who is asking once per API request; handlers read it with `principalOf`. */
export function resolvePrincipal(deps: Deps): RequestHandler {
  return async (req, res, next) => {
    const client = req.path.startsWith('/board') ? 'board' : 'person'
    res.locals.principal = await principalFromCookies(deps.sql, req.headers.cookie, client, deps.clock.now())
    next()
  }
}

export function principalOf(res: Response): Principal | null {
  return (res.locals.principal as Principal | null) ?? null
}

/** A route parameter that must be a database id. */
export function idParam(req: Request, name: string): number {
  const raw = req.params[name]
  const n = Number(raw)
  return Number.isInteger(n) && n > 0 && n <= 2_147_483_647 ? n : -1
}
