import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ShiftedClock } from '../../server/clock.js'
import { silentLog } from '../../server/log.js'
import { deliverPushes, webPushSender } from '../../server/push/deliver.js'
import { queuePush } from '../../server/push/queue.js'
import { vapidKeys } from '../../server/push/vapid.js'
import { runChange } from '../../server/realtime/change.js'
import { PASSWORD } from '../../server/test/fixtures.js'
import { startPushService, type TestPushService } from '../../server/test/pushService.js'
import { launchChromium, loginThroughPage, MORNING, startE2EServer, type E2EServer } from './harness.js'

/**
 * Web Push in Chromium: the guardian turns notifications on from the account page; the server
 * encrypts a push to the local push service, which decrypts it; the payload is handed to the
 * page's real service worker (through the DevTools protocol, as the browser's push service
 * would), and the worker shows the notification.
 *
 * Chromium offline has no push service of its own, so `pushManager.subscribe` is replaced by
 * one that answers with the local push service's endpoint and keys; everything else is real.
 */

let server: E2EServer
let browser: Browser
let push: TestPushService
const clock = new ShiftedClock(MORNING)

beforeAll(async () => {
  push = await startPushService()
  server = await startE2EServer(0, {}, { push: { extraHosts: [push.host] } })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
  await push?.close()
})

describe('notifications on a guardian\'s phone', () => {
  it('turns on from the account page, receives the encrypted push and shows it through the service worker; turns off', async () => {
    const device = push.browser()
    const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    await context.grantPermissions(['notifications'], { origin: server.url })
    await context.addInitScript((sub) => {
      let current: PushSubscription | null = null
      const asSubscription = (key: BufferSource | string | null | undefined) => ({
        endpoint: sub.endpoint,
        expirationTime: null,
        options: { userVisibleOnly: true, applicationServerKey: key instanceof Uint8Array ? key.buffer : null },
        toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }),
        unsubscribe: async () => ((current = null), true),
        getKey: () => null,
      }) as unknown as PushSubscription
      PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
        ;(window as unknown as { pushKeyUsed: string }).pushKeyUsed = btoa(String.fromCharCode(...new Uint8Array(options!.applicationServerKey as Uint8Array)))
        return (current = asSubscription(options?.applicationServerKey))
      }
      PushManager.prototype.getSubscription = async () => current
    }, device.subscription)
    const page = await context.newPage()
    await page.goto(server.url + '/guardian/')
    await loginThroughPage(page, server.school.login.suzuki, PASSWORD)
    await page.locator('asg-report-form').waitFor()
    await page.goto(server.url + '/join/#account')

    const settings = page.locator('asg-push-settings')
    const toggle = settings.getByRole('switch', { name: 'この端末に通知を受け取る' })
    await expect.poll(() => settings.locator('[data-state]').getAttribute('data-state')).toBe('off')
    await toggle.click()
    await expect.poll(() => settings.locator('[data-state]').getAttribute('data-state')).toBe('on')
    await settings.getByText('この端末に通知が届きます。').waitFor()
    await settings.getByText('(この端末)').waitFor()
    const keys = await vapidKeys(server.db.sql, clock)
    const key = keys.publicKey
    expect(Buffer.from(await page.evaluate(() => (window as unknown as { pushKeyUsed: string }).pushKeyUsed), 'base64').toString('base64url')).toBe(key)
    expect(await server.db.sql`select guardian_id from push_subscription where endpoint = ${device.subscription.endpoint}`).toEqual([{ guardianId: server.school.guardians.suzuki }])

    // The school sends; the outbox worker's delivery encrypts it to the push service.
    await runChange({ sql: server.db.sql, publish: server.publish }, server.school.schoolId, async (tx, change) => {
      await queuePush(tx, { pupilIds: [server.school.pupils.taro] }, { title: '【訓練】安否確認', body: 'お子さまの様子を回答してください。', url: '/guardian/#safety/1', tag: 'safety-1' },
        { schoolId: server.school.schoolId, kind: 'safety', now: new Date(clock.now()).toISOString(), urgency: 'high' })
      change.school('settings')
    })
    expect(await deliverPushes(server.db.sql, clock, webPushSender(keys, 'mailto:office@school.example.jp', push.agent), silentLog)).toMatchObject({ sent: 1 })
    expect(device.received).toHaveLength(1)

    // The browser's push service hands the decrypted bytes to the worker.
    const cdp = await context.newCDPSession(page)
    const registrationId = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const r = registrations.find((x) => x.scopeURL === server.url + '/guardian/' && !x.isDeleted)
        if (r) resolve(r.registrationId)
      })
    })
    await cdp.send('ServiceWorker.enable')
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.url, registrationId: await registrationId, data: device.received[0]!.text })
    const shown = () => page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration('/guardian/')
      return (await registration!.getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, lang: n.lang, data: n.data as unknown }))
    })
    await expect.poll(shown).toEqual([{ title: '【訓練】安否確認', body: 'お子さまの様子を回答してください。', tag: 'safety-1', lang: 'ja', data: { url: '/guardian/#safety/1' } }])

    // A payload that is not ours still tells the guardian something, and opens only the guardian page.
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.url, registrationId: await registrationId, data: 'not json' })
    await expect.poll(async () => (await shown()).map((n) => n.title)).toContain('学校からのお知らせ')

    await toggle.click()
    await expect.poll(() => settings.locator('[data-state]').getAttribute('data-state')).toBe('off')
    expect(await server.db.sql`select id from push_subscription`).toEqual([])
    await context.close()
  })

  it('says so when the browser cannot receive pushes', async () => {
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 390, height: 844 } })
    await context.addInitScript(() => delete (window as { PushManager?: unknown }).PushManager)
    const page = await context.newPage()
    await page.goto(server.url + '/guardian/')
    await loginThroughPage(page, server.school.login.tanaka, PASSWORD)
    await page.locator('asg-report-form').waitFor()
    await page.goto(server.url + '/join/#account')
    const settings = page.locator('asg-push-settings')
    await expect.poll(() => settings.locator('[data-state]').getAttribute('data-state')).toBe('unsupported')
    expect(await settings.getByRole('switch').isDisabled()).toBe(true)
    await settings.getByText('この端末・ブラウザでは通知を受け取れません', { exact: false }).waitFor()
    await context.close()
  })
})
