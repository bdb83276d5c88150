import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { runChange } from '../realtime/change.js'
import type { Database } from '../db/types.js'
import { silentLog } from '../log.js'
import { testDatabase } from '../test/db.js'
import { smallSchool, type SmallSchool } from '../test/fixtures.js'
import { startPushService, type TestBrowser, type TestPushService } from '../test/pushService.js'
import { Client, startTestServer, type TestServer } from '../test/server.js'
import { deliverPushes, PUSH_DELIVERY, webPushSender, type PushSender } from './deliver.js'
import { queuePush } from './queue.js'
import { vapidKeys } from './vapid.js'

/**
 * Web Push end to end without the internet: guardians subscribe through the API with keys a
 * simulated browser holds; the server encrypts and signs; a push service on this machine
 * (HTTPS, its own certificate) decrypts with the browser's private key and checks the VAPID
 * signature, so the test reads what the phone would show.
 */

let db: Database
let server: TestServer
let push: TestPushService
let s: SmallSchool
let sender: PushSender
const SUBJECT = 'mailto:office@himawari.example.jp'

beforeAll(async () => {
  db = await testDatabase()
  s = await smallSchool(db.sql, 'push')
  push = await startPushService()
  server = await startTestServer(db, '2026-11-30T07:45:00+09:00', { push: { extraHosts: [push.host] } })
  sender = webPushSender(await vapidKeys(db.sql, server.clock), SUBJECT, push.agent)
})
afterAll(async () => {
  await server?.close()
  await push?.close()
  await db?.close()
})
beforeEach(async () => {
  await db.sql`delete from push_subscription`
})

const deliver = () => deliverPushes(db.sql, server.clock, sender, silentLog)
const nowIso = () => new Date(server.clock.now()).toISOString()

