// @ts-check
// `npm run build`: the server compiled by tsc and the pages built by Vite, into dist/.
import { spawnSync } from 'node:child_process'
import { cpSync, rmSync, writeFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BUNDLE_DIR, DIST, isStale, PARTS, ROOT, sourceHash, stampFile } from './sources.mjs'

/** @typedef {keyof typeof PARTS} Part */

const require = createRequire(import.meta.url)

/** Whether the build tools (devDependencies) are installed here; a pruned deployment has none. */
export function canBuild() {
  try {
    require.resolve('typescript/package.json')
    require.resolve('vite/package.json')
    require.resolve('rolldown/package.json')
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
  if (parts.includes('server')) await buildServer()
  if (parts.includes('pages')) {
    const { build: viteBuild } = await import('vite')
    // Vite picks packages' development builds (Lit's dev mode) when NODE_ENV says so, and vitest
    // sets it to 'test': a build made for the browser tests is the one `npm start` then serves,
    // as its sources are the same, so every build is the production one.
    const nodeEnv = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      await viteBuild({ configFile: join(ROOT, 'kiosk', 'vite.config.ts'), logLevel: 'warn', mode: 'production' })
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV
      else process.env.NODE_ENV = nodeEnv
    }
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

async function buildServer() {
  const id = sourceHash('server')
  const out = PARTS.server.out
  for (const dir of [out, join(DIST, 'shared')]) rmSync(dir, { recursive: true, force: true })
  // TypeScript 7's tsc is a native program behind a small node launcher, not an importable API.
  const tscBin = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc')
  const tsc = spawnSync(process.execPath, [tscBin, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' })
  if (tsc.status !== 0) throw new Error('tsc failed: the server was not built')
  // The migrator reads its SQL files next to itself, compiled or not.
  cpSync(join(ROOT, 'server', 'migrations'), join(out, 'migrations'), { recursive: true })
  await bundleServer(out)
  writeFileSync(stampFile('server'), JSON.stringify({ buildId: id }))
}

/**
 * Socket.IO, Engine.IO and ws stay packages of their own: bundled, each connected page cost
 * half as much memory again in `npm run bench:storm`, for a cause not found (docs/performance.md,
 * the reconnect storm of 3 December); outside the bundle the start is as quick.
 */
const SOCKET_STACK = [/^socket\.io/, /^engine\.io/, /^ws$/, /^@socket\.io\//]

/**
 * The server and its packages in a few files, for `npm start`: Node's module loader takes about
 * half a second over ~260 compiled modules and their packages, and a restarted process answers
 * sooner without it. The bundle sits one folder below the compiled modules, so
 * what they find beside themselves (`../migrations`, the install folder above) it finds too.
 * PGlite stays a package of its own (loaded only for the embedded database, with its data
 * files next to it), and so does the socket stack (above); the modules loaded on first use stay
 * separate chunks.
 * @param {string} out
 */
async function bundleServer(out) {
  const { build: rolldown } = await import('rolldown')
  await rolldown({
    // From the TypeScript sources (tsc above has checked them), so that its source map points at them.
    input: { start: join(ROOT, 'server', 'start.ts'), main: join(ROOT, 'server', 'main.ts'), clock: join(ROOT, 'server', 'clock.ts') },
    platform: 'node',
    tsconfig: join(ROOT, 'tsconfig.build.json'),
    resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
    external: [/^@electric-sql\/pglite/, 'vite', /^node:/, ...builtinModules, ...SOCKET_STACK],
    output: { dir: join(out, BUNDLE_DIR), format: 'esm', sourcemap: true },
    logLevel: 'warn',
  })
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await build()
}
