import type { DaySnapshot } from '../../shared/protocol/index.js'
import { redactForBoard, redactHealth } from './entries.js'

type Build = (schoolId: number, date: string) => Promise<DaySnapshot>

interface Line {
  running: Promise<DaySnapshot> | null
  /** Requests that came while a build was running: they share the build after it. */
  waiting: { resolve(s: DaySnapshot): void; reject(err: unknown): void }[]
}

/**
 * One snapshot build for all the pages of a school and date that ask at once (a reconnect
 * storm). A request never joins a build that is already running: that build may have read the
 * day before the change that made the page ask, so the request waits for the next one, which
 * starts when the running one ends and serves everyone who asked meanwhile. Every page thus
 * gets a snapshot taken after it asked, and N pages asking together cost at most two builds,
 * all of whose pages get the same sequence number.
 */
export class SharedSnapshots {
  private readonly lines = new Map<string, Line>()
  /** Builds started, for tests and the storm benchmark. */
  builds = 0

  constructor(private readonly build: Build) {}

  get(schoolId: number, date: string): Promise<DaySnapshot> {
    const key = `${schoolId}:${date}`
    let line = this.lines.get(key)
    if (!line) this.lines.set(key, (line = { running: null, waiting: [] }))
    if (!line.running) return this.start(key, line, schoolId, date)
    return new Promise((resolve, reject) => line.waiting.push({ resolve, reject }))
  }

  private start(key: string, line: Line, schoolId: number, date: string): Promise<DaySnapshot> {
    this.builds++
    const running = this.build(schoolId, date)
    line.running = running
    const done = () => {
      line.running = null
      const waiting = line.waiting.splice(0)
      if (waiting.length === 0) return void this.lines.delete(key)
      this.start(key, line, schoolId, date).then(
        (s) => waiting.forEach((w) => w.resolve(s)),
        (err: unknown) => waiting.forEach((w) => w.reject(err)),
      )
    }
    running.then(done, done)
    return running
  }
}

/**
 * What one reader may see of a full snapshot (built with health notes and messages): a board
 * never sees symptoms, and messages only where the school shows them; staff without the
 * health-note role see no symptoms. Builds a new object: the full one is shared.
 */
export function snapshotFor(full: DaySnapshot, reader: { forBoard: boolean; healthNotes: boolean }): DaySnapshot {
  if (reader.forBoard) return { ...full, entries: full.entries.map((e) => redactForBoard(e, full.boardShowsMessages)) }
  if (!reader.healthNotes) return { ...full, entries: full.entries.map(redactHealth) }
  return full
}
