import type postgres from 'postgres'

/** The pool: begins transactions. Only services that own a transaction hold it. */
export type Sql = postgres.Sql<{}>
/** A transaction. */
export type Tx = postgres.TransactionSql<{}>
/** What data functions take: the pool or a transaction, whichever the caller holds. */
export type Q = postgres.ISql<{}>

export interface Database {
  sql: Sql
  mode: 'embedded' | 'postgres'
  close(): Promise<void>
}
