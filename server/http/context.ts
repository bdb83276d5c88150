import type { RequestHandler, Response } from 'express'
import type { Principal } from '../auth/principal.js'
import { principalFromCookies } from '../auth/resolve.js'
import { clientAddress } from '../auth/source.js'
import type { Deps } from '../deps.js'

/** Resolves who is asking once per API request; handlers read it with `principalOf`. */
export function resolvePrincipal(deps: Deps): RequestHandler {
  return async (req, res, next) => {
    const client = req.path.startsWith('/board') ? 'board' : 'person'
    const p = await principalFromCookies(deps.sql, req.headers.cookie, client, deps.clock.now())
    res.locals.principal = p?.kind === 'staff' ? { ...p, address: clientAddress(req.ip) } : p
    next()
  }
}

export function principalOf(res: Response): Principal | null {
  return (res.locals.principal as Principal | null) ?? null
}
