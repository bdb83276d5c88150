import { io as ioClient, type Socket } from 'socket.io-client'
import { z } from 'zod'
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol/index.js'
import { PageSession } from './http.js'

export type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** The one field of CreateBoardDeviceResponse the bench needs. */
const Created = z.object({ pairingCode: z.string() })

/** Opens a Socket.IO connection the way the board page does: its device cookie, our origin. */
export async function connectSocket<S extends Socket>(url: string, opts: { cookie?: string; auth?: Record<string, unknown> } = {}): Promise<S> {
  const socket = ioClient(url, {
    // The board page starts on WebSocket too; polling is only its fallback.
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { origin: url, ...(opts.cookie ? { cookie: opts.cookie } : {}) },
    ...(opts.auth ? { auth: opts.auth } : {}),
  }) as S
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', (err: Error) => reject(err))
  })
  return socket
}

/**
 * Pairs `count` board displays through the real API (an administrator creates a device, the
 * display redeems its one-time code and gets its device cookie) and connects each one.
 * One device per display, as in a school with several staff rooms.
 */
export async function connectBoards(baseUrl: string, admin: PageSession, count: number, buildId: string): Promise<BoardSocket[]> {
  const sockets: BoardSocket[] = []
  for (let i = 0; i < count; i++) {
    const created = Created.parse(await admin.postOk('/api/admin/board-devices', { name: `職員室 ${i + 1}` }, 201))
    const display = new PageSession(baseUrl)
    await display.postOk('/api/board/pair', { code: created.pairingCode })
    sockets.push(await connectSocket<BoardSocket>(baseUrl, { cookie: display.cookieHeader, auth: { protocol: PROTOCOL_VERSION, buildId, client: 'board' } }))
  }
  return sockets
}

export function closeSockets(sockets: readonly Socket[]): void {
  for (const s of sockets) {
    s.removeAllListeners()
    s.disconnect()
  }
}
