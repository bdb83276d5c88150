import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import express from 'express'
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rawRequest } from '../test/rawHttp.js'
import { precompressDir } from './precompress.js'
import { servePages } from './serve.js'

/** A small build laid out as Vite writes it, precompressed, served over real HTTP. */
describe('servePages', () => {
  let dir: string
  let server: Server
  let base: string
  const script = 'export const greeting = "おはようございます";\n'.repeat(200)
  const html = `<!doctype html><html lang="ja"><head><script type="module" src="/assets/board-Ab12Cd34.js"></script></head><body>${'<p>朝顔</p>'.repeat(100)}</body></html>`

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'asagao-pages-'))
    mkdirSync(join(dir, 'assets'))
    mkdirSync(join(dir, 'board'))
    writeFileSync(join(dir, 'assets', 'board-Ab12Cd34.js'), script)
    writeFileSync(join(dir, 'assets', 'tiny-Zz99.js'), 'x')
    writeFileSync(join(dir, 'board', 'index.html'), html)
    precompressDir(dir)
    const app = express()
    servePages(app, dir)
    app.use((_req, res) => res.status(404).send('not here'))
    server = createServer(app)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    rmSync(dir, { recursive: true, force: true })
  })

  it('writes brotli and gzip copies only where they are smaller', () => {
    expect(existsSync(join(dir, 'assets', 'board-Ab12Cd34.js.br'))).toBe(true)
    expect(existsSync(join(dir, 'assets', 'board-Ab12Cd34.js.gz'))).toBe(true)
    expect(existsSync(join(dir, 'assets', 'tiny-Zz99.js.br'))).toBe(false)
    expect(existsSync(join(dir, 'assets', 'tiny-Zz99.js.gz'))).toBe(false)
  })

  it('sends brotli to a browser that takes it, cached for good, and the bytes decode to the file', async () => {
    const res = await rawRequest(`${base}/assets/board-Ab12Cd34.js`, { 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['content-type']).toMatch(/^text\/javascript/)
    expect(res.headers.vary).toMatch(/Accept-Encoding/i)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(Number(res.headers['content-length'])).toBe(res.body.length)
    expect(res.body.length).toBeLessThan(Buffer.byteLength(script) / 10)
    expect(brotliDecompressSync(res.body).toString()).toBe(script)
  })

  it('sends gzip to a client without brotli, and the plain file to one that asks for nothing', async () => {
    const gz = await rawRequest(`${base}/assets/board-Ab12Cd34.js`, { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(script)
    const plain = await rawRequest(`${base}/assets/board-Ab12Cd34.js`)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i)
    expect(plain.body.toString()).toBe(script)
    expect(new Set([gz.headers.etag, plain.headers.etag]).size).toBe(2)
  })

  it('serves a file that has no compressed copy as it is, without Vary', async () => {
    const res = await rawRequest(`${base}/assets/tiny-Zz99.js`, { 'accept-encoding': 'br' })
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.headers.vary).toBeUndefined()
    expect(res.body.toString()).toBe('x')
  })

  it('makes the browser revalidate the HTML, answering 304 while it is unchanged', async () => {
    const first = await rawRequest(`${base}/board/`, { 'accept-encoding': 'br' })
    expect(first.status).toBe(200)
    expect(first.headers['cache-control']).toBe('no-cache')
    expect(first.headers['content-type']).toMatch(/^text\/html/)
    expect(brotliDecompressSync(first.body).toString()).toBe(html)
    const again = await rawRequest(`${base}/board/`, { 'accept-encoding': 'br', 'if-none-match': first.headers.etag! })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    const otherEncoding = await rawRequest(`${base}/board/`, { 'accept-encoding': 'gzip', 'if-none-match': first.headers.etag! })
    expect(otherEncoding.status).toBe(200)
  })

  it('answers HEAD with the length and no body', async () => {
    const res = await rawRequest(`${base}/board/index.html`, { 'accept-encoding': 'gzip' }, 'HEAD')
    expect(res.status).toBe(200)
    expect(Number(res.headers['content-length'])).toBe(readFileSync(join(dir, 'board', 'index.html.gz')).length)
    expect(res.body.length).toBe(0)
  })

  it('redirects a page folder without its slash, keeping the query', async () => {
    const res = await rawRequest(`${base}/board?pair=K7QP`)
    expect(res.status).toBe(301)
    expect(res.headers.location).toBe('/board/?pair=K7QP')
  })

  it('leaves unknown paths, other methods and the compressed files’ own names to the next handler', async () => {
    expect((await rawRequest(`${base}/assets/missing.js`)).status).toBe(404)
    expect((await rawRequest(`${base}/assets/board-Ab12Cd34.js.br`)).status).toBe(404)
    expect((await rawRequest(`${base}/board/`, {}, 'POST')).status).toBe(404)
    expect((await rawRequest(`${base}/../package.json`)).status).toBe(404)
  })
})
