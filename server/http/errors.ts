import type { ErrorRequestHandler } from 'express'
import { errorBody, type ErrorBody, type ErrorCode } from '../../shared/protocol/index.js'
import { AppError, errorBodyOf } from '../errors.js'
import type { Log } from '../log.js'
import { requestLogOf, withRequestId } from './requestLog.js'

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  RATE_LIMITED: 429,
  FORBIDDEN: 403,
  BAD_ORIGIN: 403,
  PROTOCOL_MISMATCH: 409,
  NOT_FOUND: 404,
  PUPIL_NOT_FOUND: 404,
  REPORT_NOT_FOUND: 404,
  IDEMPOTENCY_CONFLICT: 409,
  REPORT_EXISTS: 409,
  ALREADY_WITHDRAWN: 409,
  CODE_EXISTS: 409,
  DEVICE_REVOKED: 401,
  PAIRING_INVALID: 400,
  INTERNAL: 500,
  CLASS_NOT_FOUND: 404,
  NOT_HOMEROOM: 403,
  NOTICE_NOT_FOUND: 404,
  NOTICE_EXPIRED: 409,
  NOTICE_ALREADY_ANSWERED: 409,
  SETUP_LINK_INVALID: 404,
  SETUP_LINK_USED: 410,
  SETUP_LINK_EXPIRED: 410,
  SETUP_DONE: 409,
  SCHOOL_CODE_TAKEN: 409,
  SAFETY_NOT_FOUND: 404,
  SAFETY_CLOSED: 409,
  SAFETY_ALREADY_OPEN: 409,
}

/** The HTTP status of an error code: a rule broken by valid input is 422 unless listed. */
export const statusOf = (code: ErrorCode): number => STATUS[code] ?? 422

/** Maps any error to an HTTP status and the one error shape, including body-parser's own. */
export function toHttpError(err: unknown, log: Log): { status: number; body: ErrorBody } {
  const e = err as { type?: string; status?: unknown }
  if (!(err instanceof AppError) && e?.type === 'entity.too.large') return { status: 413, body: errorBody('PAYLOAD_TOO_LARGE') }
  // Express and body-parser mark the requests they cannot read with a 4xx status (unparsable
  // JSON, a path parameter that is not valid percent-encoded UTF-8, an unknown charset …): their status stands.
  if (!(err instanceof AppError) && typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return { status: e.status, body: errorBody('BAD_REQUEST') }
  const body = errorBodyOf(err, log)
  return { status: statusOf(body.error.code), body }
}

export function errorMiddleware(log: Log): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const { status, body } = toHttpError(err, requestLogOf(res, log))
    res.status(status).json(withRequestId(res, body))
  }
}
