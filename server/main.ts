import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createApp } from './app.js'
import { startNightlyBackups } from './backup/nightly.js'
import { ensureNoServer, holdDataDir } from './backup/serverLock.js'
import { systemClock, type Clock } from './clock.js'
import { startHourlyPruning } from './ops/jobs.js'
import { connectPostgres } from './db/connect.js'
import { postgresAdapter } from './realtime/cluster.js'
import { ConfigError, loadConfig } from './config.js'
import { openDatabase } from './db/open.js'
import { createLog } from './log.js'
import { guardProcess } from './processGuard.js'
import { smtpTransport, startOutboxWorker } from './notices/outbox.js'
import { startSurveyReminders } from './surveys/remind.js'
import { startSafetyReminders } from './safety/commands.js'
import { webPushSender } from './push/deliver.js'
import { vapidKeys } from './push/vapid.js'
import { PAGES_DIR, readBuildInfo, ROOT } from './pages/buildInfo.js'
import { asDataFolderError, checkDataFolder, EXIT, StartupError } from './startupError.js'
import { issueSetupLink, setupBanner } from './setup/setupLink.js'
import { hasSchool } from './data/schools.js'
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_SCHOOL_NAME, isDatabaseEmpty, renewDemoPairingCode, seedDemo } from './seed/demo.js'

/**
 * Wires configuration, storage and the app, then listens. The only place holding process
 * state. A problem the operator can fix (configuration, data folder) ends the start with one
 * line and its own exit code, not a stack.
 */
export async function main(opts: MainOptions = {}): Promise<void> {
  try {
    await run(opts)
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message)
      process.exit(EXIT.config)
    }
    if (err instanceof StartupError) {
      console.error(err.message)
      process.exit(err.exitCode)
    }
    throw err
  }
}

export interface MainOptions {
  dev?: boolean
  /** The system clock unless a journey replays a school morning in several real processes. */
  clock?: Clock
}

