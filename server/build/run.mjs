// @ts-check
// `npm start`, `npm run backup`, `npm run restore`: runs a compiled entry point of the server
// (`node server/build/run.mjs start`, `node server/build/run.mjs backup/cli restore FILE`) with plain node,
// building first what is missing or stale (a fresh clone after `npm ci`). A deployment (built,
// then pruned) goes straight to the compiled code.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BUNDLE_DIR, DIST, isStale } from './sources.mjs'

const [entry = 'start', ...args] = process.argv.slice(2)
// Only the server itself serves the pages; the other commands need just the compiled server.
/** @type {('server' | 'pages')[]} */
const parts = entry === 'start' ? ['server', 'pages'] : ['server']
const stale = parts.filter(isStale)
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
// The server itself starts from its bundle (a restarted process answers sooner); the other
// commands run their compiled module.
const file = entry === 'start' ? join(DIST, 'server', BUNDLE_DIR, 'start.js') : join(DIST, 'server', `${entry}.js`)
// The entry reads its own arguments from process.argv, as if started directly.
process.argv = [process.argv[0] ?? 'node', file, ...args]
await import(pathToFileURL(file).href)
