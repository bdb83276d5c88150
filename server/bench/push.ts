import { request } from 'node:https'
import { systemClock } from '../clock.js'
import { freshPostgresDatabase } from '../test/db.js'
import { silentLog } from '../log.js'
import { deliverPushes, PUSH_DELIVERY, webPushSender } from '../push/deliver.js'
import { queuePush } from '../push/queue.js'
import { vapidKeys } from '../push/vapid.js'
import { createSchool } from '../data/schoolSetup.js'
import { startPushService } from '../test/pushService.js'
import { openEmbedded } from './databases.js'
import { int, readFlags } from './flags.js'

/**
 * `npm run bench:push [-- --devices N]`: one push to N guardians' devices (default 700, the
 * families of a 1,000-pupil school), from the transaction that queues it until the last push
 * is accepted by a push service on this machine (HTTPS; it also decrypts every push, on the
 * same CPU). Baseline in the same run: N bare HTTPS posts of the same size to the same service
 * with the same concurrency, without encryption, signing or the queue. Embedded database, or
 * PostgreSQL with DATABASE_URL.
 */
const USAGE = `usage: npm run bench:push -- [--devices N]
  --devices N   guardians' devices the push goes to (default 700)
  DATABASE_URL  PostgreSQL server to use, in a fresh database (default: the embedded database)`

const { devices: N } = readFlags(process.argv.slice(2), { devices: int(700) }, USAGE)

const db = process.env.DATABASE_URL ? await freshPostgresDatabase(process.env.DATABASE_URL) : await openEmbedded()
const push = await startPushService()
try {
  const schoolId = await createSchool(db.sql, { name: 'ベンチ小学校' })
  const now = () => new Date(systemClock.now()).toISOString()
  const browsers = Array.from({ length: N }, () => push.browser())
  const guardians = await db.sql<{ id: number }[]>`
    insert into guardian (login_id, password_hash, family_name, given_name)
    select 'bench-' || g, 'x', '保護者', g::text from generate_series(1, ${N}) g returning id`
  await db.sql`insert into push_subscription ${db.sql(browsers.map((b, k) => ({
    guardianId: guardians[k]!.id, endpoint: b.subscription.endpoint, p256dh: b.subscription.keys.p256dh, auth: b.subscription.keys.auth, createdAt: now(),
  })))}`
  const sender = webPushSender(await vapidKeys(db.sql, systemClock), 'mailto:bench@example.jp', push.agent)
  const message = { title: '学校から安否確認が届きました', body: 'ページを開いて、お子さまの様子を回答してください。', url: '/guardian/#safety/1', tag: 'safety-1' }

  const t0 = performance.now()
  await db.sql.begin((tx) => queuePush(tx, { guardianIds: guardians.map((g) => g.id) }, message, { schoolId, kind: 'bench', now: now(), urgency: 'high' }))
  const queued = performance.now() - t0
  const result = await deliverPushes(db.sql, systemClock, sender, silentLog)
  const total = performance.now() - t0
  const received = browsers.filter((b) => b.received.length === 1).length

  // Baseline: the same number of posts of an encrypted push's size, no crypto, no database.
  const body = Buffer.alloc(Buffer.byteLength(JSON.stringify(message)) + 103)
  const base0 = performance.now()
  let next = 0
  const post = () => new Promise<void>((resolve, reject) => {
    const req = request(`${push.url}/unknown`, { method: 'POST', agent: push.agent }, (res) => res.resume().on('end', resolve))
    req.on('error', reject)
    req.end(body)
  })
  await Promise.all(Array.from({ length: PUSH_DELIVERY.concurrency }, async () => {
    while (next++ < N) await post()
  }))
  const baseline = performance.now() - base0

  const mode = process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded (PGlite)'
  console.log(`Web Push to ${N} devices, ${mode}, ${PUSH_DELIVERY.concurrency} in flight, batches of ${PUSH_DELIVERY.batch}`)
  console.log('| step | ms |')
  console.log('|---|---|')
  console.log(`| queue (one transaction, ${N} rows) | ${queued.toFixed(0)} |`)
  console.log(`| queue → last push accepted (encrypt, sign, post, mark sent) | ${total.toFixed(0)} |`)
  console.log(`| baseline: ${N} bare HTTPS posts, same service, same concurrency | ${baseline.toFixed(0)} |`)
  console.log(`sent ${result.sent}, failed ${result.failed}; devices that decrypted their push: ${received} of ${N}`)
} finally {
  await push.close()
  await db.close()
}