async function subscribed(login: string): Promise<{ client: Client; browser: TestBrowser; id: number }> {
  const client = await new Client(server).login(login)
  const browser = push.browser()
  const res = await client.request('POST', '/api/guardian/push/devices', browser.subscription, { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile/15E148 Safari/604.1' })
  expect(res.status).toBe(200)
  return { client, browser, id: res.body.id }
}

/** A push queued as another module does it: inside its change, committed with it. */
const queueToPupils = (pupilIds: number[], opts: { ttlSeconds?: number } = {}) =>
  runChange({ sql: db.sql, publish: server.publish }, s.schoolId, async (tx, change) => {
    const r = await queuePush(tx, { pupilIds }, (lang) => lang === 'en'
      ? { title: 'Safety check from the school', body: 'Please answer on the page.', url: '/guardian/#safety/7', tag: 'safety-7' }
      : { title: '学校から安否確認が届きました', body: 'ページを開いて回答してください。', url: '/guardian/#safety/7', tag: 'safety-7' },
    { schoolId: s.schoolId, kind: 'safety', now: nowIso(), urgency: 'high', ...opts })
    change.school('settings')
    return r
  })

describe('Web Push', () => {
  it('delivers an encrypted push, in the guardian\'s language, signed with the key the page subscribed with', async () => {
    const suzuki = await subscribed(s.login.suzuki)
    const tanaka = await subscribed(s.login.tanaka)
    await tanaka.client.request('PUT', '/api/guardian/settings/language', { language: 'en' })
    const key = (await suzuki.client.get('/api/guardian/push/key')).body.publicKey as string

    // Siblings: Suzuki's two children reach the one device once.
    expect(await queueToPupils([s.pupils.taro, s.pupils.jiro, s.pupils.hanako])).toEqual({ devices: 2, guardians: 2 })
    expect(suzuki.browser.received).toHaveLength(0) // queued, not sent in the request
    expect(await deliver()).toMatchObject({ sent: 2, failed: 0, gone: 0 })

    expect(suzuki.browser.received).toHaveLength(1)
    const [ja] = suzuki.browser.received
    expect(JSON.parse(ja!.text)).toEqual({ title: '学校から安否確認が届きました', body: 'ページを開いて回答してください。', url: '/guardian/#safety/7', tag: 'safety-7', lang: 'ja' })
    expect(JSON.parse(tanaka.browser.received[0]!.text)).toMatchObject({ title: 'Safety check from the school', lang: 'en' })
    expect(ja!.headers['content-encoding']).toBe('aes128gcm')
    expect(ja!.headers.urgency).toBe('high')
    expect(Number(ja!.headers.ttl)).toBe(24 * 3600)
    expect(ja!.vapid.publicKey).toBe(key)
    expect(ja!.vapid.claims.sub).toBe(SUBJECT)
    expect(ja!.vapid.claims.aud).toBe(push.url)
    // web-push signs with the real time, not the test's clock: valid now and for at most a day.
    const realNow = Date.now() / 1000
    expect(ja!.vapid.claims.exp).toBeGreaterThan(realNow)
    expect(ja!.vapid.claims.exp).toBeLessThanOrEqual(realNow + 24 * 3600)

    const devices = (await suzuki.client.get('/api/guardian/push/devices')).body.devices
    expect(devices).toEqual([{ id: suzuki.id, userAgent: expect.stringContaining('iPhone'), createdAt: expect.any(String), lastSuccessAt: nowIso() }])
    // Sent once: a second run finds nothing due.
    expect(await deliver()).toMatchObject({ sent: 0 })
    expect(suzuki.browser.received).toHaveLength(1)
  })

  it('removes a subscription the push service says is gone (410, 404), and its queue with it', async () => {
    const gone = await subscribed(s.login.suzuki)
    const live = await subscribed(s.login.tanaka)
    gone.browser.answer = 410
    await queueToPupils([s.pupils.taro, s.pupils.hanako])
    await queueToPupils([s.pupils.taro])
    expect(await deliver()).toMatchObject({ sent: 1, gone: 1 })
    expect(live.browser.received).toHaveLength(1)
    expect(await db.sql`select id from push_subscription where id = ${gone.id}`).toHaveLength(0)
    expect(await db.sql`select id from push_outbox where subscription_id = ${gone.id}`).toHaveLength(0)
    expect((await gone.client.get('/api/guardian/push/devices')).body.devices).toEqual([])

    const notFound = await subscribed(s.login.suzuki)
    notFound.browser.answer = 404
    await queueToPupils([s.pupils.taro])
    expect(await deliver()).toMatchObject({ gone: 1 })
    expect(await db.sql`select id from push_subscription where id = ${notFound.id}`).toHaveLength(0)
  })

  it('retries a busy or failing push service with backoff, and gives up on a refusal that will not change', async () => {
    const busy = await subscribed(s.login.suzuki)
    const refused = await subscribed(s.login.tanaka)
    busy.browser.answer = 503
    refused.browser.answer = 403
    await queueToPupils([s.pupils.taro, s.pupils.hanako])
    expect(await deliver()).toMatchObject({ sent: 0, failed: 2 })
    const rows = await db.sql<{ subscriptionId: number; status: string; attempts: number }[]>`select subscription_id, status, attempts from push_outbox order by id`
    expect(rows.find((r) => r.subscriptionId === busy.id)).toMatchObject({ status: 'pending', attempts: 1 })
    expect(rows.find((r) => r.subscriptionId === refused.id)).toMatchObject({ status: 'failed', attempts: 1 })
    // Not due again before the backoff; then the service is back.
    busy.browser.answer = 201
    expect(await deliver()).toMatchObject({ sent: 0, failed: 0 })
    server.clock.advance(PUSH_DELIVERY.firstRetryMs)
    expect(await deliver()).toMatchObject({ sent: 1 })
    expect(busy.browser.received).toHaveLength(1)
    expect(refused.browser.received).toHaveLength(0)
    // The TTL header counts what is left of the push's day.
    expect(Number(busy.browser.received[0]!.headers.ttl)).toBe(24 * 3600 - PUSH_DELIVERY.firstRetryMs / 1000)
  })

  it('drops a push whose time to live ran out instead of sending it late', async () => {
    const late = await subscribed(s.login.suzuki)
    late.browser.answer = 500
    await queueToPupils([s.pupils.taro], { ttlSeconds: 60 })
    expect(await deliver()).toMatchObject({ failed: 1 })
    late.browser.answer = 201
    server.clock.advance(61_000)
    const before = push.requests
    expect(await deliver()).toMatchObject({ sent: 0, failed: 0 })
    expect(push.requests).toBe(before)
    expect((await db.sql`select status from push_outbox where subscription_id = ${late.id}`)[0]).toEqual({ status: 'expired' })
  })

  it('delivers a school-sized send in batches, without a request waiting on it', async () => {
    const many = await Promise.all(Array.from({ length: 3 * PUSH_DELIVERY.batch + 7 }, async () => {
      const b = push.browser()
      await db.sql`insert into push_subscription (guardian_id, endpoint, p256dh, auth, created_at) values (${s.guardians.tanaka}, ${b.subscription.endpoint}, ${b.subscription.keys.p256dh}, ${b.subscription.keys.auth}, ${nowIso()})`
      return b
    }))
    await runChange({ sql: db.sql, publish: server.publish }, s.schoolId, async (tx, change) => {
      await queuePush(tx, { guardianIds: [s.guardians.tanaka] }, { title: 'アンケートのお願い', url: '/guardian/' }, { schoolId: s.schoolId, kind: 'survey', now: nowIso() })
      change.school('settings')
    })
    expect(await deliver()).toMatchObject({ sent: many.length })
    expect(many.every((b) => b.received.length === 1 && JSON.parse(b.received[0]!.text).body === '')).toBe(true)
  })

  it('writes nothing when the change that queued it rolls back', async () => {
    await subscribed(s.login.suzuki)
    await expect(runChange({ sql: db.sql, publish: server.publish }, s.schoolId, async (tx) => {
      await queuePush(tx, { pupilIds: [s.pupils.taro] }, { title: '取り消される通知', url: '/guardian/' }, { schoolId: s.schoolId, kind: 'safety', now: nowIso() })
      throw new Error('the sending change failed')
    })).rejects.toThrow('the sending change failed')
    expect(await db.sql`select id from push_outbox`).toHaveLength(0)
  })

  it('refuses a payload that is not a path on this server, or too long, before anything is written', async () => {
    await subscribed(s.login.suzuki)
    const q = (m: { title: string; url: string }) => db.sql.begin((tx) => queuePush(tx, { pupilIds: [s.pupils.taro] }, m, { schoolId: s.schoolId, kind: 'test', now: nowIso() }))
    await expect(q({ title: 'x', url: 'https://evil.example/' })).rejects.toThrow()
    await expect(q({ title: 'x', url: '//evil.example/' })).rejects.toThrow()
    await expect(q({ title: 'あ'.repeat(81), url: '/guardian/' })).rejects.toThrow()
    expect(await db.sql`select id from push_outbox`).toHaveLength(0)
  })
})

describe('a guardian\'s devices', () => {
  it('subscribes, lists, takes over a shared device, unsubscribes and removes only their own', async () => {
    const suzuki = await subscribed(s.login.suzuki)
    const tanaka = await new Client(server).login(s.login.tanaka)
    // The same browser, now logged in as Tanaka: the device moves, it is not doubled.
    expect((await tanaka.post('/api/guardian/push/devices', suzuki.browser.subscription)).body.id).toBe(suzuki.id)
    expect((await suzuki.client.get('/api/guardian/push/devices')).body.devices).toEqual([])
    expect((await tanaka.get('/api/guardian/push/devices')).body.devices).toHaveLength(1)
    // Suzuki cannot remove Tanaka's device, by id or by endpoint.
    expect((await suzuki.client.post(`/api/guardian/push/devices/${suzuki.id}/remove`)).status).toBe(404)
    expect((await suzuki.client.post('/api/guardian/push/unsubscribe', { endpoint: suzuki.browser.subscription.endpoint })).status).toBe(200)
    expect((await tanaka.get('/api/guardian/push/devices')).body.devices).toHaveLength(1)
    expect((await tanaka.post('/api/guardian/push/unsubscribe', { endpoint: suzuki.browser.subscription.endpoint })).status).toBe(200)
    expect((await tanaka.get('/api/guardian/push/devices')).body.devices).toEqual([])
    const again = await subscribed(s.login.tanaka)
    expect((await again.client.post(`/api/guardian/push/devices/${again.id}/remove`)).status).toBe(200)
    expect((await again.client.get('/api/guardian/push/devices')).body.devices).toEqual([])
  })

  it('accepts only HTTPS endpoints of push services, and well-formed keys', async () => {
    const c = await new Client(server).login(s.login.suzuki)
    const keys = push.browser().subscription.keys
    for (const endpoint of ['https://10.0.0.5/push/x', 'https://intranet.school.local/push', 'http://fcm.googleapis.com/fcm/send/x', 'https://fcm.googleapis.com.evil.example/x', 'https://user:pw@fcm.googleapis.com/x']) {
      expect((await c.post('/api/guardian/push/devices', { endpoint, keys })).status, endpoint).toBe(400)
    }
    expect((await c.post('/api/guardian/push/devices', { endpoint: 'https://fcm.googleapis.com/fcm/send/abc', keys: { ...keys, p256dh: 'A' + keys.p256dh.slice(1) } })).status).toBe(400)
    expect((await c.post('/api/guardian/push/devices', { endpoint: 'https://fcm.googleapis.com/fcm/send/abc', keys: { ...keys, auth: 'short' } })).status).toBe(400)
    expect((await c.post('/api/guardian/push/devices', { endpoint: 'https://fcm.googleapis.com/fcm/send/abc', keys })).status).toBe(200)
    expect((await c.post('/api/guardian/push/devices', { endpoint: 'https://web.push.apple.com/QGx', keys })).status).toBe(200)
    expect(await db.sql`select id from push_subscription`).toHaveLength(2)
  })

  it('is for guardians only', async () => {
    const teacher = await new Client(server).login(s.login.teacher1)
    expect((await teacher.get('/api/guardian/push/key')).status).toBe(403)
    expect((await new Client(server).get('/api/guardian/push/key')).status).toBe(401)
  })

  it('keeps one key pair, whoever asks first', async () => {
    const [a, b] = await Promise.all([vapidKeys(db.sql, server.clock), vapidKeys(db.sql, server.clock)])
    expect(a).toEqual(b)
    expect(Buffer.from(a.publicKey, 'base64url')).toHaveLength(65)
  })
})
