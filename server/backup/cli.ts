import { systemClock } from '../clock.js'
import { ConfigError, loadConfig } from '../config.js'
import { BackupError } from './errors.js'
import { backup, restore } from './operations.js'

/**
 * `npm run backup [-- --out FILE]` and `npm run restore -- FILE`, for the database the server
 * is configured with (DATABASE_URL, or the embedded one in ASAGAO_DATA_DIR).
 */
const USAGE = `Usage:
  npm run backup [-- --out FILE]   back up the configured database (default: a timestamped file here)
  npm run restore -- FILE          replace the configured database with a backup`

async function run(args: string[]): Promise<number> {
  const [command, ...rest] = args
  const config = loadConfig()
  if (command === 'backup' && (rest.length === 0 || (rest.length === 2 && rest[0] === '--out'))) {
    const file = await backup(config, systemClock, rest[1])
    console.log(`Backup written: ${file}`)
    return 0
  }
  if (command === 'restore' && rest.length === 1) {
    await restore(config, rest[0]!)
    console.log(`Restored from ${rest[0]}. ${config.databaseUrl ? 'Start the server: it applies any newer migrations.' : ''}`.trim())
    return 0
  }
  console.error(USAGE)
  return 2
}

try {
  process.exitCode = await run(process.argv.slice(2))
} catch (err) {
  if (err instanceof ConfigError || err instanceof BackupError) {
    console.error(err instanceof BackupError ? `Cannot ${process.argv[2] === 'backup' ? 'back up' : 'restore'}: ${err.message}. Nothing was changed.` : err.message)
    process.exitCode = err instanceof ConfigError ? 2 : 1
  } else throw err
}
