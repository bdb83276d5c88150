import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import type { ClassInfo, DaySnapshot, SafetyBoard } from '../../shared/protocol/index.js'
import { isSchoolDay } from '../../shared/domain/calendar.js'
import { schoolOnDate, schoolOnDateDigest, type SchoolOnDate } from '../data/schools.js'
import type { Q, Sql } from '../db/types.js'
import { classesFrom, classesSql } from './classes.js'
import { badgeDays, entriesFrom, entriesSql, redactForBoard, redactHealth } from './entries.js'
import { safetyBoard } from '../data/safety.js'

/** Tries before a snapshot gives up waiting for the school's settings and calendar to hold still (each edit is rare). */
const ATTEMPTS = 3

/**
 * A consistent picture of one school day in two round trips and no transaction: the school,
 * its year and calendar first (the school days the badges count are computed from them in
 * Node), then the sequence number, the classes and the entries in one statement, which sees
 * one state of the database, so applying events after `seq` yields exactly the live state.
 * That statement also fingerprints the school, year and calendar; should one of them have
 * changed in between (a settings or calendar edit), the snapshot starts again.
 */
export async function buildSnapshot(sql: Sql, opts: SnapshotOptions): Promise<DaySnapshot> {
  return (await buildSnapshotUnlessUnchanged(sql, opts)).snapshot
}

type SnapshotOptions = { schoolId: number; date: string; buildId: string; forBoard: boolean; healthNotes?: boolean }

/** A snapshot with the fingerprint of the school, year and calendar it was built from. */
export interface BuiltSnapshot {
  snapshot: DaySnapshot
  digest: string
}

/**
 * As buildSnapshot, but gives back `last` (an earlier build for the same options) after the
 * first round trip when the school has not changed since: the same sequence number (every write
 * a page can see takes the next one, in runChange, 安否確認 answers included) and the same
 * school, year and calendar. Read after the ask, that is exactly what a new build would read.
 */
export async function buildSnapshotUnlessUnchanged(sql: Sql, opts: SnapshotOptions, last?: BuiltSnapshot): Promise<BuiltSnapshot> {
  for (let attempt = 1; ; attempt++) {
    const ctx = await schoolOnDate(sql, opts.schoolId, opts.date)
    if (!ctx) throw new Error(`school ${opts.schoolId} not found`)
    if (last && last.snapshot.date === opts.date && last.snapshot.seq === ctx.seq && last.digest === ctx.digest) return last
    const day = await dayState(sql, ctx, opts.date)
    if (day.digest !== ctx.digest && attempt < ATTEMPTS) continue
    // Only during a 安否確認 does the snapshot read a third time. Its tally may be newer than `seq`,
    // which is harmless: `safety:changed` carries the whole tally, so a later event replaces it.
    const safety = day.openSafetyId === null ? null : await safetyBoard(sql, day.openSafetyId)
    // After the last attempt the settings may be older than the day: such a build is not given back later.
    return { snapshot: snapshotOf(ctx, day, safety, opts), digest: day.digest === ctx.digest ? ctx.digest : '' }
  }
}

interface DayState {
  seq: number
  digest: string
  openSafetyId: number | null
  classes: ClassInfo[]
  entries: ReturnType<typeof entriesFrom>
}

async function dayState(q: Q, ctx: SchoolOnDate, date: string): Promise<DayState> {
  const schoolId = ctx.school.id
  const year = ctx.year
  const [row] = await q<{ seq: number; digest: string; openSafetyId: number | null; classes: unknown[]; entries: unknown[] }[]>`
    select s.seq, ${schoolOnDateDigest(q, schoolId, date)} as digest,
      (select c.id from safety_confirmation c where c.school_id = s.id and c.closed_at is null) as open_safety_id,
      ${year ? q`(select coalesce(json_agg(c), '[]') from (${classesSql(q, schoolId, year.id, date)}) c)` : q`'[]'::json`} as classes,
      ${year ? q`(select coalesce(json_agg(e), '[]') from (${entriesSql(q, schoolId, { year, yearDays: badgeDays(year, date, ctx.calendar) }, date)}) e)` : q`'[]'::json`} as entries
    from school s where s.id = ${schoolId}`
  return {
    seq: row!.seq,
    digest: row!.digest,
    openSafetyId: row!.openSafetyId,
    classes: classesFrom(row!.classes as Parameters<typeof classesFrom>[0]),
    entries: entriesFrom(row!.entries),
  }
}

function snapshotOf(ctx: SchoolOnDate, day: DayState, safety: SafetyBoard | null, opts: { date: string; buildId: string; forBoard: boolean; healthNotes?: boolean }): DaySnapshot {
  const { school } = ctx
  const s = school.settings
  return {
    schoolId: school.id,
    schoolName: school.name,
    timeZone: SCHOOL_ZONE,
    date: opts.date,
    isSchoolDay: !!ctx.year && isSchoolDay(opts.date, ctx.calendar),
    seq: day.seq,
    buildId: opts.buildId,
    boardShowsMessages: s.boardShowsMessages,
    showEraYear: s.showEraYear,
    dimBefore: s.boardDimBefore,
    dimAfter: s.boardDimAfter,
    rollCallTime: s.rollCallTime,
    consecutiveAbsenceBadge: s.consecutiveAbsenceBadge,
    cumulativeAbsenceBadges: s.cumulativeAbsenceBadges,
    classes: day.classes,
    safety,
    entries: opts.forBoard ? day.entries.map((e) => redactForBoard(e, s.boardShowsMessages)) : opts.healthNotes === false ? day.entries.map(redactHealth) : day.entries,
  }
}
