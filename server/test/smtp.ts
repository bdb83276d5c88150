import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** A real SMTP server inside the test, and a decoder for what it received. */
export interface ReceivedMail {
  to: string[]
  subject: string
  text: string
  messageId: string
}

export interface TestSmtp {
  port: number
  received: ReceivedMail[]
  /** Connections opened so far, and the most messages the server was ever receiving at once. */
  stats: { sessions: number; maxInFlight: number }
  close(): Promise<void>
}

export interface TestSmtpOptions {
  /** A reply to refuse a recipient with (e.g. `451 4.3.0 try later`), or null to take it. */
  rejectRecipient?: (address: string) => string | null
  /** How long the server takes over each message, so that concurrent ones overlap. */
  holdMs?: number
}

/** Starts an SMTP server on `port` (0: any free one) that keeps every message it accepts. */
export async function startSmtp(port = 0, options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const received: ReceivedMail[] = []
  const stats = { sessions: 0, maxInFlight: 0 }
  let inFlight = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      stats.sessions++
      callback()
    },
    onRcptTo(address, _session, callback) {
      const refusal = options.rejectRecipient?.(address.address)
      if (!refusal) return callback()
      const err = Object.assign(new Error(refusal.slice(4)), { responseCode: Number(refusal.slice(0, 3)) })
      callback(err)
    },
    onData(stream, session, callback) {
      stats.maxInFlight = Math.max(stats.maxInFlight, ++inFlight)
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        setTimeout(() => {
          inFlight--
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), ...decode(Buffer.concat(chunks).toString('utf8')) })
          callback()
        }, options.holdMs ?? 0)
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()))
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    stats,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Decodes the subject (RFC 2047) and a single-part text body (base64 or quoted-printable). */
function decode(raw: string): { subject: string; text: string; messageId: string } {
  const split = raw.indexOf('\r\n\r\n')
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const body = raw.slice(split + 4)
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? ''
  const subject = header('Subject').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')),
  )
  const cte = header('Content-Transfer-Encoding').toLowerCase()
  const text = cte === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : cte === 'quoted-printable' ? qp(body.replace(/=\r\n/g, '')) : body
  return { subject, text: text.replace(/\r\n/g, '\n').trim(), messageId: header('Message-ID') }
}

function qp(s: string): string {
  const bytes: number[] = []
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(...Buffer.from(s[i]!, 'utf8'))
  }
  return Buffer.from(bytes).toString('utf8')
}
