import type { CommandAck, CommandName, CommandPayload, DayEntry } from '../../../shared/protocol/index.js'

/** Helpers shared by the roll call elements. */

/** Sends a socket command; the page passes DayController.command bound to its socket. */
export type RunCommand = <K extends CommandName>(name: K, payload: CommandPayload<K>) => Promise<CommandAck<K>>

/** A tap at roll call toggles plain present ↔ 未登校; anything else (a report, 遅刻 …) opens the pupil. */
export function tapToggles(entry: DayEntry | undefined): 'not_arrived' | 'present' | null {
  if (!entry || (entry.status === 'present' && entry.reports.length === 0)) return 'not_arrived'
  if (entry.status === 'not_arrived' && entry.reports.length === 0) return 'present'
  return null
}

/** The school-local wall time now, `H:MM`, for the default of a 遅刻/早退 time. */
export function nowTime(timeZone: string, nowMs = Date.now()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(nowMs))
  const h = Number(parts.find((p) => p.type === 'hour')!.value)
  return `${h}:${parts.find((p) => p.type === 'minute')!.value}`
}

/** Whether the roll-call time (`8:30`) has passed, school-local. */
export function rollCallPassed(rollCallTime: string, timeZone: string, nowMs = Date.now()): boolean {
  const toMin = (t: string) => {
    const [h, m] = t.split(':').map(Number)
    return h! * 60 + m!
  }
  return toMin(nowTime(timeZone, nowMs)) >= toMin(rollCallTime)
}
