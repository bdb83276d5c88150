/** A tiny structured logger: one JSON line per event, so logs stay greppable in production. */
export interface Log {
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
}

export function createLog(level: 'silent' | 'info' | 'debug'): Log {
  const write = (lvl: string, msg: string, fields?: Record<string, unknown>) => {
    if (level === 'silent') return
    process.stderr.write(JSON.stringify({ t: new Date().toISOString(), lvl, msg, ...fields }) + '\n')
  }
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  }
}

export const silentLog: Log = { info() {}, warn() {}, error() {} }
