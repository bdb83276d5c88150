import { afterEach, describe, expect, it, vi } from 'vitest'
import { signOut } from './session.js'

function answer(fetch: () => Promise<Response>) {
  vi.stubGlobal('fetch', vi.fn(fetch))
}

describe('signOut', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('ends the session on the server, then closes the socket and lets the page forget', async () => {
    const order: string[] = []
    answer(async () => {
      order.push('request')
      return Response.json({ ok: true })
    })
    await signOut({ stop: () => order.push('stop') }, () => order.push('forget'))
    expect(order).toEqual(['request', 'stop', 'forget'])
    expect(vi.mocked(fetch).mock.calls[0]![1]!.method).toBe('DELETE')
  })

  it('forgets even when the request fails, unless the page reports failures', async () => {
    answer(() => Promise.reject(new TypeError('offline')))
    const stop = vi.fn()
    const forget = vi.fn()
    await signOut({ stop }, forget)
    expect(stop).toHaveBeenCalledOnce()
    expect(forget).toHaveBeenCalledOnce()

    const failed = vi.fn()
    await signOut({ stop }, forget, failed)
    expect(failed).toHaveBeenCalledOnce()
    expect(stop).toHaveBeenCalledOnce()
    expect(forget).toHaveBeenCalledOnce()
  })

  it('works for a page without a socket', async () => {
    answer(async () => Response.json({ ok: true }))
    const forget = vi.fn()
    await signOut(null, forget)
    expect(forget).toHaveBeenCalledOnce()
  })
})
