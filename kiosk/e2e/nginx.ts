import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:https'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../../server/test/process.js'

/** Debian's nginx, as docs/deploy.md installs it. */
export const NGINX = '/usr/sbin/nginx'

/**
 * The browser reaches nginx on this machine's own network address, not on loopback: the
 * server then sees nginx on 127.0.0.1 and must take the client's address from X-Forwarded-For.
 * (A machine without one falls back to loopback, where the two cannot be told apart.)
 */
export const CLIENT_HOST = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address ?? '127.0.0.1'

export interface RunningNginx {
  httpsUrl: string
  httpPort: number
  stop(): Promise<void>
}

/**
 * A documented site file with only what a test must change: ports, certificate, and what
 * `upstream` rewrites (the servers). Every change must apply, or the test says the file moved on.
 */
export function siteForTest(file: string, opts: { httpPort: number; httpsPort: number; cert: string; key: string; upstream: (site: string, replace: (from: RegExp, to: string) => void) => void }): string {
  let site = readFileSync(file, 'utf8')
  const replace = (from: RegExp, to: string) => {
    if (!from.test(site)) throw new Error(`${file} no longer has ${from}: update this test with the documented config`)
    site = site.replace(from, to)
  }
  replace(/listen 80;/, `listen ${opts.httpPort};`)
  replace(/listen 443 ssl http2;/, `listen ${opts.httpsPort} ssl http2;`)
  replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${opts.cert};`)
  replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${opts.key};`)
  opts.upstream(site, replace)
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
events { worker_connections 1024; }
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
export function httpsGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false, headers }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** Starts nginx with a documented site file (rewritten by `upstream`) and a self-signed certificate; resolves once /healthz answers through it. */
export async function startNginx(siteFile: string, upstream: (site: string, replace: (from: RegExp, to: string) => void) => void): Promise<RunningNginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'asagao-nginx-'))
  const cert = join(prefix, 'cert.pem')
  const key = join(prefix, 'key.pem')
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=asagao.test', '-addext', `subjectAltName=IP:${CLIENT_HOST}`], { stdio: 'ignore' })
  const httpPort = await freePort()
  const httpsPort = await freePort()
  const site = join(prefix, 'asagao.conf')
  writeFileSync(site, siteForTest(siteFile, { httpPort, httpsPort, cert, key, upstream }))
  writeFileSync(join(prefix, 'nginx.conf'), nginxConf(prefix, site))
  for (const d of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, d))
  const nginx: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  nginx.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const httpsUrl = `https://${CLIENT_HOST}:${httpsPort}`
  for (let i = 0; ; i++) {
    if (nginx.exitCode !== null || i > 100) throw new Error(`nginx did not start: ${stderr}${existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : ''}`)
    if (await httpsGet(httpsUrl + '/healthz').then((r) => r.status === 200, () => false)) break
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    httpsUrl,
    httpPort,
    async stop() {
      if (nginx.exitCode === null) {
        const exited = new Promise((resolve) => nginx.once('exit', resolve))
        nginx.kill('SIGQUIT')
        await exited
      }
      rmSync(prefix, { recursive: true, force: true })
    },
  }
}
