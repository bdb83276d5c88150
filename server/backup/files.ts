import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const NIGHTLY = /^asagao-(\d{8}T\d{6}Z)\.backup\.gz$/

/** `asagao-20261202T030000Z.backup.gz`: sorts by time, and says what it is. */
export function nightlyName(at: Date, extension = '.backup.gz'): string {
  return `asagao-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}${extension}`
}

/** The nightly backups in a folder, oldest first, with the time each was taken. */
export function listNightly(dir: string): { name: string; at: Date }[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .map((name) => ({ name, m: NIGHTLY.exec(name) }))
    .filter((f): f is { name: string; m: RegExpExecArray } => f.m !== null)
    .map(({ name, m }) => {
      const s = m[1]!
      return { name, at: new Date(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`) }
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime())
}

/** Deletes all but the newest `keep` nightly backups. */
export function pruneNightly(dir: string, keep: number): string[] {
  const files = listNightly(dir)
  const doomed = files.slice(0, Math.max(0, files.length - keep)).map((f) => f.name)
  for (const name of doomed) rmSync(join(dir, name))
  return doomed
}

/** Writes through a temporary name, so a crash never leaves a half-written file under the real one. */
export function writeWhole(file: string, data: Buffer): void {
  const partial = `${file}.partial`
  writeFileSync(partial, data, { mode: 0o600 })
  renameSync(partial, file)
}
