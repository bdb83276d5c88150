import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { Server } from 'socket.io'
import type { Socket } from 'socket.io-client'
import type { DayChanged } from '../../shared/protocol/index.js'
import type { Sql } from '../db/types.js'
import { Arrivals } from './arrivals.js'
import { closeSockets, connectSocket } from './boards.js'

interface BareEvents {
  'bench:event': (msg: { key: string; body: DayChanged }) => void
}
type BareSocket = Socket<BareEvents, Record<string, never>>

/** Times of one baseline operation, in ms. */
export interface BaselineTiming {
  /** One `insert … values (…)` in its own transaction, through the app's pool. */
  insert: number
  /** io.emit → the first plain client has it. */
  broadcastFirst: number
  /** io.emit → every plain client has it. */
  broadcastLast: number
  /** Insert start → every client has it: the floor under report → last board. */
  sum: number
}

export interface Baseline {
  op(i: number): Promise<BaselineTiming>
  close(): Promise<void>
}

/**
 * The least any report → board path could cost on this machine and database: one single-row
 * INSERT followed by one Socket.IO broadcast of the same payload to as many clients, with no
 * HTTP, no auth, no validation and no read-back. It runs in the same process and on the same
 * database (through the app's own postgres.js pool), so the ratio to it is the app's overhead.
 */
export async function startBaseline(sql: Sql, opts: { clients: number; payload: DayChanged }): Promise<Baseline> {
  // A row shaped like one attendance_log mark, with a bigserial key and now() as the real tables have.
  await sql`create table bench_t (
    id bigserial primary key, school_id integer not null, pupil_id integer not null, date date not null,
    note text not null, recorded_at timestamptz not null default now())`

  const httpServer = createServer()
  const io = new Server<Record<string, never>, BareEvents>(httpServer, { serveClient: false })
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`
  const clients: BareSocket[] = []
  const close = async () => {
    closeSockets(clients)
    io.disconnectSockets(true)
    httpServer.closeAllConnections()
    await new Promise<void>((resolve) => io.close(() => resolve()))
    await sql`drop table if exists bench_t`
  }
  try {
    for (let i = 0; i < opts.clients; i++) clients.push(await connectSocket<BareSocket>(url))
  } catch (err) {
    await close()
    throw err
  }
  const arrivals = new Arrivals(clients.length)
  clients.forEach((socket, i) =>
    socket.on('bench:event', (msg) => {
      const at = performance.now()
      arrivals.received(i, [msg.key], at)
    }),
  )

  return {
    async op(i) {
      const key = `op-${i}`
      const t0 = performance.now()
      await sql`insert into bench_t (school_id, pupil_id, date, note) values (${1}, ${i}, ${'2026-12-01'}, ${'発熱'})`
      const t1 = performance.now()
      const arrival = arrivals.expect(key)
      io.emit('bench:event', { key, body: opts.payload })
      const { first, last } = await arrival
      return { insert: t1 - t0, broadcastFirst: first - t1, broadcastLast: last - t1, sum: last - t0 }
    },
    close,
  }
}
