import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const PAGES_DIR = join(ROOT, 'kiosk', 'dist')
const SOURCES = [join(ROOT, 'kiosk'), join(ROOT, 'shared')]
const SKIP = new Set(['dist', 'e2e', 'node_modules'])

/**
 * A hash of everything the pages are built from. It is the build id pages and server compare
 * (a page from an older build reloads), and it tells `npm start` whether to rebuild.
 */
export function sourceHash(): string {
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (SKIP.has(name) || name.endsWith('.test.ts')) continue
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else {
        hash.update(relative(ROOT, path))
        hash.update(readFileSync(path))
      }
    }
  }
  for (const dir of SOURCES) walk(dir)
  return hash.digest('hex').slice(0, 16)
}

export interface BuildInfo {
  buildId: string
}

/** The build id of the pages on disk, or null when they have not been built. */
export function readBuildInfo(dir = PAGES_DIR): BuildInfo | null {
  const file = join(dir, 'build-id.json')
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BuildInfo) : null
}
