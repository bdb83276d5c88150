import type { ErrorRequestHandler } from 'express'
import { z } from 'zod'
import { ERROR_MESSAGES, errorBody, type ErrorBody, type ErrorCode } from '../../shared/protocol/index.js'
import type { Log } from '../log.js'

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
}

/** An error the user may see: a stable code and a Japanese message. Anything else is hidden. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message ?? ERROR_MESSAGES[code].ja)
  }
  get status(): number {
    return STATUS[this.code] ?? 422
  }
  toBody(): ErrorBody {
    return errorBody(this.code, this.message, this.fields)
  }
}

/** Turns a zod failure into BAD_REQUEST with the first message per field. */
export function fromZodError(err: z.ZodError): AppError {
  const fields: Record<string, string> = {}
  for (const issue of err.issues) {
    const key = issue.path.join('.') || '_'
    fields[key] ??= issue.message
  }
  const first = err.issues[0]
  const message = first && /[ぁ-んァ-ン一-龯]/.test(first.message) ? first.message : undefined
  return new AppError('BAD_REQUEST', message, fields)
}

/** Parses untrusted input or throws BAD_REQUEST. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input)
  if (!r.success) throw fromZodError(r.error)
  return r.data
}

/** Maps any error to the one error shape; unknown errors are logged and hidden. */
export function toErrorBody(err: unknown, log: Log): { status: number; body: ErrorBody } {
  if (err instanceof AppError) return { status: err.status, body: err.toBody() }
  const e = err as { type?: string; status?: number }
  if (e?.type === 'entity.too.large') return { status: 413, body: errorBody('PAYLOAD_TOO_LARGE') }
  if (e?.type === 'entity.parse.failed') return { status: 400, body: errorBody('BAD_REQUEST') }
  log.error('unhandled error', { err: String((err as Error)?.stack ?? err) })
  return { status: 500, body: errorBody('INTERNAL') }
}

export function errorMiddleware(log: Log): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const { status, body } = toErrorBody(err, log)
    res.status(status).json(body)
  }
}
