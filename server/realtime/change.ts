import type { SchoolPart } from '../../shared/protocol/index.js'
import type { SchoolOnDate } from '../data/schools.js'
import type { Sql, Tx } from '../db/types.js'
import { beginChange, dayChange, schoolChange, type Change, type ClassDay, type Publish, type PupilDay } from './changes.js'
import { publishQueue } from './publishQueue.js'
import { safetyChange } from '../safety/event.js'

export interface ChangeDeps {
  sql: Sql
  publish: Publish
}

/** What a write tells runChange about what it changed. */
export interface ChangeScope {
  /** The school's sequence number of this change (attendance_log rows carry it). */
  readonly seq: number
  /** These pupil-days may look different now; their entries are computed at the end. */
  pupilDays(days: readonly PupilDay[]): void
  /** These classes' own state (roll taken) changed on these dates. */
  classDays(days: readonly ClassDay[]): void
  /** These parts of the school changed: pages reload them (and the pupil-days with them). */
  school(...parts: SchoolPart[]): void
  /**
   * The school change concerns these pupils' families too (a survey published to them, closed,
   * a reminder): their guardians' pages hear `family:school` and re-read.
   */
  families(pupilIds: readonly number[]): void
  /**
   * This 安否確認 changed (started, answered, reminded, closed): boards and staff get its tally,
   * the families of these pupils are told to re-read.
   */
  safety(confirmationId: number, pupilIds?: readonly number[]): void
  /** Nothing changed after all: the transaction rolls back, so the number is not used and pages see no hole. */
  unchanged(): void
  /** The write read the school's day context in this transaction, under the school's lock: the event reuses it instead of reading it again. */
  knows(context: SchoolOnDate): void
}

const ROLLBACK = Symbol('unchanged')

/**
 * The one way to change what a page shows: takes the school's next sequence number (its row
 * lock orders the school's changes), runs the write in the same transaction, computes the
 * event, and publishes it only after commit, in sequence order. Returns what the write returns.
 */
export async function runChange<T>(deps: ChangeDeps, schoolId: number, write: (tx: Tx, change: ChangeScope) => Promise<T>): Promise<T> {
  return runChangeFrom(deps, async (tx) => ({ schoolId, seq: await beginChange(tx, schoolId) }), (tx, change) => write(tx, change))
}

/**
 * runChange for a write whose first statement takes the school's next number itself (as
 * beginChange does: `update school set seq = seq + 1 … returning seq`) together with what it
 * reads, in one round trip; `start` returns the school, the number and that reading. A
 * statement waits for the school's row lock after it has taken its view of the database, so
 * what it read beside the lock may miss a change committed meanwhile: `start` must check
 * (the number is not the one after the one it saw) and read again.
 */
export async function runChangeFrom<S extends { schoolId: number; seq: number }, T>(
  deps: ChangeDeps,
  start: (tx: Tx) => Promise<S>,
  write: (tx: Tx, change: ChangeScope, started: S) => Promise<T>,
): Promise<T> {
  let result!: T
  let settle: ((change: Change | null) => void) | undefined
  let change: Change | null = null
  try {
    change = (await deps.sql.begin(async (tx) => {
      const started = await start(tx)
      settle = publishQueue(deps.publish).take(started.schoolId)
      const scope = new Scope(started.seq)
      result = await write(tx, scope, started)
      if (scope.isUnchanged) throw ROLLBACK
      return scope.event(tx, started.schoolId)
    })) as Change
  } catch (err) {
    settle?.(null)
    if (err === ROLLBACK) return result
    throw err
  }
  settle!(change)
  return result
}

/**
 * runChange for what belongs to a city rather than a school (its alert threshold): the write
 * in a transaction, then `city:changed` naming no school to the city's pages, which re-read.
 * No page holds a sequence of the city's own settings, so there is no number to take.
 */
export async function runCityChange<T>(deps: ChangeDeps, cityId: number, write: (tx: Tx) => Promise<T>): Promise<T> {
  const result = (await deps.sql.begin((tx) => write(tx))) as T
  deps.publish({ kind: 'city', event: { cityId, schoolIds: [] } })
  return result
}

class Scope implements ChangeScope {
  private readonly pupils: PupilDay[] = []
  private readonly classes: ClassDay[] = []
  private readonly parts = new Set<SchoolPart>()
  private readonly familyPupils = new Set<number>()
  private safetyOf: { id: number; pupilIds: Set<number> } | null = null
  private context: SchoolOnDate | undefined
  isUnchanged = false

  constructor(readonly seq: number) {}

  pupilDays(days: readonly PupilDay[]): void {
    this.pupils.push(...days)
  }
  classDays(days: readonly ClassDay[]): void {
    this.classes.push(...days)
  }
  school(...parts: SchoolPart[]): void {
    for (const p of parts) this.parts.add(p)
  }
  safety(confirmationId: number, pupilIds: readonly number[] = []): void {
    if (this.safetyOf && this.safetyOf.id !== confirmationId) throw new Error('a change is about one confirmation')
    this.safetyOf ??= { id: confirmationId, pupilIds: new Set() }
    for (const id of pupilIds) this.safetyOf.pupilIds.add(id)
  }
  families(pupilIds: readonly number[]): void {
    for (const id of pupilIds) this.familyPupils.add(id)
  }
  unchanged(): void {
    this.isUnchanged = true
  }
  knows(context: SchoolOnDate): void {
    this.context = context
  }

  async event(tx: Tx, schoolId: number): Promise<Change> {
    if (this.safetyOf) {
      if (this.parts.size > 0 || this.pupils.length > 0 || this.classes.length > 0) throw new Error('a safety change is only about its confirmation')
      return safetyChange(tx, schoolId, this.seq, this.safetyOf.id, [...this.safetyOf.pupilIds])
    }
    if (this.parts.size > 0) {
      // One change is one event: pages reload the parts, and their pupil-days with them.
      if (this.pupils.length > 0 || this.classes.length > 0) throw new Error('a change is either pupil-days or parts of the school')
      return schoolChange(schoolId, this.seq, this.parts, this.familyPupils)
    }
    // A day change reaches the families of its pupils already (family:changed).
    if (this.familyPupils.size > 0) throw new Error('families are told of a change of parts of the school')
    if (this.pupils.length === 0 && this.classes.length === 0) throw new Error('a change must say what it changed, or call unchanged()')
    return dayChange(tx, schoolId, this.seq, this.pupils, this.classes, this.context)
  }
}
