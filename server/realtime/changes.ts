import type { CityChanged, DayChanged, EntryChange, SafetyChanged, SchoolChanged, SchoolPart } from '../../shared/protocol/index.js'
import { loadClasses } from '../day/classes.js'
import { badgeDays, entriesOf } from '../day/entries.js'
import { nextSeq, schoolOnDate, type SchoolOnDate } from '../data/schools.js'
import type { Q } from '../db/types.js'

/** A committed change ready to publish: pupil-days (with what the hub needs to redact them for boards), or parts of the school. */
export type Change =
  | { kind: 'day'; event: DayChanged; boardShowsMessages: boolean }
  /** Parts of the school changed; the families of `familyPupilIds` are told too (a survey addressed to them). */
  | { kind: 'school'; event: SchoolChanged; familyPupilIds: readonly number[] }
  /** A 安否確認 changed: its tally for boards and staff, and the pupils whose families hear of it. */
  | { kind: 'safety'; event: SafetyChanged; pupilIds: readonly number[] }

/** A committed change of a city's own settings: its pages re-read, no school is named. */
export type CityChange = { kind: 'city'; event: CityChanged }

/** Publishes committed changes to the pages (the realtime hub in production, a spy in tests). */
export type Publish = (change: Change | CityChange) => void

export interface PupilDay {
  pupilId: number
  date: string
}
export interface ClassDay {
  classId: number
  date: string
}

/**
 * Starts a change inside its transaction by taking the school's next sequence number. The
 * row lock it holds until commit makes concurrent changes of one school commit in order.
 * Writes that change what pages show use runChange, which calls this; only seeds of a new
 * school (the demo, test loads), which no page can have seen before, take a number on their own.
 */
export const beginChange = nextSeq

/**
 * The event of a change to pupil-days and classes: their new entries (null for a pupil back
 * to plain present) and class infos, computed at the end of the change's transaction. Two
 * round trips a date (the school's day context, then the entries), one when the write passes
 * the context it already read in this transaction (`known`) and it covers the date.
 */
export async function dayChange(tx: Q, schoolId: number, seq: number, pupilDays: readonly PupilDay[], classDays: readonly ClassDay[], known?: SchoolOnDate): Promise<Change> {
  const contexts = new Map<string, SchoolOnDate>()
  const contextOn = async (date: string): Promise<SchoolOnDate> => {
    if (known && covers(known, date)) return known
    if (!contexts.has(date)) {
      const ctx = await schoolOnDate(tx, schoolId, date)
      if (!ctx) throw new Error(`school ${schoolId} not found`)
      contexts.set(date, ctx)
    }
    return contexts.get(date)!
  }
  const byDate = new Map<string, Set<number>>()
  for (const { pupilId, date } of pupilDays) {
    if (!byDate.has(date)) byDate.set(date, new Set())
    byDate.get(date)!.add(pupilId)
  }
  let school = known?.school
  const changes: EntryChange[] = []
  for (const [date, ids] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
    const ctx = await contextOn(date)
    school ??= ctx.school
    const year = ctx.year
    const entries = new Map(year ? (await entriesOf(tx, schoolId, { year, yearDays: badgeDays(year, date, ctx.calendar) }, date, [...ids])).map((e) => [e.pupilId, e]) : [])
    for (const pupilId of ids) changes.push({ date, pupilId, entry: entries.get(pupilId) ?? null })
  }
  const event: DayChanged = { schoolId, seq, changes }
  if (classDays.length > 0) {
    event.classes = []
    for (const { classId, date } of classDays) {
      const ctx = await contextOn(date)
      school ??= ctx.school
      if (!ctx.year) continue
      for (const classInfo of await loadClasses(tx, schoolId, ctx.year.id, date, [classId])) event.classes.push({ date, classInfo })
    }
  }
  return { kind: 'day', event, boardShowsMessages: school!.settings.boardShowsMessages }
}

/** Whether a day context read for one date serves another: same school year, and its calendar reaches that far. */
function covers(ctx: SchoolOnDate, date: string): boolean {
  return !!ctx.year && ctx.year.startsOn <= date && date <= ctx.year.endsOn && ctx.calendarFrom === ctx.year.startsOn && date <= ctx.calendarTo
}

/** The event of a change to parts of the school; pages reload those parts, so it carries no data. */
export function schoolChange(schoolId: number, seq: number, parts: Iterable<SchoolPart>, familyPupilIds: Iterable<number> = []): Change {
  return { kind: 'school', event: { schoolId, seq, parts: [...new Set(parts)].sort() }, familyPupilIds: [...new Set(familyPupilIds)] }
}
