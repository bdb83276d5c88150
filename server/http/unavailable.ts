import type { ErrorRequestHandler } from 'express'
import { errorBody } from '../../shared/protocol/index.js'
import { unavailableCode } from '../db/unavailable.js'
import type { Log } from '../log.js'
import { requestLogOf, withRequestId } from './requestLog.js'

/** Seconds a client is asked to wait before retrying while the database is away. */
export const UNAVAILABLE_RETRY_SECONDS = 5

/**
 * A database outage or a full disk is not a bug: answer 503 with a stable code (UNAVAILABLE,
 * STORAGE_FULL) and Retry-After, and log one warning line instead of an error with a stack.
 */
export function databaseUnavailable(log: Log): ErrorRequestHandler {
  return (err, req, res, next) => {
    const code = unavailableCode(err)
    if (!code) return next(err)
    requestLogOf(res, log).warn(code === 'STORAGE_FULL' ? 'storage full' : 'database unavailable', { method: req.method, code: String((err as { code?: unknown }).code) })
    res.set('retry-after', String(UNAVAILABLE_RETRY_SECONDS)).status(503).json(withRequestId(res, errorBody(code)))
  }
}
