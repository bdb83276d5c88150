import { safetyBoard } from '../data/safety.js'
import type { Q } from '../db/types.js'
import type { Change } from '../realtime/changes.js'

/**
 * The event of a change to a confirmation, computed at the end of its transaction: the tally
 * while it is open, null once closed (boards leave safety mode).
 */
export async function safetyChange(tx: Q, schoolId: number, seq: number, confirmationId: number, pupilIds: readonly number[]): Promise<Change> {
  const board = await safetyBoard(tx, confirmationId)
  return { kind: 'safety', event: { schoolId, seq, confirmationId, safety: board && !board.closedAt ? board : null }, pupilIds }
}
