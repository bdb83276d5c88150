import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { extname, join, relative, sep } from 'node:path'
import type { Express, Request, Response } from 'express'
import { chooseEncoding, COMPRESSED, type Encoding } from './encoding.js'

interface Representation {
  body: Buffer
  etag: string
}

interface PageFile {
  extension: string
  /** Vite names assets after their content hash, so they never change under their name. */
  immutable: boolean
  variants: Partial<Record<Encoding, Representation>>
}

/**
 * Serves the built pages (/board/, /teacher/ … and their assets) from memory, in the encoding
 * the browser prefers among those the build precompressed. Hashed assets are cached for a
 * year; everything else is revalidated on each load (ETag) so a new build reaches every page.
 */
export function servePages(app: Express, dir: string): void {
  if (!existsSync(dir)) return
  const files = loadPages(dir)
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    const path = req.path
    const file = files.get(path.endsWith('/') ? path + 'index.html' : path)
    if (!file) {
      const query = req.url.indexOf('?')
      if (files.has(path + '/index.html')) return res.redirect(301, path + '/' + (query >= 0 ? req.url.slice(query) : ''))
      return next()
    }
    send(req, res, file)
  })
}

function send(req: Request, res: Response, file: PageFile): void {
  const available = Object.keys(file.variants) as Encoding[]
  const encoding = chooseEncoding(req.get('accept-encoding'), available)
  const { body, etag } = file.variants[encoding]!
  res.type(file.extension)
  res.set('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
  if (available.length > 1) res.vary('Accept-Encoding')
  if (encoding !== 'identity') res.set('Content-Encoding', encoding)
  res.set('ETag', etag)
  if (req.fresh) {
    res.status(304).end()
    return
  }
  res.set('Content-Length', String(body.length))
  res.end(req.method === 'HEAD' ? undefined : body)
}

/** Reads a build into memory: URL path → the file and its precompressed variants. */
export function loadPages(dir: string): Map<string, PageFile> {
  const files = new Map<string, PageFile>()
  const suffixes = Object.values(COMPRESSED) as string[]
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (!suffixes.includes(extname(name))) {
        const urlPath = '/' + relative(dir, path).split(sep).join('/')
        const variants: PageFile['variants'] = { identity: representation(readFileSync(path)) }
        for (const [encoding, suffix] of Object.entries(COMPRESSED) as [Encoding, string][]) {
          if (existsSync(path + suffix)) variants[encoding] = representation(readFileSync(path + suffix))
        }
        files.set(urlPath, { extension: extname(name), immutable: urlPath.startsWith('/assets/'), variants })
      }
    }
  }
  walk(dir)
  return files
}

/** Each encoding is its own representation with its own bytes, so hashing the bytes gives each its own validator. */
function representation(body: Buffer): Representation {
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` }
}
