import type { DaySnapshot } from '../../shared/protocol/index.js'
import { SharedReads } from '../db/sharedReads.js'
import { redactForBoard, redactHealth } from './entries.js'

type Build = (schoolId: number, date: string) => Promise<DaySnapshot>

/**
 * One snapshot build for all the pages of a school and date that ask at once (a reconnect
 * storm), by the rule of SharedReads: a page never gets a build that began before it asked, so
 * every page gets a snapshot taken after it asked, and N pages asking together cost at most two
 * builds, all of whose pages get the same sequence number.
 */
export class SharedSnapshots {
  private readonly shared = new SharedReads<DaySnapshot>()

  constructor(private readonly build: Build) {}

  /** Builds started, for tests and the storm benchmark. */
  get builds(): number {
    return this.shared.reads
  }

  get(schoolId: number, date: string): Promise<DaySnapshot> {
    return this.shared.read(`${schoolId}:${date}`, () => this.build(schoolId, date))
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
