// @ts-check
// `npm start`: builds what is missing or stale (a fresh clone after `npm ci`), then runs the
// compiled server with plain node. A deployment (built, then pruned) goes straight to the server.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { DIST, isStale } from './sources.mjs'

/** @type {('server' | 'pages')[]} */
const stale = /** @type {const} */ (['server', 'pages']).filter(isStale)
if (stale.length > 0) {
  const { build, canBuild } = await import('./build.mjs')
  if (!canBuild()) {
    console.error(`dist/ is missing or older than the sources (${stale.join(', ')}), and the build tools are not installed.
Build before pruning: npm ci && npm run build && npm prune --omit=dev`)
    process.exit(1)
  }
  console.log(`Building ${stale.join(' and ')}…`)
  await build(stale)
}
await import(pathToFileURL(join(DIST, 'server', 'start.js')).href)
