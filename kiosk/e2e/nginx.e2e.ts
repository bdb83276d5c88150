import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:https'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE } from '../../server/http/cookies.js'
import { ROOT } from '../../server/pages/buildInfo.js'
import { PASSWORD } from '../../server/test/fixtures.js'
import { freePort } from '../../server/test/process.js'
import { Client } from '../../server/test/server.js'
import { contextAt, launchChromium, loginThroughPage, startE2EServer, type E2EServer } from './harness.js'

/**
 * The deployment of docs/deploy.md, for real: Debian's nginx runs the documented site file
 * (docs/deploy/nginx-asagao.conf) with a self-signed certificate, in front of the server with
 * ASAGAO_TRUST_PROXY=loopback and Secure cookies. A guardian's report reaches a board that
 * is connected through nginx's WebSocket upgrade.
 */
const NGINX = '/usr/sbin/nginx'
const SITE = join(ROOT, 'docs', 'deploy', 'nginx-asagao.conf')

/**
 * The browser reaches nginx on this machine's own network address, not on loopback: the
 * server then sees nginx on 127.0.0.1 and must take the client's address from X-Forwarded-For.
 * (A machine without one falls back to loopback, where the two cannot be told apart.)
 */
const CLIENT_HOST = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address ?? '127.0.0.1'

let server: E2EServer
let browser: Browser
let nginx: ChildProcess
let prefix: string
let httpsUrl: string
let httpPort: number

/** The documented site with only what a test must change: ports, certificate, upstream. Every change must apply. */
function siteForTest(opts: { httpPort: number; httpsPort: number; cert: string; key: string; upstream: string }): string {
  let site = readFileSync(SITE, 'utf8')
  const replace = (from: RegExp, to: string) => {
    if (!from.test(site)) throw new Error(`${SITE} no longer has ${from}: update this test with the documented config`)
    site = site.replace(from, to)
  }
  replace(/listen 80;/, `listen ${opts.httpPort};`)
  replace(/listen 443 ssl http2;/, `listen ${opts.httpsPort} ssl http2;`)
  replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${opts.cert};`)
  replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${opts.key};`)
  replace(/proxy_pass http:\/\/127\.0\.0\.1:3000;/, `proxy_pass ${opts.upstream};`)
  return site
}

/** nginx in the foreground with everything it writes under `prefix`. */
function nginxConf(prefix: string, site: string): string {
  return `
daemon off;
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  include ${site};
}
`
}

/** An HTTPS GET that accepts the test's own certificate. */
function httpsGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false, headers }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

beforeAll(async () => {
  prefix = mkdtempSync(join(tmpdir(), 'asagao-nginx-'))
  const cert = join(prefix, 'cert.pem')
  const key = join(prefix, 'key.pem')
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=asagao.test', '-addext', `subjectAltName=IP:${CLIENT_HOST}`], { stdio: 'ignore' })
  server = await startE2EServer(0, { trustProxy: ['loopback'], secureCookies: true })
  httpPort = await freePort()
  const httpsPort = await freePort()
  const site = join(prefix, 'asagao.conf')
  writeFileSync(site, siteForTest({ httpPort, httpsPort, cert, key, upstream: server.url }))
  writeFileSync(join(prefix, 'nginx.conf'), nginxConf(prefix, site))
  for (const d of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, d))
  nginx = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  nginx.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  httpsUrl = `https://${CLIENT_HOST}:${httpsPort}`
  for (let i = 0; ; i++) {
    if (nginx.exitCode !== null || i > 100) throw new Error(`nginx did not start: ${stderr}${existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : ''}`)
    if (await httpsGet(httpsUrl + '/healthz').then((r) => r.status === 200, () => false)) break
    await new Promise((r) => setTimeout(r, 100))
  }
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx.once('exit', resolve))
    nginx.kill('SIGQUIT')
    await exited
  }
  await server?.close()
  if (prefix) rmSync(prefix, { recursive: true, force: true })
})

const boardEntry = (board: Page, name: string) => board.locator('asg-board-entry', { hasText: name })

describe('behind nginx with TLS, as docs/deploy.md sets it up', () => {
  it('a guardian reports an absence and a board paired through nginx shows it live', async () => {
    // The administrator's API call goes to the server directly; everything a browser does goes through nginx.
    const admin = await new Client(server).login(server.school.login.admin)
    const created = await admin.post('/api/admin/board-devices', { name: '職員室モニター' })
    const boardContext = await contextAt(browser, { viewport: { width: 1920, height: 1080 }, ignoreHTTPSErrors: true })
    const board = await boardContext.newPage()
    await board.goto(httpsUrl + created.body.pairingPath)
    await board.getByText('接続中').waitFor()

    // The board's socket came through nginx as a WebSocket, with the proxy's headers.
    const sockets = [...server.io.of('/').sockets.values()]
    expect(sockets).toHaveLength(1)
    expect(sockets[0]!.conn.transport.name).toBe('websocket')
    expect(sockets[0]!.handshake.headers['x-forwarded-proto']).toBe('https')

    // The administrator logged in directly from loopback; only the guardian's login counts below.
    await server.db.sql`delete from throttle`
    const guardianContext = await contextAt(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, ignoreHTTPSErrors: true })
    const guardian = await guardianContext.newPage()
    await guardian.goto(httpsUrl + '/guardian/')
    await loginThroughPage(guardian, server.school.login.suzuki, PASSWORD)
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
    const sources = (await server.db.sql<{ key: string }[]>`select key from throttle where key like 'login:source:%'`).map((r) => r.key)
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
