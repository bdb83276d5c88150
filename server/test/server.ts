import type { AddressInfo } from 'node:net'
import { io as ioClient, type Socket } from 'socket.io-client'
import { PROTOCOL_VERSION, type ClientToServerEvents, type DayChanged, type ServerToClientEvents } from '../../shared/protocol/index.js'
import { createApp, type App, type AppOptions } from '../app.js'
import { ManualClock } from '../clock.js'
import type { Database } from '../db/types.js'
import type { Deps } from '../deps.js'
import type { Log } from '../log.js'

/** Tests stay quiet, except for errors the server hides from clients. */
const errorsOnly: Log = { info() {}, warn() {}, error: (msg, fields) => console.error(msg, fields) }
import { PASSWORD } from './fixtures.js'

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>

export interface TestServer extends App {
  url: string
  clock: ManualClock
  close(): Promise<void>
}

/** Starts the real app on a free port, with a clock the test controls. */
export async function startTestServer(
  db: Database,
  now = '2026-11-30T07:45:00+09:00',
  extra: Partial<Omit<Deps, 'publish'>> = {},
  options: Partial<AppOptions> = {},
): Promise<TestServer> {
  const clock = new ManualClock(Date.parse(now))
  const app = createApp(
    { sql: db.sql, dbMode: db.mode, clock, log: errorsOnly, buildId: 'test-build', version: 'test', ...extra },
    { allowedOrigins: [], secureCookies: false, checkResponses: true, ...options },
  )
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`
  return {
    ...app,
    url,
    clock,
    async close() {
      app.io.disconnectSockets(true)
      await new Promise<void>((resolve) => app.io.close(() => resolve()))
    },
  }
}

/** A logged-in HTTP client that behaves like one of our pages (same-origin, cookie). */
export class Client {
  cookie = ''
  constructor(readonly server: { url: string }) {}

  async login(loginId: string, password = PASSWORD): Promise<this> {
    const res = await this.post('/api/session', { loginId, password })
    if (res.status !== 200) throw new Error(`login failed for ${loginId}: ${res.status} ${JSON.stringify(res.body)}`)
    return this
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
    const res = await fetch(this.server.url + path, {
      method,
      headers: { origin: this.server.url, 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';')
      const [name] = pair!.split('=')
      this.cookie = [...this.cookie.split('; ').filter((p) => p && !p.startsWith(name + '=')), pair].join('; ')
    }
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }

  get(path: string) {
    return this.request('GET', path)
  }
  post(path: string, body?: unknown) {
    return this.request('POST', path, body ?? {})
  }

  /** Opens a socket with this client's cookie, as a page would. */
  async socket(client: 'board' | 'person' = 'person', overrides: { origin?: string; protocol?: number } = {}): Promise<TestSocket> {
    const socket: TestSocket = ioClient(this.server.url, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { origin: overrides.origin ?? this.server.url, cookie: this.cookie },
      auth: { protocol: overrides.protocol ?? PROTOCOL_VERSION, buildId: 'test-build', client },
    })
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve())
      socket.once('connect_error', (err) => reject(err))
    })
    return socket
  }
}

/** Resolves with the next event of that name, or rejects after `ms`. */
export function nextEvent<K extends keyof ServerToClientEvents>(socket: TestSocket, name: K, ms = 15_000): Promise<Parameters<ServerToClientEvents[K]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(name)} within ${ms} ms`)), ms)
    socket.once(name as never, ((payload: never) => {
      clearTimeout(timer)
      resolve(payload)
    }) as never)
  })
}

/** The next day:changed event that matches (earlier marks may still be in flight). */
export function eventWhere(socket: TestSocket, match: (e: DayChanged) => boolean, ms = 15_000): Promise<DayChanged> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching day:changed')), ms)
    const on = (e: DayChanged) => {
      if (!match(e)) return
      clearTimeout(timer)
      socket.off('day:changed', on)
      resolve(e)
    }
    socket.on('day:changed', on)
  })
}
