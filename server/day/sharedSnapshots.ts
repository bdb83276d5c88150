import type { DaySnapshot } from '../../shared/protocol/index.js'
import { SharedReads } from '../db/sharedReads.js'
import { redactForBoard, redactHealth } from './entries.js'
import type { BuiltSnapshot } from './snapshot.js'

/** Builds a school's day; may give back `last` when nothing changed since (buildSnapshotUnlessUnchanged). */
type Build = (schoolId: number, date: string, last: BuiltSnapshot | undefined) => Promise<BuiltSnapshot>

/**
 * One snapshot build for all the pages of a school and date that ask at once (a reconnect
 * storm), by the rule of SharedReads: a page never gets a build that began before it asked, so
 * every page gets a snapshot taken after it asked, and N pages asking together cost at most two
 * builds, all of whose pages get the same sequence number. Each school's latest build (of the
 * day last asked) is kept and offered to the next one, which gives it back when the school's
 * sequence number has not moved: pages arriving one after another over a storm's seconds then
 * cost one short read each instead of the day's entries and badges, so a process reads a school's
 * day once per sequence number.
 */
export class SharedSnapshots {
  private readonly shared = new SharedReads<BuiltSnapshot>()
  private readonly latest = new Map<number, BuiltSnapshot>()

  constructor(private readonly build: Build) {}

  /** Builds started (those that gave back the latest one included), for tests and the storm benchmark. */
  get builds(): number {
    return this.shared.reads
  }

  async get(schoolId: number, date: string): Promise<DaySnapshot> {
    // Kept inside the read: the build queued behind this one starts as soon as it ends, before
    // any asker's await resumes, and must be offered this one.
    const built = await this.shared.read(`${schoolId}:${date}`, async () => {
      const b = await this.build(schoolId, date, this.latest.get(schoolId))
      this.latest.set(schoolId, b)
      return b
    })
    return built.snapshot
  }
}

/**
 * What one reader may see of a full snapshot (built with health notes and messages): a board
 * never sees symptoms, and messages only where the school shows them; staff without the
 * health-note role see no symptoms. The full one is shared, so each view is made once per
 * build and shared too: the hundreds of boards of a storm get one object, not one copy each.
 * Nobody changes a snapshot after it is built.
 */
export function snapshotFor(full: DaySnapshot, reader: { forBoard: boolean; healthNotes: boolean }): DaySnapshot {
  if (!reader.forBoard && reader.healthNotes) return full
  let made = views.get(full)
  if (!made) views.set(full, (made = {}))
  if (reader.forBoard) return (made.board ??= { ...full, entries: full.entries.map((e) => redactForBoard(e, full.boardShowsMessages)) })
  return (made.plain ??= { ...full, entries: full.entries.map(redactHealth) })
}

const views = new WeakMap<DaySnapshot, { board?: DaySnapshot; plain?: DaySnapshot }>()
