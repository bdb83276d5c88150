// @ts-check
// `npm run build`: the server compiled by tsc and the pages built by Vite, into dist/.
import { spawnSync } from 'node:child_process'
import { cpSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { DIST, isStale, PARTS, ROOT, sourceHash, stampFile } from './sources.mjs'

/** @typedef {keyof typeof PARTS} Part */

const require = createRequire(import.meta.url)

/** Whether the build tools (devDependencies) are installed here; a pruned deployment has none. */
export function canBuild() {
  try {
    require.resolve('typescript/package.json')
    require.resolve('vite/package.json')
    return true
  } catch {
    return false
  }
}

/**
 * Builds the given parts of dist/.
 * @param {Part[]} parts
 */
export async function build(parts = ['server', 'pages']) {
  if (parts.includes('server')) buildServer()
  if (parts.includes('pages')) {
    const { build: viteBuild } = await import('vite')
    await viteBuild({ configFile: join(ROOT, 'kiosk', 'vite.config.ts'), logLevel: 'warn' })
  }
}

/**
 * Builds whichever of the given parts is missing or older than its sources.
 * @param {Part[]} parts
 */
export async function buildStale(parts = ['server', 'pages']) {
  const stale = parts.filter(isStale)
  if (stale.length > 0) await build(stale)
}

function buildServer() {
  const id = sourceHash('server')
  const out = PARTS.server.out
  for (const dir of [out, join(DIST, 'shared')]) rmSync(dir, { recursive: true, force: true })
  // TypeScript 7's tsc is a native program behind a small node launcher, not an importable API.
  const tscBin = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc')
  const tsc = spawnSync(process.execPath, [tscBin, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' })
  if (tsc.status !== 0) throw new Error('tsc failed: the server was not built')
  // The migrator reads its SQL files next to itself, compiled or not.
  cpSync(join(ROOT, 'server', 'migrations'), join(out, 'migrations'), { recursive: true })
  writeFileSync(stampFile('server'), JSON.stringify({ buildId: id }))
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await build()
}
