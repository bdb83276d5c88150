import { ensureNoServer } from '../backup/serverLock.js'
import { BackupError } from '../backup/errors.js'
import { systemClock } from '../clock.js'
import { ConfigError, loadConfig } from '../config.js'
import { openDatabase } from '../db/open.js'
import { runAdminCommand, USAGE } from './adminCommands.js'

/**
 * `npm run admin -- …` for the database the server is configured with (DATABASE_URL, or the
 * embedded one in ASAGAO_DATA_DIR, which must not be open in a running server).
 */
async function run(args: string[]): Promise<number> {
  if (!args.length || args[0] === 'help' || args[0] === '--help') {
    // Help needs no database: it works before anything is configured.
    ;(args.length ? console.log : console.error)(USAGE)
    return args.length ? 0 : 2
  }
  const config = loadConfig()
  if (!config.databaseUrl) ensureNoServer(config.dataDir)
  const db = await openDatabase(config, 2)
  try {
    return await runAdminCommand(args, { sql: db.sql, clock: systemClock, env: process.env, out: console.log, err: console.error })
  } finally {
    await db.close()
  }
}

try {
  process.exitCode = await run(process.argv.slice(2))
} catch (err) {
  if (err instanceof ConfigError || err instanceof BackupError) {
    console.error(err.message)
    console.error(`\n${USAGE}`)
    process.exitCode = 2
  } else throw err
}
