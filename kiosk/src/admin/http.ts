import { ErrorBody, ERROR_MESSAGES } from '../../../shared/protocol/index.js'
import { api, ApiError } from '../lib/api.js'

export { api, ApiError }

async function send<T>(method: string, path: string, body: BodyInit | undefined, contentType: string): Promise<T> {
  let res: Response
  try {
    res = await fetch(path, { method, credentials: 'same-origin', headers: { 'content-type': contentType }, body, signal: AbortSignal.timeout(60_000) })
  } catch {
    throw new ApiError('INTERNAL', '通信できませんでした。もう一度お試しください。')
  }
  const json: unknown = await res.json().catch(() => null)
  if (res.ok) return json as T
  const err = ErrorBody.safeParse(json)
  if (err.success) throw new ApiError(err.data.error.code, err.data.error.message, err.data.error.fields, res.status)
  throw new ApiError('INTERNAL', ERROR_MESSAGES.INTERNAL.ja, {}, res.status)
}

export const put = <T>(path: string, body: unknown) => send<T>('PUT', path, JSON.stringify(body), 'application/json')

/** Sends a file's bytes as they are: the server decides the encoding from them. */
export const upload = <T>(path: string, file: Blob) => send<T>('POST', path, file, 'text/csv')

export const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e))
