/**
 * postgres.js 3.4.9 (the latest release) can throw from a `setImmediate` after a connection
 * closed: `nextWrite` writes a buffered message to a socket its `closed()` handler already set
 * to null (porsager/postgres issues 1066, 1154, 1208; the guard in pull request 1168 is not
 * released). By then the driver has rejected the affected query with CONNECTION_CLOSED, so the
 * write is moot; but thrown from an immediate it is an uncaught exception that ends the
 * process. This recognises exactly that error so the process can survive it.
 */
export function isPostgresNullSocketWrite(err: unknown): boolean {
  if (!(err instanceof TypeError)) return false
  const stack = err.stack ?? ''
  return /\bnull\b.*\bwrite\b/.test(err.message) && /nextWrite/.test(stack) && /postgres[\\/](src|cjs[\\/]src)[\\/]connection\.js/.test(stack)
}
