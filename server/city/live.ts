import type { Log } from '../log.js'
import type { Q } from '../db/types.js'

/** How long a city's changes are gathered before its pages hear of them. */
export const CITY_COALESCE_MS = 1000

export const cityRoom = (cityId: number) => `city:${cityId}`

/**
 * Tells the city's pages that some of its schools changed, without saying what: at the morning
 * peak a city takes 20 reports a second, and each page re-reads the aggregates anyway, so the
 * changes of one city are gathered for CITY_COALESCE_MS and sent as one `city:changed` naming
 * the schools. A page can therefore be at most that much (plus its own re-read) behind.
 */
export function cityNotifier(q: Q, log: Log, emit: (room: string, event: { cityId: number; schoolIds: number[] }) => void, coalesceMs = CITY_COALESCE_MS): (schoolId: number) => void {
  // A school never moves to another organisation: its city is looked up once.
  const cityOf = new Map<number, number | null>()
  const pending = new Map<number, Set<number>>()

  const flush = (cityId: number) => {
    const schools = pending.get(cityId)
    pending.delete(cityId)
    if (schools?.size) emit(cityRoom(cityId), { cityId, schoolIds: [...schools].sort((a, b) => a - b) })
  }
  const queue = (cityId: number, schoolId: number) => {
    const schools = pending.get(cityId)
    if (schools) return void schools.add(schoolId)
    pending.set(cityId, new Set([schoolId]))
    setTimeout(() => flush(cityId), coalesceMs).unref()
  }

  return (schoolId) => {
    const known = cityOf.get(schoolId)
    if (known !== undefined) {
      if (known !== null) queue(known, schoolId)
      return
    }
    q<{ organisationId: number | null }[]>`select organisation_id from school where id = ${schoolId}`
      .then(([row]) => {
        const cityId = row?.organisationId ?? null
        cityOf.set(schoolId, cityId)
        if (cityId !== null) queue(cityId, schoolId)
      })
      // A missed notice costs the city pages one refresh; the page also re-reads on reconnect.
      .catch((err: unknown) => log.warn('city lookup failed', { schoolId, err: String(err) }))
  }
}
