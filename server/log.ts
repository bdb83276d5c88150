import { destination as stderrDestination, pino, stdTimeFunctions, type DestinationStream } from 'pino'

/**
 * Structured logs: one JSON line per event (pino), so logs stay greppable in production and a
 * log shipper can read them as they are. Fields are chosen by the caller; nothing personal
 * (names, messages, health notes, login ids) belongs in them.
 */
export interface Log {
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
}

export type LogLevel = 'silent' | 'info' | 'debug'

/** A log writing to stderr (journald keeps it), or to `destination` (tests read the lines back). */
export function createLog(level: LogLevel, destination?: DestinationStream): Log {
  const logger = pino(
    {
      level,
      base: undefined,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? stderrDestination({ dest: 2, sync: true }),
  )
  return {
    info: (msg, fields) => logger.info(fields ?? {}, msg),
    warn: (msg, fields) => logger.warn(fields ?? {}, msg),
    error: (msg, fields) => logger.error(fields ?? {}, msg),
  }
}

/** The same log with `fields` (a request's id) on every line. */
export function withFields(log: Log, fields: Record<string, unknown>): Log {
  return {
    info: (msg, f) => log.info(msg, { ...fields, ...f }),
    warn: (msg, f) => log.warn(msg, { ...fields, ...f }),
    error: (msg, f) => log.error(msg, { ...fields, ...f }),
  }
}

export const silentLog: Log = { info() {}, warn() {}, error() {} }
