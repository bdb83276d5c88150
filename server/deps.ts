import type { Clock } from './clock.js'
import type { Sql } from './db/types.js'
import type { Log } from './log.js'
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
}