async function run(opts: MainOptions): Promise<void> {
  const clock = opts.clock ?? systemClock
  const config = loadConfig()
  const log = createLog(config.log)
  guardProcess(log)
  if (!config.databaseUrl) checkDataFolder(config.dataDir)
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
  // The embedded database lives in this process: one server per data folder, marked while it runs.
  if (!config.databaseUrl) ensureNoServer(config.dataDir)
  const releaseDataDir = config.databaseUrl ? null : holdDataDir(config.dataDir)
  const db = await openDatabase(config).catch((err: unknown) => {
    throw config.databaseUrl ? err : asDataFolderError(err, config.dataDir)
  })

  if (config.demo === 'auto' && (await isDatabaseEmpty(db.sql))) {
    log.info('empty database: creating the demo school')
    await seedDemo(db.sql, clock)
  }
  const hasDemo = config.demo === 'auto' && (await db.sql`select 1 from school where name = ${DEMO_SCHOOL_NAME}`).length > 0
  const pairingCode = hasDemo ? await renewDemoPairingCode(db.sql, clock) : null
  // Without the demo, an empty database waits for its first school: a one-time link sets it up.
  const setupLink = (await hasSchool(db.sql)) ? null : await issueSetupLink(db.sql, clock.now())
  const backups = db.mode === 'embedded' && config.backupKeep > 0
    ? startNightlyBackups({ sql: db.sql, dir: join(config.dataDir, 'backups'), keep: config.backupKeep, clock: clock, log })
    : null

  const buildId = opts.dev ? 'dev' : (readBuildInfo()?.buildId ?? 'unbuilt')
  const frontend = opts.dev ? await viteDevMiddleware() : undefined
  // Notices go out by SMTP when configured; the embedded demo captures them instead.
  const mail = { mode: config.smtp ? 'smtp' : db.mode === 'embedded' ? 'capture' : 'off', publicUrl: config.publicUrl } as const
  // Pushes always go out: the key pair is made on the first start and kept in the database,
  // beside the subscriptions bound to it (in the data folder when the database is embedded).
  const keys = await vapidKeys(db.sql, clock)
  if (!config.pushSubject) log.warn('push subject not configured: set ASAGAO_PUSH_SUBJECT (Safari refuses pushes without one)', { fallback: FALLBACK_PUSH_SUBJECT })
  const outboxWorker = startOutboxWorker(db.sql, clock, {
    mail: config.smtp ? smtpTransport(config.smtp.url, config.smtp.from) : null,
    push: webPushSender(keys, config.pushSubject ?? FALLBACK_PUSH_SUBJECT),
  }, log)
  // Old throttle windows are only history: forget them hourly (one process of several does it). Audit rows go after their five years.
  const pruning = startHourlyPruning(db.sql, clock, log)
  // Several processes: events reach the others' sockets through the adapter, on a connection of its own (one, so that they leave in the order they were sent).
  const adapterDb = config.cluster ? await connectPostgres(config.databaseUrl!, 1) : null
  const appDeps = { sql: db.sql, dbMode: db.mode, clock, log, buildId, version, mail, dataDir: config.dataDir }
  const app = createApp(appDeps, {
    allowedOrigins: config.allowedOrigins, trustProxy: config.trustProxy, secureCookies: config.secureCookies, pagesDir: PAGES_DIR, frontend, metricsToken: config.metricsToken,
    adapter: adapterDb ? postgresAdapter(adapterDb.sql, log) : undefined,
  })
  // Scheduled 安否確認 reminders to the families that have not answered, checked every minute (each sent once, whichever processes run).
  const safetyReminders = startSafetyReminders({ ...appDeps, publish: app.publish })
  // Surveys' scheduled reminders to the families that have not answered, checked each minute.
  const surveyReminders = startSurveyReminders({ ...appDeps, publish: app.publish })
  await new Promise<void>((resolve) => app.httpServer.listen(config.port, config.host, resolve))

  const base = `http://localhost:${config.port}`
  const lines = [
    '',
    `  Asagao ${version} — ${db.mode === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'}`,
    '',
    `  保護者 / Guardian   ${base}/guardian/`,
    `  先生   / Teacher    ${base}/teacher/`,
    `  職員室 / Board      ${pairingCode ? `${base}${pairingCode.path}` : `${base}/board/`}`,
  ]
  if (hasDemo) {
    lines.push('', `  Demo logins (password: ${DEMO_PASSWORD})`)
    // Login id first: Japanese labels are double-width and would not line up.
    for (const [who, id] of Object.entries(DEMO_LOGINS)) lines.push(`    ${id.padEnd(10)} ${who}`)
    if (pairingCode) {
      lines.push('', `  The board link pairs one more display (「${pairingCode.pendingName}」); valid for 30 minutes, a new one at each start.`)
      const paired = pairingCode.paired.map((d) => `「${d.name}」`).join(' ')
      lines.push(`  Paired displays: ${paired || 'none yet'}. Name, add and unpair displays in /admin/ (端末).`)
    }
  }
  console.log(lines.join('\n') + '\n')
  if (setupLink) {
    log.info('empty database: setup link issued', { expiresAt: setupLink.expiresAt })
    console.log(setupBanner(config.publicUrl?.replace(/\/$/, '') ?? base, setupLink))
  }

  // SIGTERM (systemd's stop, TimeoutStopSec=20): requests answered, pages told, e-mail leases
  // given back, the database closed; exit 0. Past SHUTDOWN.hardMs something hangs: exit 1.
  const shutdown = async (signal: string) => {
    const hard = setTimeout(() => {
      log.error('shutdown took too long; exiting', { afterMs: SHUTDOWN.hardMs })
      process.exit(1)
    }, SHUTDOWN.hardMs)
    hard.unref()
    log.info('draining', { signal })
    // Each periodic loop stops taking runs and waits for the one under way before the database closes.
    const [drained] = await Promise.all([app.drain(SHUTDOWN.requestsMs), outboxWorker.stop(), backups?.stop(), pruning.stop(), safetyReminders.stop(), surveyReminders.stop()])
    if (drained.unfinished > 0) log.warn('requests cut at shutdown', { unfinished: drained.unfinished })
    await Promise.all([db.close(), adapterDb?.close()])
    releaseDataDir?.()
    log.info('stopped', { signal })
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
}

/** A syntactically valid subject for trying Asagao out; push services that check it want a real one. */
const FALLBACK_PUSH_SUBJECT = 'mailto:asagao@example.invalid'

/** How long a stop waits: for requests being answered, and for everything before giving up. */
export const SHUTDOWN = { requestsMs: 10_000, hardMs: 17_000 } as const

/** `npm run dev`: pages served by Vite with hot reload, on the same origin as the API. */
async function viteDevMiddleware() {
  const { createServer } = await import('vite')
  const vite = await createServer({ configFile: join(ROOT, 'kiosk', 'vite.config.ts'), server: { middlewareMode: true }, appType: 'mpa' })
  return vite.middlewares
}
