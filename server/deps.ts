import type { Clock } from './clock.js'
import type { Sql } from './db/types.js'
import type { Log } from './log.js'
import type { Metrics } from './ops/metrics.js'
import type { Publish } from './realtime/changes.js'

/** What request handlers and services are built from; only main.ts holds the real ones. */
export interface Deps {
  sql: Sql
  dbMode: 'embedded' | 'postgres'
  clock: Clock
  log: Log
  publish: Publish
  buildId: string
  version: string
  /** The data folder whose free space and writability readiness reports; absent in tests. */
  dataDir?: string
  /**
   * How notices are e-mailed: 'smtp' (a server is configured), 'capture' (kept for
   * the administrator to read: the embedded demo), or 'off'. Absent: capture when embedded.
   */
  mail?: { mode: 'smtp' | 'capture' | 'off'; publicUrl: string | null }
  /** Web Push: hosts accepted as push endpoints besides the known push services (tests' own endpoint). */
  push?: { extraHosts: readonly string[] }
  /** What /metrics reports; the app makes one when not given. */
  metrics?: Metrics
}
