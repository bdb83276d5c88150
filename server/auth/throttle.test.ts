import { performance } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/types.js'
import { PASSWORD, smallSchool, type SmallSchool } from '../test/fixtures.js'
import { testDatabase } from '../test/db.js'
import { Client, startTestServer, type TestServer } from '../test/server.js'
import { RateLimitedError, takeAttempt } from './rateLimit.js'
import { sourceKey } from './source.js'

// The limits as the security notes state them, written out here rather than read from THROTTLES.
const PER_ACCOUNT = 10
const PER_SOURCE = 30
const PAIRING_PER_SOURCE = 10
const RESET_PER_ACCOUNT = 10

let db: Database
/** Trusts no proxy: X-Forwarded-For is ignored, as by default. */
let direct: TestServer
/** Behind a reverse proxy on loopback: X-Forwarded-For names the client. */
let proxied: TestServer
let s: SmallSchool

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'thr')
  direct = await startTestServer(db)
  proxied = await startTestServer(db, undefined, {}, { trustProxy: ['loopback'] })
})
afterAll(async () => {
  await direct?.close()
  await proxied?.close()
  await db?.close()
})

async function globalAttempts(): Promise<number> {
  const [row] = await db.sql<{ attempts: number }[]>`select attempts from throttle where key = 'login:global'`
  return row?.attempts ?? 0
}

const login = (server: TestServer, loginId: string, password: string, headers: Record<string, string> = {}) =>
  new Client(server).request('POST', '/api/session', { loginId, password }, headers)

function tally(results: { status: number; body: any }[]) {
  const t: Record<string, number> = {}
  for (const r of results) {
    const code = r.status === 200 ? 'OK' : String(r.body?.error?.code)
    t[code] = (t[code] ?? 0) + 1
  }
  return t
}

describe('login throttles', () => {
  it('counts 60 parallel guesses before any password check: only the allowance is evaluated', async () => {
    const results = await Promise.all(Array.from({ length: 60 }, () => login(direct, s.login.teacher1, 'wrong password')))
    const t = tally(results)
    console.log('60 parallel guesses, one account:', t)
    expect(t).toEqual({ LOGIN_FAILED: PER_ACCOUNT, RATE_LIMITED: 60 - PER_ACCOUNT })
    const refused = results.find((r) => r.status === 429)!
    // The server's clock is 7:45 in Tokyo: the lock ends at most 15 minutes later.
    expect(refused.body.error.message).toMatch(/^試行回数が多すぎます。\d+分後\((7:[45]\d|8:00)\)にもう一度お試しください。$/)
  })

  it('says when to try again, and lets the account in after that', async () => {
    const res = await fetch(direct.url + '/api/session', {
      method: 'POST', headers: { origin: direct.url, 'content-type': 'application/json' }, body: JSON.stringify({ loginId: s.login.teacher1, password: PASSWORD }),
    })
    expect(res.status).toBe(429)
    const wait = Number(res.headers.get('retry-after'))
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(15 * 60)
    direct.clock.advance(wait * 1000)
    expect((await login(direct, s.login.teacher1, PASSWORD)).status).toBe(200)
  })

  it('ignores a client-supplied X-Forwarded-For unless the proxy is configured', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(direct, `nobody-${i}`, 'guess', { 'x-forwarded-for': `203.0.113.${i + 1}` })),
    )
    const t = tally(results)
    console.log('40 unknown ids, rotated X-Forwarded-For, no trusted proxy:', t)
    // One real source: its allowance less what the earlier tests on this server left counted.
    expect(t.LOGIN_FAILED ?? 0).toBeLessThanOrEqual(PER_SOURCE)
    expect(t.RATE_LIMITED).toBeGreaterThanOrEqual(40 - PER_SOURCE)
  }, 180_000)

  it('rotating addresses behind a trusted proxy does not lift the per-account limit', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(proxied, s.login.teacher2, 'guess', { 'x-forwarded-for': `198.51.100.${i + 1}` })),
    )
    const t = tally(results)
    console.log('40 guesses at one account from 40 addresses:', t)
    expect(t).toEqual({ LOGIN_FAILED: PER_ACCOUNT, RATE_LIMITED: 40 - PER_ACCOUNT })
  })

  it('spraying many accounts from one address stops at the per-source limit', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `spray-${i}`)
    const results = await Promise.all(ids.map((id) => login(proxied, id, 'Password1', { 'x-forwarded-for': '192.0.2.77' })))
    const t = tally(results)
    console.log('50 accounts sprayed from one address:', t)
    expect(t).toEqual({ LOGIN_FAILED: PER_SOURCE, RATE_LIMITED: 50 - PER_SOURCE })
  })

  it('a browser that logged in before gets through a lock others caused', async () => {
    const own = new Client(proxied)
    const first = await own.request('POST', '/api/session', { loginId: s.login.vp, password: PASSWORD }, { 'x-forwarded-for': '192.0.2.10' })
    expect(first.status).toBe(200)
    expect(own.cookie).toContain('asg_known=')
    for (let i = 0; i < PER_ACCOUNT + 2; i++) await login(proxied, s.login.vp, 'guess', { 'x-forwarded-for': `192.0.2.${100 + i}` })
    expect((await login(proxied, s.login.vp, PASSWORD, { 'x-forwarded-for': '192.0.2.99' })).body.error.code).toBe('RATE_LIMITED')
    const again = await own.request('POST', '/api/session', { loginId: s.login.vp, password: PASSWORD }, { 'x-forwarded-for': '192.0.2.11' })
    expect(again.status).toBe(200)
  })

  it('a flood of unknown ids from many addresses does not starve a real login', async () => {
    const globalBefore = await globalAttempts()
    const flood = Promise.all(
      Array.from({ length: 200 }, (_, i) => login(proxied, `ghost-${i}`, 'guess', { 'x-forwarded-for': `10.${i >> 8}.${i & 255}.9` })),
    )
    const started = performance.now()
    const real = await login(proxied, s.login.suzuki, PASSWORD, { 'x-forwarded-for': '192.0.2.200' })
    const took = performance.now() - started
    const t = tally(await flood)
    console.log(`200 unknown ids in parallel: ${JSON.stringify(t)}; a real login meanwhile took ${Math.round(took)} ms`)
    expect(real.status).toBe(200)
    expect(Object.keys(t).sort()).toEqual(['LOGIN_FAILED'])
    // Made-up ids never count towards the server-wide limit; the one real login gave its attempt back.
    expect(await globalAttempts()).toBe(globalBefore)
  })
})

