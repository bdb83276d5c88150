import { z } from 'zod'

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** A request body that is a file's raw bytes rather than JSON (e.g. a roster CSV). */
export interface FileUpload {
  kind: 'file'
  /** What the page sends; the server reads the bytes whatever the header says. */
  contentType: string
  maxBytes: number
}

/** A response that is a file to save (e.g. a CSV export), not JSON. */
export interface FileDownload {
  kind: 'file'
  contentType: string
}

/**
 * One HTTP route of the API: everything both sides need to agree on. The server mounts it and
 * parses with its schemas; the pages call it through the one typed client.
 */
export interface Route<
  M extends Method = Method,
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | FileUpload | undefined = z.ZodType | FileUpload | undefined,
  R extends z.ZodType | FileDownload = z.ZodType | FileDownload,
> {
  method: M
  /** The full path, with `:name` parameters, e.g. `/api/admin/staff/:id`. */
  path: string
  params: P
  query: Q
  body: B
  response: R
  /** The success status when it is not 200. */
  status?: 201
  /** Answers without a login (the rest refuse anonymous callers before reading their input). */
  public?: true
}

interface RouteParts<P, Q, B, R> {
  params?: P
  query?: Q
  body?: B
  response: R
  status?: 201
  public?: true
}

function define<M extends Method>(method: M) {
  return <
    P extends z.ZodType | undefined = undefined,
    Q extends z.ZodType | undefined = undefined,
    B extends z.ZodType | FileUpload | undefined = undefined,
    R extends z.ZodType | FileDownload = z.ZodType,
  >(
    path: string,
    parts: RouteParts<P, Q, B, R>,
  ): Route<M, P, Q, B, R> => ({
    method,
    path,
    params: parts.params as P,
    query: parts.query as Q,
    body: parts.body as B,
    response: parts.response,
    ...(parts.status ? { status: parts.status } : {}),
    ...(parts.public ? { public: true as const } : {}),
  })
}

export const get = define('GET')
export const post = define('POST')
export const put = define('PUT')
export const del = define('DELETE')

export const fileUpload = (contentType: string, maxBytes: number): FileUpload => ({ kind: 'file', contentType, maxBytes })
export const fileDownload = (contentType: string): FileDownload => ({ kind: 'file', contentType })

export const isFile = (x: unknown): x is FileUpload | FileDownload => typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'file'

/** A database id in a path or query string. */
export const IdParam = z.coerce.number<number | string>().int().positive().max(2_147_483_647)
/** The `:id` of a path. */
export const IdParams = z.object({ id: IdParam })

/** A part of a request: absent when the route has no schema for it, optional when its schema accepts nothing. */
export type FieldIf<K extends string, S> = S extends z.ZodType
  ? undefined extends z.input<S>
    ? { [k in K]?: z.input<S> }
    : {} extends z.input<S>
      ? { [k in K]?: z.input<S> }
      : { [k in K]: z.input<S> }
  : unknown

/** What a route answers with (JSON routes only). */
export type ResponseOf<Rt extends Route> = Rt['response'] extends z.ZodType ? z.output<Rt['response']> : never

/** The URL of a route with its parameters and query filled in (also for links to downloads). */
export function urlOf(route: Route, input: { params?: Record<string, unknown>; query?: Record<string, unknown> }): string {
  const path = route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const v = input.params?.[name]
    if (v === undefined) throw new Error(`missing path parameter ${name} for ${route.path}`)
    return encodeURIComponent(String(v))
  })
  const pairs = Object.entries(input.query ?? {}).filter(([, v]) => v !== undefined && v !== null)
  const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')
  return query ? `${path}?${query}` : path
}
