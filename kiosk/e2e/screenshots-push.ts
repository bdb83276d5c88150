import { join } from 'node:path'
import { PASSWORD } from '../../server/test/fixtures.js'
import { startPushService } from '../../server/test/pushService.js'
import { screenshotSession, SCREENSHOTS_DIR } from './demoServer.js'
import { loginThroughPage, startE2EServer } from './harness.js'

/**
 * `npm run screenshots:push`: the guardian's account page with 「この端末に通知を受け取る」 on
 * and two devices, on a 390×844 phone. Writes docs/screenshots/guardian-push.png.
 * The browser's subscription comes from a push service on this machine, as in push.e2e.ts.
 */
const push = await startPushService()
try {
  await screenshotSession(() => startE2EServer(0, {}, { push: { extraHosts: [push.host] } }), async (server, browser) => {
    const tablet = push.browser()
    await server.db.sql`
      insert into push_subscription (guardian_id, endpoint, p256dh, auth, user_agent, created_at)
      values (${server.school.guardians.suzuki}, ${tablet.subscription.endpoint}, ${tablet.subscription.keys.p256dh}, ${tablet.subscription.keys.auth},
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36', '2026-11-20T10:12:00Z')`
    const context = await browser.newContext({
      locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
      userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    })
    await context.grantPermissions(['notifications'], { origin: server.url })
    // A string, not a function: tsx would wrap the stub's functions in a helper the page lacks.
    const sub = push.browser().subscription
    await context.addInitScript({
      content: `{
        const sub = ${JSON.stringify(sub)}
        let current = null
        PushManager.prototype.subscribe = async function () {
          current = { endpoint: sub.endpoint, options: { applicationServerKey: null }, toJSON() { return { endpoint: sub.endpoint, expirationTime: null, keys: sub.keys } }, async unsubscribe() { current = null; return true } }
          return current
        }
        PushManager.prototype.getSubscription = async function () { return current }
      }`,
    })
    const page = await context.newPage()
    await page.goto(server.url + '/guardian/')
    await loginThroughPage(page, server.school.login.suzuki, PASSWORD)
    await page.locator('asg-report-form').waitFor()
    await page.goto(server.url + '/join/#account')
    await page.locator('asg-push-settings').getByRole('switch').click()
    await page.locator('asg-push-settings').getByText('(この端末)').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'guardian-push.png'), clip: { x: 0, y: 0, width: 390, height: 844 } })
    console.log('docs/screenshots/guardian-push.png')
  })
} finally {
  await push.close()
}