describe('counting', () => {
  it('counts parallel attempts atomically, and a window starts again when it has passed', async () => {
    const limit = { max: 7, windowMs: 60_000 }
    const t0 = Date.parse('2026-12-01T00:00:00Z')
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () => takeAttempt(db.sql, [['test:atomic', limit]], t0).then(() => 'taken', (e: unknown) => (e instanceof RateLimitedError ? `wait ${e.retryAfterSeconds}` : 'error'))),
    )
    expect(outcomes.filter((o) => o === 'taken')).toHaveLength(7)
    expect(outcomes.filter((o) => o === 'wait 60')).toHaveLength(43)
    await expect(takeAttempt(db.sql, [['test:atomic', limit]], t0 + 45_000)).rejects.toMatchObject({ retryAfterSeconds: 15 })
    await expect(takeAttempt(db.sql, [['test:atomic', limit]], t0 + 60_000)).resolves.toBeUndefined()
  })

  it('one key over its limit refuses the attempt, and every key is counted', async () => {
    const t0 = Date.parse('2026-12-01T00:00:00Z')
    const small = { max: 1, windowMs: 60_000 }
    const large = { max: 100, windowMs: 60_000 }
    await takeAttempt(db.sql, [['test:small', small], ['test:large', large]], t0)
    await expect(takeAttempt(db.sql, [['test:small', small], ['test:large', large]], t0)).rejects.toBeInstanceOf(RateLimitedError)
    const rows = await db.sql<{ key: string; attempts: number }[]>`select key, attempts from throttle where key like 'test:%l%' order by key`
    expect(rows).toEqual([{ key: 'test:large', attempts: 2 }, { key: 'test:small', attempts: 2 }])
  })
})

describe('code throttles', () => {
  it('pairing codes are limited per source', async () => {
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) => new Client(proxied).request('POST', '/api/board/pair', { code: `ZZZZ-ZZZZ-ZZ${i}A` }, { 'x-forwarded-for': '192.0.2.50' })),
    )
    expect(tally(results)).toEqual({ PAIRING_INVALID: PAIRING_PER_SOURCE, RATE_LIMITED: 15 - PAIRING_PER_SOURCE })
  })

  it('reset codes are counted before the new password is hashed', async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        new Client(proxied).request('POST', '/api/account/reset', { loginId: s.login.tanaka, code: `ZZZZ-ZZZZ-ZZ${i}B`, password: 'a new password 1' }, { 'x-forwarded-for': `192.0.2.${150 + i}` })),
    )
    expect(tally(results)).toEqual({ RESET_CODE_INVALID: RESET_PER_ACCOUNT, RATE_LIMITED: 25 - RESET_PER_ACCOUNT })
  })
})

describe('source keys', () => {
  it('keys IPv4 by address and IPv6 by /64', () => {
    expect(sourceKey('203.0.113.5')).toBe('203.0.113.5')
    expect(sourceKey('::ffff:203.0.113.5')).toBe('203.0.113.5')
    expect(sourceKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64')
    expect(sourceKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64')
    expect(sourceKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(sourceKey(undefined)).toBe('unknown')
  })
})
