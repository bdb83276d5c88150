import type { z } from 'zod'
import { ErrorBody, ERROR_MESSAGES, type ErrorCode } from '../../../shared/protocol/index.js'
import { isFile, urlOf, type FieldIf, type FileUpload, type Route } from '../../../shared/protocol/routes.js'
import { speaksEnglish } from './staffLanguage.js'

/** No answer at all (offline, timed out): no code of the server's says it. */
const NETWORK_FAILURE = {
  ja: '通信できませんでした。電波の良い所でもう一度お試しください。',
  en: 'Could not reach the server. Please try again where the connection is better.',
}

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

/** What a page passes to call a route: only the parts the route has. */
export type CallInput<Rt extends Route> = FieldIf<'params', Rt['params']> &
  FieldIf<'query', Rt['query']> &
  (Rt['body'] extends FileUpload ? { body: Blob } : FieldIf<'body', Rt['body']>)

/** What a route answers with. */
export type ResponseOf<Rt extends Route> = Rt['response'] extends z.ZodType ? z.output<Rt['response']> : never

type Loose = { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown }

/** Uploads may take a while on a school's network; everything else should answer quickly. */
const timeoutOf = (route: Route) => (isFile(route.body) ? 60_000 : 15_000)

/**
 * Calls a route of the catalogue with the session cookie and returns its response, checked
 * against the route's schema. Network failures, timeouts and unexpected answers become an
 * ApiError too, so every caller handles one kind of failure.
 */
export async function call<Rt extends Route>(route: Rt, ...[input]: {} extends CallInput<Rt> ? [CallInput<Rt>?] : [CallInput<Rt>]): Promise<ResponseOf<Rt>> {
  const { params, query, body } = (input ?? {}) as Loose
  const file = isFile(route.body)
  let res: Response
  try {
    res = await fetch(urlOf(route, { params, query }), {
      method: route.method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': file ? (route.body as FileUpload).contentType : 'application/json' },
      body: body === undefined ? undefined : file ? (body as Blob) : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutOf(route)),
    })
  } catch {
    throw new ApiError('INTERNAL', NETWORK_FAILURE.ja)
  }
  const json: unknown = await res.json().catch(() => null)
  if (res.ok && !isFile(route.response)) {
    const parsed = (route.response as z.ZodType).safeParse(json)
    if (parsed.success) return parsed.data as ResponseOf<Rt>
    throw new ApiError('INTERNAL', ERROR_MESSAGES.INTERNAL.ja, {}, res.status)
  }
  const err = ErrorBody.safeParse(json)
  if (err.success) throw new ApiError(err.data.error.code, err.data.error.message, err.data.error.fields, res.status)
  throw new ApiError('INTERNAL', ERROR_MESSAGES.INTERNAL.ja, {}, res.status)
}

/** A link to a route, e.g. a CSV download the browser saves itself. */
export function hrefOf<Rt extends Route>(route: Rt, input: Pick<CallInput<Rt>, keyof CallInput<Rt> & ('params' | 'query')>): string {
  return urlOf(route, input as Loose)
}

/** A failure as a staff page shows it (see refusalText). */
export const errorText = (e: unknown) => (e instanceof ApiError ? refusalText(e) : String(e))

/**
 * A refusal (an API call's or a socket command's) as a staff page shows it: the server's Japanese
 * message, which can be more precise than its code's; on an English page the code's English
 * message instead, unless the page wrote the message itself in English already.
 */
export function refusalText(e: { code: ErrorCode; message: string; status?: number }): string {
  if (!speaksEnglish() || !/[ぁ-んァ-ヶ一-龯]/.test(e.message)) return e.message
  if (e.code === 'INTERNAL' && e.status === 0) return NETWORK_FAILURE.en
  return ERROR_MESSAGES[e.code]?.en ?? e.message
}

/**
 * Reads a form's raw values with the route's own schema, so a page sends only what the server
 * accepts; a problem becomes the same BAD_REQUEST error the server would answer.
 */
export function fromForm<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw)
  if (r.success) return r.data
  const fields: Record<string, string> = {}
  for (const issue of r.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message
  const first = r.error.issues[0]?.message
  throw new ApiError('BAD_REQUEST', first && /[ぁ-んァ-ン一-龯]/.test(first) ? first : ERROR_MESSAGES.BAD_REQUEST.ja, fields, 400)
}
