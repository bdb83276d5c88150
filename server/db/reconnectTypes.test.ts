import { createServer, connect, type Server, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postgresBin, startOwnPostgres, type OwnPostgres } from '../test/ownPostgres.js'
import { connectPostgres } from './connect.js'
import type { Database } from './types.js'

/**
 * A TCP proxy in front of the database that can drop every open connection (as a PostgreSQL
 * restart does) and, once armed, drops a connection the moment it asks for the array types:
 * the window in which postgres.js loses a rejection nobody can catch.
 */
function dropProxy(target: { host: string; port: number }) {
  const open = new Set<Socket>()
  let armed = false
  let dropped = 0
  const server: Server = createServer((client) => {
    const upstream = connect(target)
    open.add(client).add(upstream)
    const close = () => {
      client.destroy()
      upstream.destroy()
      open.delete(client)
      open.delete(upstream)
    }
    client.on('data', (d: Buffer) => {
      if (armed && d.includes('pg_catalog.pg_type')) {
        dropped++
        return close()
      }
      upstream.write(d)
    })
    upstream.on('data', (d: Buffer) => client.write(d))
    client.on('close', close).on('error', close)
    upstream.on('close', close).on('error', close)
  })
  return {
    server,
    arm: () => (armed = true),
    dropped: () => dropped,
    dropAll: () => {
      for (const s of open) s.destroy()
      open.clear()
    },
  }
}

// A real PostgreSQL: the test run's, or one of its own (PGlite's socket server holds a dropped
// connection's place for a minute, which is not what a restarted PostgreSQL does).
const bin = postgresBin()
const available = !!process.env.DATABASE_URL || !!bin
let own: OwnPostgres | undefined
let target: { host: string; port: number; database: string }
let proxy: ReturnType<typeof dropProxy>
let db: Database
const rejections: unknown[] = []
const onRejection = (r: unknown) => rejections.push(r)

beforeAll(async () => {
  if (!available) return
  const u = new URL(process.env.DATABASE_URL ?? (own = await startOwnPostgres(bin!)).url)
  target = { host: u.hostname, port: Number(u.port || 5432), database: u.pathname.slice(1) || 'postgres' }
  proxy = dropProxy(target)
  await new Promise<void>((r) => proxy.server.listen(0, '127.0.0.1', r))
  const port = (proxy.server.address() as { port: number }).port
  db = await connectPostgres(`postgres://${u.username || 'postgres'}@127.0.0.1:${port}/${target.database}`, 1)
  process.on('unhandledRejection', onRejection)
})
afterAll(async () => {
  process.off('unhandledRejection', onRejection)
  await db?.close().catch(() => {})
  proxy?.dropAll()
  proxy?.server.close()
  own?.destroy()
})

describe.skipIf(!available)('a connection lost while it starts', () => {
  it('leaves no unhandled rejection, and the next query goes through with array types intact', async () => {
    const before = await db.sql<{ a: string[] }[]>`select array['一', '二']::text[] as a`
    expect(before[0]!.a).toEqual(['一', '二'])

    // The database restarts: every connection drops; the next query opens a new one.
    proxy.arm()
    proxy.dropAll()
    for (let i = 0; i < 3; i++) {
      const rows = await db.sql<{ a: string[] }[]>`select array['三', ${String(i)}]::text[] as a`.catch((err: Error) => err)
      if (!(rows instanceof Error)) {
        expect(rows[0]!.a).toEqual(['三', String(i)])
        break
      }
    }
    // An unhandled rejection surfaces on a later turn of the event loop.
    await new Promise((r) => setTimeout(r, 200))
    expect(rejections).toEqual([])
    // The new connection never asked for the types, so nothing needed dropping.
    expect(proxy.dropped()).toBe(0)
  })
})
