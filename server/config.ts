import { isIP } from 'node:net'
import { resolve } from 'node:path'
import { z } from 'zod'

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  ASAGAO_DATA_DIR: z.string().min(1).default('./data'),
  /** Origins allowed to open sockets and send commands, comma-separated; empty means "the same host". */
  ASAGAO_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.string().url('must be a list of origins like https://asagao.example.jp'))),
  /**
   * Reverse proxies whose X-Forwarded-For names the real client, comma-separated: addresses,
   * subnets (10.0.0.0/8) or loopback / linklocal / uniquelocal. Empty: trust no header.
   */
  ASAGAO_TRUST_PROXY: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean))
    .pipe(z.array(z.string().refine(isProxyAddress, 'must be addresses or subnets like 127.0.0.1, 10.0.0.0/8 or loopback'))),
  /** Set when behind a TLS-terminating proxy so cookies are marked Secure. */
  ASAGAO_SECURE_COOKIES: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  ASAGAO_DEMO: z.enum(['auto', 'off']).default('auto'),
  ASAGAO_LOG: z.enum(['silent', 'info', 'debug']).default('info'),
  /** Embedded mode: daily backups kept in ASAGAO_DATA_DIR/backups; 0 switches them off. */
  ASAGAO_BACKUP_KEEP: z.coerce.number().int('must be a whole number of backups').min(0).max(3650).default(14),
  // E-mail for not-arrived notices. Without an SMTP server, mail is captured (embedded demo) or not sent.
  ASAGAO_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, 'must be an SMTP address like smtp://user:pass@mail.example.jp:587')
    .optional(),
  ASAGAO_MAIL_FROM: z.string().email('must be an e-mail address').optional(),
  /** When set, /metrics answers any caller bearing it (Authorization: Bearer …); unset, only callers on this machine. */
  ASAGAO_METRICS_TOKEN: z.string().regex(/^[\x21-\x7e]{24,256}$/, 'must be 24 to 256 printable characters without spaces (e.g. openssl rand -hex 24)').optional(),
  ASAGAO_PUBLIC_URL: z.string().url('must be the address guardians open, like https://asagao.example.jp').optional(),
  /**
   * "postgres": this is one of several processes on one PostgreSQL, and events reach the
   * other processes' sockets through the Socket.IO PostgreSQL adapter. "off": one process.
   */
  ASAGAO_CLUSTER: z.enum(['off', 'postgres']).default('off'),
  /** Whom push services contact about this server's pushes (VAPID "sub"): the operator's mailto: or https: address. */
  ASAGAO_PUSH_SUBJECT: z
    .string()
    .refine((v) => /^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v) || /^https:\/\/[^/\s]+/.test(v), 'must be mailto:someone@example.jp or an https:// address')
    .refine((v) => !/^(mailto:[^@]*@|https:\/\/)(localhost|127\.|\[::1\])/.test(v), 'must not be localhost: push services refuse it')
    .optional(),
})
  .refine((e) => !e.ASAGAO_SMTP_URL || e.ASAGAO_MAIL_FROM, { message: 'is required when ASAGAO_SMTP_URL is set', path: ['ASAGAO_MAIL_FROM'] })
  .refine((e) => e.ASAGAO_CLUSTER === 'off' || e.DATABASE_URL, {
    message: 'needs DATABASE_URL: the embedded database lives inside one process, so several processes need PostgreSQL',
    path: ['ASAGAO_CLUSTER'],
  })

export interface Config {
  port: number
  host: string
  databaseUrl: string | null
  dataDir: string
  allowedOrigins: string[]
  trustProxy: string[]
  secureCookies: boolean
  demo: 'auto' | 'off'
  log: 'silent' | 'info' | 'debug'
  /** Daily backups the embedded server keeps (0: none). */
  backupKeep: number
  /** Outgoing mail; null when no SMTP server is configured. */
  smtp: { url: string; from: string } | null
  publicUrl: string | null
  /** Bearer token for /metrics; null: loopback callers only. */
  metricsToken: string | null
  /** One of several processes on one PostgreSQL (events cross processes through the adapter). */
  cluster: boolean
  /** VAPID subject for Web Push: ASAGAO_PUSH_SUBJECT, else mailto: the mail sender, else an https public URL; null when none of them is set. */
  pushSubject: string | null
}

function isProxyAddress(p: string): boolean {
  if (p === 'loopback' || p === 'linklocal' || p === 'uniquelocal') return true
  const [ip, bits, extra] = p.split('/')
  const version = isIP(ip ?? '')
  if (!version || extra !== undefined) return false
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128))
}

/** Thrown with one line per bad variable, so an operator fixes them all at once. */
export class ConfigError extends Error {}

/** Reads and validates the environment once at boot. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: resolve(e.ASAGAO_DATA_DIR),
    allowedOrigins: e.ASAGAO_ALLOWED_ORIGINS,
    trustProxy: e.ASAGAO_TRUST_PROXY,
    secureCookies: e.ASAGAO_SECURE_COOKIES,
    demo: e.ASAGAO_DEMO,
    log: e.ASAGAO_LOG,
    backupKeep: e.ASAGAO_BACKUP_KEEP,
    smtp: e.ASAGAO_SMTP_URL ? { url: e.ASAGAO_SMTP_URL, from: e.ASAGAO_MAIL_FROM! } : null,
    publicUrl: e.ASAGAO_PUBLIC_URL ?? null,
    metricsToken: e.ASAGAO_METRICS_TOKEN ?? null,
    cluster: e.ASAGAO_CLUSTER === 'postgres',
    pushSubject: e.ASAGAO_PUSH_SUBJECT ?? (e.ASAGAO_MAIL_FROM ? `mailto:${e.ASAGAO_MAIL_FROM}` : e.ASAGAO_PUBLIC_URL?.startsWith('https://') ? e.ASAGAO_PUBLIC_URL : null),
  }
}

