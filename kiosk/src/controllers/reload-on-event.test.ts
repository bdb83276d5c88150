import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AppSocket } from './day-controller.js'
import { ReloadOnEvent, type ReloadEvent } from './reload-on-event.js'

/** The part of a Socket.IO client socket the controller uses; the test plays the server. */
class FakeSocket {
  disconnected = false
  private handlers = new Map<string, ((...args: unknown[]) => void)[]>()
  on(name: string, fn: (...args: unknown[]) => void): this {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), fn])
    return this
  }
  removeAllListeners(): this {
    this.handlers.clear()
    return this
  }
  connect(): this {
    return this
  }
  disconnect(): this {
    this.disconnected = true
    return this
  }
  fire(name: string, ...args: unknown[]): void {
    for (const fn of this.handlers.get(name) ?? []) fn(...args)
  }
}

const host = { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) }

let socket: FakeSocket
let reload: ReturnType<typeof vi.fn<() => void>>
let onEnded: ReturnType<typeof vi.fn<() => void>>
let controller: ReloadOnEvent

async function start(events: readonly ReloadEvent[]) {
  controller = new ReloadOnEvent(host, { events, reload, onEnded, delayMs: 100, connect: () => socket as unknown as AppSocket })
  controller.hostConnected()
  await vi.advanceTimersByTimeAsync(0)
  socket.fire('connect')
}

beforeEach(() => {
  vi.useFakeTimers()
  socket = new FakeSocket()
  reload = vi.fn<() => void>()
  onEnded = vi.fn<() => void>()
})
afterEach(() => {
  controller.hostDisconnected()
  vi.useRealTimers()
})

describe('ReloadOnEvent', () => {
  it('reloads once for events arriving together, and only for the events it was given', async () => {
    await start(['family:changed', 'family:school'])
    expect(controller.live).toBe(true)
    socket.fire('family:changed', {})
    socket.fire('family:school', {})
    socket.fire('family:changed', {})
    await vi.advanceTimersByTimeAsync(100)
    expect(reload).toHaveBeenCalledTimes(1)
    socket.fire('city:changed', {})
    await vi.advanceTimersByTimeAsync(1000)
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it("serves a city page the same way with city:changed, deaf to a family's events", async () => {
    await start(['city:changed'])
    socket.fire('family:changed', {})
    await vi.advanceTimersByTimeAsync(1000)
    expect(reload).not.toHaveBeenCalled()
    socket.fire('city:changed', {})
    await vi.advanceTimersByTimeAsync(100)
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('reloads after a reconnect and a change of rights, not at the first connect', async () => {
    await start(['family:changed'])
    await vi.advanceTimersByTimeAsync(1000)
    expect(reload).not.toHaveBeenCalled()
    socket.fire('disconnect', 'transport close')
    expect(controller.live).toBe(false)
    socket.fire('connect')
    await vi.advanceTimersByTimeAsync(100)
    expect(reload).toHaveBeenCalledTimes(1)
    socket.fire('access:changed', {})
    await vi.advanceTimersByTimeAsync(100)
    expect(reload).toHaveBeenCalledTimes(2)
  })

  it('ends for good when the session ends: the socket closes and events no longer reload', async () => {
    await start(['family:changed'])
    socket.fire('session:ended', { code: 'UNAUTHENTICATED' })
    expect(onEnded).toHaveBeenCalledTimes(1)
    expect(socket.disconnected).toBe(true)
    socket.fire('family:changed', {})
    await vi.advanceTimersByTimeAsync(1000)
    expect(reload).not.toHaveBeenCalled()
  })
})
