import type { ManagerOptions, SocketOptions } from 'socket.io-client'

/**
 * How every page's socket connects and reconnects: WebSocket first, and after a drop, retries
 * for ever, spread out and slowing to one every 30 s, so a staff room of pages coming back
 * after an outage does not arrive at once. Kept apart from the socket client itself so a page
 * can load that lazily.
 */
export const SOCKET_OPTIONS = {
  transports: ['websocket', 'polling'],
  reconnection: true,
  reconnectionAttempts: Infinity,
  reconnectionDelay: 1000,
  reconnectionDelayMax: 30_000,
  randomizationFactor: 0.5,
} as const satisfies Partial<ManagerOptions & SocketOptions>
