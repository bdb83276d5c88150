import type { DayChanged, EntryChange } from '../../shared/protocol/index.js'
import { loadClasses } from '../day/classes.js'
import { loadEntries } from '../day/entries.js'
import { getSchool, nextSeq, type SchoolYear } from '../data/schools.js'
import type { Q } from '../db/types.js'

/** A committed change ready to publish, with what the hub needs to redact it for boards. */
export interface Change {
  event: DayChanged
  boardShowsMessages: boolean
}

/** Publishes committed changes to the pages (the realtime hub in production, a spy in tests). */
export type Publish = (change: Change) => void

/**
 * Starts a change inside its transaction by taking the school's next sequence number. The
 * row lock it holds until commit makes concurrent changes of one school commit in order.
 */
export const beginChange = nextSeq

/**
 * Records that some pupil-days changed, at the end of the change's transaction: computes the
 * new entries and stores the event under `seq`. The caller publishes the returned change only
 * after commit, so no page ever sees an uncommitted state.
 */
export async function recordChange(
  tx: Q,
  schoolId: number,
  seq: number,
  year: SchoolYear,
  pupilDays: { pupilId: number; date: string }[],
  /** Classes whose own state changed (roll taken) on a date. */
  classDays: { classId: number; date: string }[] = [],
): Promise<Change> {
  const school = (await getSchool(tx, schoolId))!
  const byDate = new Map<string, Set<number>>()
  for (const { pupilId, date } of pupilDays) {
    if (!byDate.has(date)) byDate.set(date, new Set())
    byDate.get(date)!.add(pupilId)
  }
  const changes: EntryChange[] = []
  for (const [date, ids] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
    const entries = new Map((await loadEntries(tx, schoolId, year, date, [...ids])).map((e) => [e.pupilId, e]))
    for (const pupilId of ids) changes.push({ date, pupilId, entry: entries.get(pupilId) ?? null })
  }
  const event: DayChanged = { schoolId, seq, changes }
  if (classDays.length > 0) {
    event.classes = []
    for (const { classId, date } of classDays) {
      for (const classInfo of await loadClasses(tx, year.id, date, [classId])) event.classes.push({ date, classInfo })
    }
  }
  await tx`insert into school_event (school_id, seq, kind, payload) values (${schoolId}, ${seq}, 'day:changed', ${tx.json(event as never)})`
  return { event, boardShowsMessages: school.settings.boardShowsMessages }
}
