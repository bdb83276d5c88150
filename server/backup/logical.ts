import { gunzipSync, gzipSync } from 'node:zlib'
import { listMigrations, migrateIn } from '../db/migrate.js'
import type { Q, Sql } from '../db/types.js'
import { BackupError } from './errors.js'

/**
 * The embedded database's backup: every table's rows as JSON, read in one repeatable-read
 * transaction through the server's own connection, gzipped. It is plain SQL on both ends, so it
 * does not depend on PGlite's on-disk format and restores into PostgreSQL as well (the way from
 * the trial to a real server). gzip's checksum and length trailer and the closing line catch a
 * truncated or damaged file before anything is changed.
 */
export const LOGICAL_FORMAT = 'asagao-logical-1'

interface Header {
  format: typeof LOGICAL_FORMAT
  schemaVersion: number
  createdAt: string
}
interface TableRows {
  table: string
  columns: string[]
  /** The rows as PostgreSQL wrote them (jsonb: one line), kept as text so no value is reinterpreted. */
  rows: string
}
interface SequenceValue {
  name: string
  value: string
  isCalled: boolean
}
export interface LogicalDump {
  header: Header
  tables: TableRows[]
  sequences: SequenceValue[]
}

/** Reads every table (parents before children) and sequence in one consistent snapshot. */
export async function dumpLogical(sql: Sql, now: Date): Promise<Buffer> {
  const lines = await sql.begin('isolation level repeatable read read only', async (tx) => {
    const [{ version }] = await tx<[{ version: number }]>`select max(version)::int as version from schema_migration`
    const header: Header = { format: LOGICAL_FORMAT, schemaVersion: version, createdAt: now.toISOString() }
    const out = [JSON.stringify(header)]
    for (const { table, columns } of await tablesInLoadOrder(tx)) {
      const [{ rows }] = await tx<[{ rows: string }]>`
        select coalesce(jsonb_agg(t), '[]')::text as rows from (select ${tx(columns)} from ${tx(table)}) t`
      // Built by hand so the rows are embedded as they came, not parsed and re-serialised. jsonb's
      // text has no line breaks (json_agg's has), so each table stays on its own line.
      out.push(`{"table":${JSON.stringify(table)},"columns":${JSON.stringify(columns)},"rows":${rows}}`)
    }
    const sequences: SequenceValue[] = []
    for (const { name } of await tx<{ name: string }[]>`
      select relname as name from pg_class where relkind = 'S' and relnamespace = 'public'::regnamespace order by relname`) {
      const [s] = (await tx.unsafe(`select last_value::text as value, is_called from ${quoteIdent(name)}`)) as unknown as [{ value: string; isCalled: boolean }]
      sequences.push({ name, value: s.value, isCalled: s.isCalled })
    }
    out.push(JSON.stringify({ sequences }), JSON.stringify({ end: true, tables: out.length - 1 }))
    return out
  })
  return gzipSync(lines.join('\n') + '\n')
}

/** Parses and checks a whole dump; throws BackupError (and changes nothing) when it is not sound. */
export function readLogical(file: Buffer, knownVersion = latestSchemaVersion()): LogicalDump {
  let text: string
  try {
    text = gunzipSync(file).toString('utf8')
  } catch {
    throw new BackupError('TRUNCATED', 'the file is truncated or damaged (its gzip data does not check out)')
  }
  const lines = text.split('\n').filter((l) => l.length > 0)
  let parsed: unknown[]
  try {
    parsed = lines.map((l) => JSON.parse(l) as unknown)
  } catch {
    throw new BackupError('TRUNCATED', 'the file is damaged (a line is not valid JSON)')
  }
  const header = parsed[0] as Header | undefined
  if (header?.format !== LOGICAL_FORMAT) throw new BackupError('UNKNOWN_FORMAT', 'this is not an Asagao backup')
  const end = parsed.at(-1) as { end?: boolean; tables?: number }
  const tables = parsed.slice(1, -2) as TableRows[]
  if (end?.end !== true || end.tables !== tables.length) throw new BackupError('TRUNCATED', 'the file is truncated (its closing line is missing)')
  checkSchemaVersion(header.schemaVersion, knownVersion)
  const { sequences } = parsed.at(-2) as { sequences: SequenceValue[] }
  return { header, tables, sequences }
}

/**
 * Replaces the whole database with the dump, in one transaction: the schema as it was when the
 * dump was taken (migrations up to its version), its rows and sequence values, then the
 * migrations that came since. Any failure rolls everything back.
 */
export async function restoreLogical(sql: Sql, dump: LogicalDump): Promise<void> {
  const migrations = listMigrations()
  await sql.begin(async (tx) => {
    await tx.unsafe('drop schema public cascade; create schema public')
    await migrateIn(tx, migrations.filter((m) => m.version <= dump.header.schemaVersion))
    // Migrations may have written rows of their own; the dump has the real ones. Cascade: the
    // derived tables, not in the dump, reference the tables they are derived from.
    const tables = dump.tables.map((t) => t.table)
    if (tables.length > 0) await tx`truncate ${tx(tables)} cascade`
    for (const { table, columns, rows } of dump.tables) {
      await tx`insert into ${tx(table)} (${tx(columns)}) overriding system value
        select ${tx(columns)} from json_populate_recordset(null::${tx(table)}, ${rows}::json)`
    }
    for (const s of dump.sequences) await tx`select setval(${quoteIdent(s.name)}::regclass, ${s.value}::bigint, ${s.isCalled})`
    await migrateIn(tx, migrations)
  })
}

/** The newest schema this code knows: a backup from a newer one cannot be restored by it. */
export function latestSchemaVersion(): number {
  return listMigrations().at(-1)?.version ?? 0
}

/** Refuses a backup whose schema this code does not know yet. */
export function checkSchemaVersion(version: number, knownVersion: number): void {
  if (!Number.isInteger(version) || version < 1) throw new BackupError('UNKNOWN_FORMAT', 'the file has no schema version')
  if (version > knownVersion) {
    throw new BackupError('NEWER_SCHEMA', `the backup comes from a newer Asagao (schema version ${version}; this one knows up to ${knownVersion}). Install that version or newer, then restore`)
  }
}

/**
 * Tables the database keeps itself from others (by trigger): not dumped, since restoring the rows
 * they are derived from rebuilds them, and a dumped copy would collide with the rebuilt one.
 */
const DERIVED_TABLES = ['attendance_mark']

/** Tables of the public schema with their stored columns, every table after those it references. */
async function tablesInLoadOrder(tx: Q): Promise<{ table: string; columns: string[] }[]> {
  const tables = await tx<{ table: string; columns: string[] }[]>`
    select c.relname as table,
      array(select a.attname::text from pg_attribute a
        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
        order by a.attnum) as columns
    from pg_class c
    where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace and c.relname <> 'schema_migration'
      and c.relname <> all(${DERIVED_TABLES})
    order by c.relname`
  const references = await tx<{ child: string; parent: string }[]>`
    select ch.relname as child, pa.relname as parent
    from pg_constraint k join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
    where k.contype = 'f' and k.connamespace = 'public'::regnamespace and k.conrelid <> k.confrelid`
  const ordered: { table: string; columns: string[] }[] = []
  const placed = new Set<string>()
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t.table) && references.every((r) => r.child !== t.table || placed.has(r.parent)))
    if (ready.length === 0) throw new Error('foreign keys between tables form a cycle: no load order')
    for (const t of ready) {
      ordered.push(t)
      placed.add(t.table)
    }
  }
  return ordered
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
