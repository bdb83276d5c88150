import { isPostgresNullSocketWrite } from './db/driverGuard.js'
import type { Log } from './log.js'

/**
 * A rejected promise nobody awaited is a bug to log, not a reason to drop every connected
 * board and teacher. An uncaught exception leaves the process in an unknown state and ends
 * it, except the one postgres.js throws after a connection already closed (see driverGuard).
 */
export function guardProcess(log: Log): void {
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', { err: String((reason as Error)?.stack ?? reason) }))
  process.on('uncaughtException', (err) => {
    if (isPostgresNullSocketWrite(err)) return log.warn('postgres.js wrote to a closed connection; ignored', { err: err.message })
    log.error('uncaught exception', { err: String(err.stack ?? err) })
    process.exit(1)
  })
}
