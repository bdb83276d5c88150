import { z } from 'zod'
import { ERROR_MESSAGES, errorBody, type ErrorBody, type ErrorCode } from '../shared/protocol/index.js'
import type { Log } from './log.js'

/**
 * A domain error the user may see: a stable code and a Japanese message. Services throw it;
 * the HTTP error middleware and the socket hub turn it into the one error body. Anything else
 * is hidden.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message ?? ERROR_MESSAGES[code].ja)
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

/** The error body for any error: AppErrors speak for themselves, the rest is logged and hidden. */
export function errorBodyOf(err: unknown, log: Log): ErrorBody {
  if (err instanceof AppError) return err.toBody()
  log.error('unhandled error', { err: String((err as Error)?.stack ?? err) })
  return errorBody('INTERNAL')
}
