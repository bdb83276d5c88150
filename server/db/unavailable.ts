/**
 * Errors that mean "the database cannot serve us right now" rather than "this request is
 * wrong": refused or dropped connections, connect timeouts, a server shutting down or starting
 * up, a statement cancelled by its timeout, a full disk. Callers answer these with 503.
 */
const CLIENT_CODES = new Set([
  'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT',
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
])
// SQLSTATE: 08xxx connection exception, 57P01–57P03 shutdown / cannot connect now, 57014 statement
// timeout, 53xxx insufficient resources (disk full, out of memory, too many connections).
const SERVER_CODES = /^(08...|57P0[123]|57014|53...)$/

export function isDatabaseUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return false
  return CLIENT_CODES.has(code) || SERVER_CODES.test(code)
}

// SQLSTATE 53100 disk_full (PostgreSQL, and PGlite writing its data folder); ENOSPC and EDQUOT
// from the server's own writes to the data folder.
const FULL_CODES = new Set(['53100', 'ENOSPC', 'EDQUOT'])

/**
 * Which 503 an error deserves: STORAGE_FULL when the disk is full (waiting a moment will not
 * help, and the guardian should phone), UNAVAILABLE for the other outages, null for the rest.
 */
export function unavailableCode(err: unknown): 'STORAGE_FULL' | 'UNAVAILABLE' | null {
  const code = (err as { code?: unknown } | null)?.code
  if (typeof code === 'string' && FULL_CODES.has(code)) return 'STORAGE_FULL'
  return isDatabaseUnavailable(err) ? 'UNAVAILABLE' : null
}
