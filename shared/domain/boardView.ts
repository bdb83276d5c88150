import type { DayEntry, DaySnapshot } from '../protocol/day.js'
import { minutesOfTime, schoolDateOf, schoolMinutesOf } from '../time/schoolTime.js'

/**
 * What the board derives from its data and the clock, kept pure so it is unit-tested:
 * badges, what stands out, which classes still owe the roll, dimming and the anti-burn-in shift.
 * Everything is recomputed from the time on each tick, so nothing can get stuck.
 */

export interface Badge {
  kind: 'streak' | 'cumulative'
  /** The days it counts: the streak, or the year's absences so far. */
  days: number
  /** 1 for the first threshold reached, higher for later ones (stronger colour). */
  level: number
}

/** The school's badge thresholds, as the snapshot carries them. */
export type Thresholds = Pick<DaySnapshot, 'consecutiveAbsenceBadge' | 'cumulativeAbsenceBadges'>

/** The badges an entry earns with the school's thresholds (the counts themselves come from the server). */
export function badgesFor(entry: Pick<DayEntry, 'consecutiveAbsences' | 'cumulativeAbsences'>, t: Thresholds): Badge[] {
  const out: Badge[] = []
  const streak = entry.consecutiveAbsences ?? 0
  if (streak >= t.consecutiveAbsenceBadge) out.push({ kind: 'streak', days: streak, level: 1 })
  const total = entry.cumulativeAbsences ?? 0
  const reached = [...t.cumulativeAbsenceBadges].sort((a, b) => a - b).filter((n) => total >= n).length
  if (reached > 0) out.push({ kind: 'cumulative', days: total, level: reached })
  return out
}

/**
 * The status chip's words, from the page's words for each status. A 遅刻 and an 早退 on one day
 * share one mark whose label says both, so the school's label is shown; 出席停止・忌引 is too wide
 * next to a name, so the entry says which one it is.
 */
export function statusLabel(e: Pick<DayEntry, 'status' | 'codeLabel'>, words: StatusWords): string {
  if ((e.status === 'late' || e.status === 'early_leave') && e.codeLabel) return e.codeLabel
  if (e.status !== 'excused') return words[e.status]
  return e.codeLabel?.includes('忌引') ? words.bereavement : words.suspension
}

/** The chip's own words for each status (the school's code labels are shown as they are). */
export type StatusWords = Record<Exclude<DayEntry['status'], 'excused'> | 'suspension' | 'bereavement', string>

/** 未登校 with no guardian report: must stand out until someone finds out why. */
export function isUnexplained(entry: Pick<DayEntry, 'status' | 'reports'>): boolean {
  return entry.status === 'not_arrived' && entry.reports.length === 0
}

/**
 * Classes that have not taken the roll although the roll-call time has passed on a school day.
 * Before that time, or on another day than the snapshot's, none are marked.
 */
export function classesMissingRoll(
  snap: Pick<DaySnapshot, 'date' | 'timeZone' | 'isSchoolDay' | 'rollCallTime' | 'classes'>,
  nowMs: number,
): Set<number> {
  const out = new Set<number>()
  if (!snap.isSchoolDay || schoolDateOf(nowMs, snap.timeZone) !== snap.date) return out
  if (schoolMinutesOf(nowMs, snap.timeZone) < minutesOfTime(snap.rollCallTime)) return out
  for (const c of snap.classes) if (c.rollTaken === null) out.add(c.id)
  return out
}

/** Outside school hours (before dimBefore or from dimAfter, school-local) the board dims. */
export function isDimmed(nowMs: number, zone: string, dimBefore: string, dimAfter: string): boolean {
  const m = schoolMinutesOf(nowMs, zone)
  return m < minutesOfTime(dimBefore) || m >= minutesOfTime(dimAfter)
}

/** Highlight an entry this long after it changed live. */
export const FRESH_MS = 8000

/**
 * Whether an entry is still highlighted. `nowMs` is the board's last tick, which may be up to
 * a second older than a change that arrived since, so a change slightly "in the future" counts.
 */
export function isFresh(changedAt: number | undefined, nowMs: number): boolean {
  return changedAt !== undefined && changedAt - nowMs < 2000 && nowMs - changedAt < FRESH_MS
}

const SHIFT_STEPS: ReadonlyArray<readonly [number, number]> = [
  [0, 0], [1, 0], [2, 1], [1, 2], [0, 2], [-1, 1], [-2, 0], [-1, -1], [0, -2], [1, -1],
]

/**
 * A few pixels' offset that changes every `periodMs`, so static lines and text do not burn
 * into the panel; small enough that nobody notices and nothing leaves the screen.
 */
export function burnInShift(nowMs: number, periodMs = 5 * 60_000): { x: number; y: number } {
  const [x, y] = SHIFT_STEPS[Math.floor(nowMs / periodMs) % SHIFT_STEPS.length]!
  return { x, y }
}
