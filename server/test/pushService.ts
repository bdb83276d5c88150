import { execFileSync } from 'node:child_process'
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { Agent, createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A push service on this machine, for tests: HTTPS with a certificate made for the run, one
 * endpoint per simulated browser. Each browser holds its own P-256 key pair and auth secret,
 * as a real one does, and decrypts what it receives (RFC 8291, aes128gcm), so a test reads
 * exactly what a phone would. The VAPID Authorization header (RFC 8292) is verified too.
 */

export interface ReceivedPush {
  /** The decrypted payload. */
  text: string
  headers: Record<string, string | string[] | undefined>
  /** The VAPID JWT's claims, after its signature verified with the key in the header. */
  vapid: { publicKey: string; claims: { aud: string; exp: number; sub: string } }
}

export interface TestBrowser {
  /** What `PushSubscription.toJSON()` gives the page. */
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } }
  received: ReceivedPush[]
  /** The status the service answers for this browser from now on (201: accepted). */
  answer: number
}

export interface TestPushService {
  url: string
  /** host:port, for the server's list of accepted push hosts. */
  host: string
  /** Trusts this service's certificate (and no other). */
  agent: Agent
  browser(): TestBrowser
  /** Every request, including refused and undecryptable ones, in order of arrival. */
  requests: number
  close(): Promise<void>
}

export async function startPushService(): Promise<TestPushService> {
  const dir = mkdtempSync(join(tmpdir(), 'asagao-push-'))
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'ignore' })
  const key = readFileSync(join(dir, 'key.pem'))
  const cert = readFileSync(join(dir, 'cert.pem'))
  rmSync(dir, { recursive: true, force: true })

  const browsers = new Map<string, TestBrowser & { ecdh: ReturnType<typeof createECDH>; authSecret: Buffer }>()
  const service = { requests: 0 }
  const server: Server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      service.requests++
      const b = browsers.get(req.url ?? '')
      if (!b) return void res.writeHead(404).end()
      if (b.answer !== 201) return void res.writeHead(b.answer).end('refused by the test')
      try {
        const text = decrypt(Buffer.concat(chunks), b.ecdh, b.authSecret)
        const vapid = verifyVapid(String(req.headers.authorization ?? ''))
        b.received.push({ text, headers: req.headers, vapid })
        res.writeHead(201).end()
      } catch (err) {
        res.writeHead(400).end(String(err))
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  const url = `https://${host}`
  const agent = new Agent({ ca: cert, keepAlive: true })
  return {
    url,
    host,
    agent,
    get requests() {
      return service.requests
    },
    browser() {
      const ecdh = createECDH('prime256v1')
      ecdh.generateKeys()
      const authSecret = randomBytes(16)
      const path = `/push/${randomBytes(12).toString('base64url')}`
      const b = {
        subscription: { endpoint: url + path, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') } },
        received: [], answer: 201, ecdh, authSecret,
      }
      browsers.set(path, b)
      return b
    },
    async close() {
      agent.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** RFC 8291 with the aes128gcm coding of RFC 8188: one record, as Web Push uses it. */
function decrypt(body: Buffer, ecdh: ReturnType<typeof createECDH>, authSecret: Buffer): string {
  const salt = body.subarray(0, 16)
  const idLength = body.readUInt8(20)
  const serverKey = body.subarray(21, 21 + idLength)
  const ciphertext = body.subarray(21 + idLength)
  const ecdhSecret = ecdh.computeSecret(serverKey)
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), serverKey])
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32))
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16))
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12))
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce)
  decipher.setAuthTag(ciphertext.subarray(-16))
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, -16)), decipher.final()])
  // The last record ends with the delimiter 0x02, then any zero padding.
  let end = padded.length - 1
  while (end >= 0 && padded[end] === 0) end--
  if (padded[end] !== 2) throw new Error('no last-record delimiter')
  return padded.subarray(0, end).toString('utf8')
}

/** `vapid t=<JWT>, k=<public key>`: the ES256 signature must verify with that key. */
function verifyVapid(header: string): ReceivedPush['vapid'] {
  const m = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header)
  if (!m) throw new Error(`not a VAPID header: ${header}`)
  const [jwt, k] = [m[1]!, m[2]!]
  const [head, claims, signature] = jwt.split('.') as [string, string, string]
  const raw = Buffer.from(k, 'base64url')
  const publicKey = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33, 65).toString('base64url') }, format: 'jwk' })
  if (JSON.parse(Buffer.from(head, 'base64url').toString()).alg !== 'ES256') throw new Error('VAPID JWT is not ES256')
  const ok = verify('sha256', Buffer.from(`${head}.${claims}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'))
  if (!ok) throw new Error('VAPID signature does not verify')
  return { publicKey: k, claims: JSON.parse(Buffer.from(claims, 'base64url').toString()) }
}
