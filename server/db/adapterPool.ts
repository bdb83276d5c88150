import { EventEmitter } from 'node:events'
import type { Sql } from './types.js'

/**
 * The little of node-postgres' Pool that @socket.io/postgres-adapter calls, served by postgres.js
 * (the only SQL client here): `query(text, values)` for pg_notify, its attachment table and its
 * clean-up, and `connect()` for the one client it LISTENs on. The adapter never loads `pg` itself.
 */
export interface AdapterPool {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
  connect(): Promise<AdapterClient>
}

export interface AdapterClient extends EventEmitter {
  query(text: string): Promise<{ rows: never[] }>
  release(): void
}

export interface AdapterPoolOptions {
  /**
   * Sees each notification before the adapter does; returning false drops it. Only tests use
   * it, to lose a message between processes on purpose.
   */
  filter?: (channel: string, payload: string) => boolean
}

const LISTEN = /^LISTEN "((?:[^"]|"")+)"$/

/**
 * A pool for the adapter over postgres.js. Listening goes through `sql.listen`, which keeps its
 * own connection and listens again by itself after that connection is lost, so the client
 * handed out never ends (the adapter's own reconnection is not needed). Notifications lost
 * while it reconnects cost the pages a snapshot: events carry sequence numbers.
 */
export function adapterPool(sql: Sql, opts: AdapterPoolOptions = {}): AdapterPool {
  return {
    async query(text, values = []) {
      const rows = await sql.unsafe(text, values as never[], { prepare: false })
      return { rows: [...rows] as Record<string, unknown>[] }
    },
    async connect() {
      const client = new EventEmitter() as AdapterClient
      const unlistens: (() => Promise<void>)[] = []
      let released = false
      client.query = async (text: string) => {
        const m = LISTEN.exec(text.trim())
        if (!m) throw new Error(`the adapter's listening client runs only LISTEN, not: ${text}`)
        const channel = m[1]!.replaceAll('""', '"')
        const { unlisten } = await sql.listen(channel, (payload) => {
          if (released || (opts.filter && !opts.filter(channel, payload))) return
          client.emit('notification', { channel, payload })
        })
        if (released) await unlisten()
        else unlistens.push(unlisten)
        return { rows: [] }
      }
      client.release = () => {
        released = true
        for (const unlisten of unlistens.splice(0)) void unlisten().catch(() => {})
      }
      return client
    },
  }
}
