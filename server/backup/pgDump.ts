import { spawn } from 'node:child_process'
import { openSync, readSync, closeSync } from 'node:fs'
import { BackupError } from './errors.js'
import { checkSchemaVersion } from './logical.js'

/**
 * PostgreSQL's backup is pg_dump's custom format: the standard tool, compressed, restorable by
 * hand with pg_restore if need be. The client tools must be at least the server's major version.
 */
export const PG_DUMP_MAGIC = 'PGDMP'

/** Writes a custom-format dump of the database at `url` to `file`. */
export async function dumpPostgres(url: string, file: string): Promise<void> {
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`], url)
}

/**
 * Reads the whole archive without touching any database (pg_restore to /dev/null fails on a
 * truncated or damaged file) and returns the schema version recorded in it.
 */
export async function verifyPgDump(file: string, knownVersion: number): Promise<number> {
  if (readStart(file, PG_DUMP_MAGIC.length) !== PG_DUMP_MAGIC) throw new BackupError('UNKNOWN_FORMAT', 'this is not a pg_dump custom-format file')
  try {
    await run('pg_restore', ['--file=/dev/null', file])
  } catch (err) {
    throw new BackupError('TRUNCATED', `the file is truncated or damaged: ${(err as Error).message}`)
  }
  const data = await run('pg_restore', ['--data-only', '--table=schema_migration', '--file=-', file])
  const versions = [...data.matchAll(/^(\d+)\t/gm)].map((m) => Number(m[1]))
  const version = versions.length > 0 ? Math.max(...versions) : 0
  checkSchemaVersion(version, knownVersion)
  return version
}

/**
 * Replaces the database at `url` with the archive in one transaction: the old schema is dropped
 * and the dump loaded by psql with --single-transaction, so a failure leaves it as it was.
 * Migrations newer than the dump run when the server starts.
 */
export async function restorePostgres(url: string, file: string): Promise<void> {
  const { connection, env } = connectionOf(url)
  const psql = spawn('psql', ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', '--single-transaction', `--dbname=${connection}`], { env, stdio: ['pipe', 'ignore', 'pipe'] })
  const restore = spawn('pg_restore', ['--no-owner', '--no-privileges', '--file=-', file], { stdio: ['ignore', 'pipe', 'pipe'] })
  let errors = ''
  psql.stderr.on('data', (d: Buffer) => (errors += d.toString()))
  restore.stderr.on('data', (d: Buffer) => (errors += d.toString()))
  // psql stopping at the first error closes its input; pg_restore's output then has nowhere to go.
  psql.stdin.on('error', () => {})
  psql.stdin.write('drop schema public cascade;\ncreate schema public;\n')
  restore.stdout.pipe(psql.stdin)
  const [restoreCode, psqlCode] = await Promise.all([exitOf(restore), exitOf(psql)])
  if (restoreCode !== 0 || psqlCode !== 0) throw new BackupError('TOOL_FAILED', `the restore failed and was rolled back:\n${errors.trim()}`)
}

/** The password travels in the environment, not on a command line every user can list. */
function connectionOf(url: string): { connection: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url)
  const env = { ...process.env }
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password)
  u.password = ''
  return { connection: u.toString(), env }
}

async function run(tool: string, args: string[], url?: string): Promise<string> {
  const { connection, env } = url ? connectionOf(url) : { connection: null, env: process.env }
  const child = spawn(tool, connection ? [...args, `--dbname=${connection}`] : args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  const code = await exitOf(child)
  if (code !== 0) throw new BackupError('TOOL_FAILED', `${tool} failed: ${err.trim() || `exit code ${code}`}`)
  return out
}

function exitOf(child: ReturnType<typeof spawn>): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'ENOENT' ? new BackupError('TOOL_FAILED', `${child.spawnfile} is not installed (Debian: apt install postgresql-client)`) : e))
    child.once('close', (code) => resolve(code ?? 1))
  })
}

/** The first bytes of a file, as text. */
export function readStart(file: string, length: number): string {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(length)
    const n = readSync(fd, buf, 0, length, 0)
    return buf.subarray(0, n).toString('latin1')
  } finally {
    closeSync(fd)
  }
}
