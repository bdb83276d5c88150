import { ErrorBody, ERROR_MESSAGES, type ErrorCode } from '../../../shared/protocol/index.js'

/** A failed API call, carrying the server's stable code and its Japanese message. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly status = 0,
  ) {
    super(message)
  }
}

/**
 * Calls the JSON API with the session cookie. Network failures and timeouts become an
 * ApiError too, so every caller handles one kind of failure.
 */
export async function api<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, timeoutMs = 15_000): Promise<T> {
  let res: Response
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch {
    throw new ApiError('INTERNAL', '通信できませんでした。電波の良い所でもう一度お試しください。')
  }
  const json: unknown = await res.json().catch(() => null)
  if (res.ok) return json as T
  const err = ErrorBody.safeParse(json)
  if (err.success) throw new ApiError(err.data.error.code, err.data.error.message, err.data.error.fields, res.status)
  throw new ApiError('INTERNAL', ERROR_MESSAGES.INTERNAL.ja, {}, res.status)
}
