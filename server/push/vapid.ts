import type { Clock } from '../clock.js'
import type { Q } from '../db/types.js'
import { keepVapidKeys, readVapidKeys, type VapidKeys } from '../data/push.js'
import { loadWebPush } from './deliver.js'

/**
 * The server's VAPID key pair: read from the database, or made and kept there on first use.
 * Two processes starting at once both offer a pair; the first stored wins and both use it.
 */
export async function vapidKeys(q: Q, clock: Clock): Promise<VapidKeys> {
  const kept = await readVapidKeys(q)
  if (kept) return kept
  const fresh = (await loadWebPush()).generateVAPIDKeys()
  return keepVapidKeys(q, fresh, new Date(clock.now()).toISOString())
}
