import type { Q } from './types.js'

/** Whether the database answers a trivial query. */
export async function databaseAnswers(q: Q): Promise<boolean> {
  try {
    await q`select 1`
    return true
  } catch {
    return false
  }
}
