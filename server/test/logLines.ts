import { createLog, type Log } from '../log.js'

/** A real pino log whose lines a test reads back, parsed, instead of stderr. */
export function captureLog(): { log: Log; lines: Record<string, unknown>[]; text(): string } {
  const raw: string[] = []
  const log = createLog('info', { write: (line: string) => void raw.push(line) })
  return {
    log,
    get lines() {
      return raw.map((l) => JSON.parse(l) as Record<string, unknown>)
    },
    text: () => raw.join(''),
  }
}
