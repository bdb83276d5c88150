import type { DayChanged, EntryChange, SafetyChanged, SchoolChanged, SchoolPart } from '../../shared/protocol/index.js'
import { loadClasses } from '../day/classes.js'
import { loadEntries } from '../day/entries.js'
import { getSchool, nextSeq, schoolYearOn } from '../data/schools.js'
import type { Q } from '../db/types.js'

/** A committed change ready to publish: pupil-days (with what the hub needs to redact them for boards), or parts of the school. */
export type Change =
  | { kind: 'day'; event: DayChanged; boardShowsMessages: boolean }
  | { kind: 'school'; event: SchoolChanged }
  /** A 安否確認 changed: its tally for boards and staff, and the pupils whose families hear of it. */
  | { kind: 'safety'; event: SafetyChanged; pupilIds: readonly number[] }

/** Publishes committed changes to the pages (the realtime hub in production, a spy in tests). */
export type Publish = (change: Change) => void

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
 * to plain present) and class infos, computed at the end of the change's transaction.
 */
export async function dayChange(tx: Q, schoolId: number, seq: number, pupilDays: readonly PupilDay[], classDays: readonly ClassDay[]): Promise<Change> {
  const school = (await getSchool(tx, schoolId))!
  const years = new Map<string, Awaited<ReturnType<typeof schoolYearOn>>>()
  const yearOn = async (date: string) => {
    if (!years.has(date)) years.set(date, await schoolYearOn(tx, schoolId, date))
    return years.get(date)!
  }
  const byDate = new Map<string, Set<number>>()
  for (const { pupilId, date } of pupilDays) {
    if (!byDate.has(date)) byDate.set(date, new Set())
    byDate.get(date)!.add(pupilId)
  }
  const changes: EntryChange[] = []
  for (const [date, ids] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
    const year = await yearOn(date)
    const entries = new Map(year ? (await loadEntries(tx, schoolId, year, date, [...ids])).map((e) => [e.pupilId, e]) : [])
    for (const pupilId of ids) changes.push({ date, pupilId, entry: entries.get(pupilId) ?? null })
  }
  const event: DayChanged = { schoolId, seq, changes }
  if (classDays.length > 0) {
    event.classes = []
    for (const { classId, date } of classDays) {
      const year = await yearOn(date)
      if (!year) continue
      for (const classInfo of await loadClasses(tx, year.id, date, [classId])) event.classes.push({ date, classInfo })
    }
  }
  return { kind: 'day', event, boardShowsMessages: school.settings.boardShowsMessages }
}

/** The event of a change to parts of the school; pages reload those parts, so it carries no data. */
export function schoolChange(schoolId: number, seq: number, parts: Iterable<SchoolPart>): Change {
  return { kind: 'school', event: { schoolId, seq, parts: [...new Set(parts)].sort() } }
}
