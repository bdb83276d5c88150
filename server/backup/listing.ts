import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupFile } from '../../shared/protocol/routesOps.js'
import { listNightly } from './files.js'

/** Files an operator may have put next to the nightly ones (`npm run backup --out …`). */
const MANUAL = /\.(backup\.gz|pgdump)$/

/**
 * The backups in a folder, newest first: the nightly ones dated by their name (when they were
 * taken), any other backup file by when it was written. Half-written files are not backups.
 */
export function listBackups(dir: string): BackupFile[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const nightly = new Map(listNightly(dir).map((f) => [f.name, f.at]))
  const files: BackupFile[] = []
  for (const name of names) {
    const at = nightly.get(name)
    if (!at && !MANUAL.test(name)) continue
    const stat = statSync(join(dir, name), { throwIfNoEntry: false })
    if (!stat?.isFile()) continue
    files.push({ name, takenAt: (at ?? stat.mtime).toISOString(), bytes: stat.size, kind: at ? 'nightly' : 'manual' })
  }
  return files.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name))
}
