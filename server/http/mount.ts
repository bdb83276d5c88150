import express, { type Request, type Response, type Router } from 'express'
import type { z } from 'zod'
import { isFile, type FileDownload, type FileUpload, type Route } from '../../shared/protocol/routes.js'
import { AppError, parseInput } from '../errors.js'
import { principalOf } from './context.js'
import { markRoute } from './requestLog.js'

/** A file to download: the handler names it, the mount sends it with the right headers. */
export interface FileReply {
  filename: string
  bytes: Buffer
  /** Overrides the route's content type, e.g. to add the charset. */
  contentType?: string
  /** Shown rather than saved (metrics): no attachment header. */
  inline?: boolean
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined

/** What a handler receives: the request's parts, already parsed with the route's schemas. */
export interface Handled<Rt extends Route> {
  req: Request
  res: Response
  params: Out<Rt['params']>
  query: Out<Rt['query']>
  body: Rt['body'] extends FileUpload ? Buffer : Out<Rt['body']>
}

/** What a handler answers: the route's response (validated in tests), or a file. */
export type Reply<Rt extends Route> = Rt['response'] extends FileDownload ? FileReply : Rt['response'] extends z.ZodType ? z.output<Rt['response']> : never

export type Handler<Rt extends Route> = (h: Handled<Rt>) => Promise<Reply<Rt>> | Reply<Rt>

/**
 * Mounts catalogue routes on a router that is itself mounted at `prefix`:
 * `on(routes.x.y).handle(async ({ params, query, body, res }) => response)`. The route is given
 * first so the handler is typed from it (responses keep their literal types, e.g. `ok: true`).
 */
export type MountOn = (router: Router, prefix: string) => <Rt extends Route>(route: Rt) => { handle(handler: Handler<Rt>): void }

export interface MountOptions {
  /** Validate every JSON response against the route's schema and fail loudly on a mismatch (tests). */
  checkResponses: boolean
  /** Told about every mounted route, so a test can compare them with the catalogue. */
  record: (route: Route) => void
}

/**
 * The one way a route reaches Express: its params, query and body are parsed with the
 * catalogue's schemas (400 with the standard error body on failure) before the handler runs.
 */
export function routeMounter(opts: MountOptions): MountOn {
  return (router, prefix) => (route) => ({
    handle(handler) {
      if (!route.path.startsWith(prefix)) throw new Error(`${route.path} is not under ${prefix}`)
      opts.record(route)
      const verb = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'
      const upload = isFile(route.body) ? [express.raw({ type: () => true, limit: route.body.maxBytes })] : []
      router[verb](route.path.slice(prefix.length) || '/', ...upload, async (req: Request, res: Response) => {
        markRoute(req, res, route)
        // Who may do what is the handler's to decide; anonymous callers learn nothing about the input.
        if (!route.public && !principalOf(res)) throw new AppError('UNAUTHENTICATED')
        const reply = await handler(parse(route, req, res))
        if (route.status) res.status(route.status)
        if (isFile(route.response)) return sendFile(res, route.response, reply as FileReply)
        if (opts.checkResponses) checkResponse(route, reply)
        res.json(reply)
      })
    },
  })
}

function parse<Rt extends Route>(route: Rt, req: Request, res: Response): Handled<Rt> {
  const parts = {
    req,
    res,
    params: route.params ? parseInput(route.params, req.params) : undefined,
    query: route.query ? parseInput(route.query, req.query) : undefined,
    body: isFile(route.body) ? req.body : route.body ? parseInput(route.body, req.body) : undefined,
  }
  // The conditional types of Handled cannot be followed through a generic route: the parts are built from its own schemas.
  return parts as Handled<Rt>
}

function checkResponse(route: Route, reply: unknown): void {
  const r = (route.response as z.ZodType).safeParse(reply)
  if (!r.success) throw new Error(`response of ${route.method} ${route.path} does not match its schema: ${JSON.stringify(r.error.issues).slice(0, 2000)}`)
}

function sendFile(res: Response, download: FileDownload, file: FileReply): void {
  res.setHeader('content-type', file.contentType ?? download.contentType)
  // RFC 5987 for the Japanese name, with an ASCII fallback for old clients.
  if (!file.inline) res.setHeader('content-disposition', `attachment; filename="asagao.csv"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
  res.setHeader('cache-control', 'no-store')
  res.send(file.bytes)
}
