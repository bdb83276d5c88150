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
