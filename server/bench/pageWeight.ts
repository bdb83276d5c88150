import express from 'express'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { buildStale } from '../build/build.mjs'
import { PAGES_DIR } from '../pages/buildInfo.js'
import { servePages } from '../pages/serve.js'
import { rawRequest } from '../test/rawHttp.js'

/**
 * `npm run bench:pages`: what each page costs to open with an empty cache, measured as bytes on
 * the wire through the server's own static handler (real HTTP requests), for each encoding: the
 * HTML and everything it loads before the page can run (the entry script, the chunks it preloads,
 * the style sheets). Chunks loaded later (import()) are listed apart.
 */
const PAGES = ['/', '/board/', '/teacher/', '/guardian/', '/admin/', '/join/', '/register/', '/guidance/', '/calendar/', '/setup/', '/safety/']
const ENCODINGS = { raw: '', gzip: 'gzip', br: 'br' } as const
type Column = keyof typeof ENCODINGS
const BUDGET_KB = 100

await buildStale(['pages'])
const app = express()
servePages(app, PAGES_DIR)
const server = createServer(app)
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

const size = async (path: string, column: Column) => {
  const res = await rawRequest(base + path, ENCODINGS[column] ? { 'accept-encoding': ENCODINGS[column] } : {})
  if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`)
  return res.body.length
}
const kb = (bytes: number) => (bytes / 1024).toFixed(1)

console.log('| page | HTML raw / gzip / br | JS raw / gzip / br (KB) | CSS br | JS files |')
console.log('|---|---|---|---|---|')
let over = 0
for (const page of PAGES) {
  const html = (await rawRequest(base + page)).body.toString()
  const scripts = [...html.matchAll(/<script type="module"[^>]*src="([^"]+)"|<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? m[2]!)
  const styles = [...html.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!)
  const total = async (paths: string[], column: Column) => (await Promise.all(paths.map((p) => size(p, column)))).reduce((a, b) => a + b, 0)
  const js = { raw: await total(scripts, 'raw'), gzip: await total(scripts, 'gzip'), br: await total(scripts, 'br') }
  const htmlSizes = [await size(page, 'raw'), await size(page, 'gzip'), await size(page, 'br')]
  if (js.gzip / 1024 > BUDGET_KB) over++
  console.log(`| \`${page}\` | ${htmlSizes.map(kb).join(' / ')} | ${kb(js.raw)} / ${kb(js.gzip)} / ${kb(js.br)} | ${kb(await total(styles, 'br'))} | ${scripts.length} |`)
}
console.log(`\nBudget: each page's JavaScript ≤ ${BUDGET_KB} KB gzip. ${over === 0 ? 'All pages within.' : `${over} page(s) over.`}`)
server.close()
