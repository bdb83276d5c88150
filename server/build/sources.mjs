// @ts-check
// Plain JavaScript: `npm start` runs this before anything is compiled, with nothing but node.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const DIST = join(ROOT, 'dist')
/** The bundled server (`start`, `main`, `clock`), inside the compiled server's folder. */
export const BUNDLE_DIR = 'bundle'

/**
 * The two parts of `dist/`: what each is built from and where it goes (its build id is stamped
 * in `build-id.json` there).
 * The pages' build id is also what pages and server compare (a page from an older build
 * reloads), so it covers only what the pages are made of.
 * @type {Record<'server' | 'pages', { sources: string[], out: string }>}
 */
export const PARTS = {
  // The lock file too: the server's bundle carries most of its packages, the pages Lit and the
  // socket client (`npm prune` leaves it as it is).
  server: { sources: ['server', 'shared', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.json', 'tsconfig.build.json'], out: join(DIST, 'server') },
  pages: { sources: ['kiosk', 'shared', 'package-lock.json', 'tsconfig.base.json', 'server/pages/precompress.ts', 'server/pages/encoding.ts'], out: join(DIST, 'kiosk') },
}

// Tests, browser journeys and benchmarks are not part of what is shipped.
const SKIP = new Set(['dist', 'e2e', 'node_modules', 'bench', 'test'])

/**
 * A hash of everything one part is built from.
 * @param {keyof typeof PARTS} part
 * @returns {string}
 */
export function sourceHash(part) {
  const hash = createHash('sha256')
  /** @param {string} path */
  const walk = (path) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        if (!SKIP.has(name) && !name.endsWith('.test.ts')) walk(join(path, name))
      }
      return
    }
    hash.update(relative(ROOT, path))
    hash.update(readFileSync(path))
  }
  for (const source of PARTS[part].sources) walk(join(ROOT, source))
  return hash.digest('hex').slice(0, 16)
}

/**
 * Where a built part keeps its build id.
 * @param {keyof typeof PARTS} part
 */
export function stampFile(part) {
  return join(PARTS[part].out, 'build-id.json')
}

/**
 * The build id stamped on a built part, or null when it has not been built.
 * @param {keyof typeof PARTS} part
 * @returns {string | null}
 */
export function builtId(part) {
  const file = stampFile(part)
  return existsSync(file) ? /** @type {{ buildId: string }} */ (JSON.parse(readFileSync(file, 'utf8'))).buildId : null
}

/**
 * Whether a part must be (re)built. A deployment that ships `dist/` without the sources has
 * nothing to compare with, and its build stands.
 * @param {keyof typeof PARTS} part
 */
export function isStale(part) {
  const hasSources = PARTS[part].sources.every((s) => existsSync(join(ROOT, s)))
  return builtId(part) === null || (hasSources && builtId(part) !== sourceHash(part))
}
