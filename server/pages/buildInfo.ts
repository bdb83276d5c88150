import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The install folder: the nearest folder above this module with a package.json. The same
 * from `server/pages/` (tsx), from `dist/server/pages/` (compiled) and from `dist/server/bundle/`.
 */
export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)))
export const PAGES_DIR = join(ROOT, 'dist', 'kiosk')

function findRoot(dir: string): string {
  if (existsSync(join(dir, 'package.json'))) return dir
  const parent = dirname(dir)
  if (parent === dir) throw new Error('package.json not found above the server')
  return findRoot(parent)
}

export interface BuildInfo {
  buildId: string
}

/** The build id of the pages on disk, or null when they have not been built. */
export function readBuildInfo(dir = PAGES_DIR): BuildInfo | null {
  const file = join(dir, 'build-id.json')
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BuildInfo) : null
}
