import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE } from '../../server/http/cookies.js'
import { ROOT } from '../../server/pages/buildInfo.js'
import { PASSWORD } from '../../server/test/fixtures.js'
import { Client } from '../../server/test/server.js'
import { contextAt, journey, loginThroughPage } from './harness.js'
import { CLIENT_HOST, httpsGet, startNginx, type RunningNginx } from './nginx.js'

/**
 * The deployment of docs/deploy.md, for real: Debian's nginx runs the documented site file
 * (docs/deploy/nginx-asagao.conf) with a self-signed certificate, in front of the server with
 * ASAGAO_TRUST_PROXY=loopback and Secure cookies. A guardian's report reaches a board that
 * is connected through nginx's WebSocket upgrade.
 */
const SITE = join(ROOT, 'docs', 'deploy', 'nginx-asagao.conf')

let nginx: RunningNginx
let httpsUrl: string
let httpPort: number

const e2e = journey({ app: { trustProxy: ['loopback'], secureCookies: true } })
beforeAll(async () => {
  nginx = await startNginx(SITE, (_site, replace) => replace(/proxy_pass http:\/\/127\.0\.0\.1:3000;/, `proxy_pass ${e2e.server.url};`))
  ;({ httpsUrl, httpPort } = nginx)
})
afterAll(async () => {
  await nginx?.stop()
})

const boardEntry = (board: Page, name: string) => board.locator('asg-board-entry', { hasText: name })

describe('behind nginx with TLS, as docs/deploy.md sets it up', () => {
  it('a guardian reports an absence and a board paired through nginx shows it live', async () => {
    // The administrator's API call goes to the server directly; everything a browser does goes through nginx.
    const admin = await new Client(e2e.server).login(e2e.server.school.login.admin)
    const created = await admin.post('/api/admin/board-devices', { name: '職員室モニター' })
    const boardContext = await contextAt(e2e.browser, { viewport: { width: 1920, height: 1080 }, ignoreHTTPSErrors: true })
    const board = await boardContext.newPage()
    await board.goto(httpsUrl + created.body.pairingPath)
    await board.getByText('接続中').waitFor()

    // The board's socket came through nginx as a WebSocket, with the proxy's headers.
    const sockets = [...e2e.server.io.of('/').sockets.values()]
    expect(sockets).toHaveLength(1)
    expect(sockets[0]!.conn.transport.name).toBe('websocket')
    expect(sockets[0]!.handshake.headers['x-forwarded-proto']).toBe('https')

    // The administrator logged in directly from loopback; only the guardian's login counts below.
    await e2e.server.db.sql`delete from throttle`
    const guardianContext = await contextAt(e2e.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, ignoreHTTPSErrors: true })
    const guardian = await guardianContext.newPage()
    await guardian.goto(httpsUrl + '/guardian/')
    await loginThroughPage(guardian, e2e.server.school.login.suzuki, PASSWORD)
    await guardian.getByText('鈴木 太郎').first().click()
    await guardian.locator('label', { hasText: '欠席' }).first().click()
    await guardian.locator('label', { hasText: '今日' }).first().click()
    await guardian.locator('label', { hasText: '発熱' }).first().click()
    await guardian.getByRole('button', { name: '確認へ進む' }).click()
    await guardian.getByRole('button', { name: 'この内容で送信する' }).click()
    await guardian.getByText('受付番号').waitFor()
    await boardEntry(board, '鈴木 太郎').waitFor({ timeout: 5000 })

    // Cookies over TLS are Secure.
    const session = (await guardianContext.cookies()).find((c) => c.name === SESSION_COOKIE)
    expect(session).toMatchObject({ secure: true, httpOnly: true })
    expect((await boardContext.cookies()).every((c) => c.secure)).toBe(true)

    // The login throttle counted the browser's own address, not nginx's.
    const sources = (await e2e.server.db.sql<{ key: string }[]>`select key from throttle where key like 'login:source:%'`).map((r) => r.key)
    expect(sources).toEqual([`login:source:${CLIENT_HOST}`])
    for (const c of [guardianContext, boardContext]) await c.close()
  })

  it('sends plain HTTP to HTTPS and keeps /metrics off the public name', async () => {
    const plain = await fetch(`http://${CLIENT_HOST}:${httpPort}/guardian/`, { redirect: 'manual' })
    expect(plain.status).toBe(301)
    expect(plain.headers.get('location')).toMatch(/^https:\/\//)
    expect((await httpsGet(httpsUrl + '/metrics')).status).toBe(404)
    const health = await httpsGet(httpsUrl + '/healthz')
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000')
  })
})
