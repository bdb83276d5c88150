import type { Sql } from '../db/types.js'

/** A checksum of every row of every table, by table: compare two to prove nothing was written. */
export async function tableChecksums(q: Sql): Promise<Record<string, string>> {
  const tables = await q<{ name: string }[]>`
    select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`
  const rows = await q.unsafe<{ name: string; sum: string }[]>(
    tables.map((t) => `select '${t.name}' as name, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as sum from "${t.name}" x`).join(' union all '),
  )
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]))
}

/** The tables whose checksums differ. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>): string[] =>
  Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t])
