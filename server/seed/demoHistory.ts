import { DateTime } from 'luxon'
import type { ReportKind } from '../../shared/domain/attendance.js'
import { absenceText, ABSENCE_REASONS, bereavementText, earlyLeaveText, lateText, suspensionText, type ReportText } from './demoTexts.js'
import type { Random } from './random.js'

/**
 * A few weeks of guardian reports before "today", planned in memory: ~3–5 % of pupils away
 * each day, a few illnesses over several days, one long absence (for the 連続/累計 badges),
 * the printed demo families' own history, and reports for today and the next school day so
 * the board has something on first start. Pure: the writer (historyWriter.ts) stores it.
 */

export interface HistoryPupil {
  pupilId: number
  family: number
  grade: number
  enrolledOn: string
  guardianIds: number[]
  /** Acknowledges the pupil's reports in the current school year. */
  homeroomStaffId: number
}

export interface HistoryInput {
  nowMs: number
  timeZone: string
  today: string
  yearStartsOn: string
  /** School days before today, oldest first (about four weeks). */
  pastDays: string[]
  todayIsSchoolDay: boolean
  /** The next school day after today in this school year, if any. */
  nextDay: string | null
  pupils: HistoryPupil[]
  vicePrincipalId: number
}

export interface PlannedReport extends ReportText {
  pupilId: number
  kind: ReportKind
  days: string[]
  time: string | null
  ack: { staffId: number; at: string } | null
}

export interface PlannedSubmission {
  guardianId: number
  submittedAt: string
  reports: PlannedReport[]
}

interface Entry {
  pupil: HistoryPupil
  kind: ReportKind
  days: string[]
  text: ReportText & { time?: string }
}

/** The demo families with printed logins (hogosha1, hogosha2) get hand-written history only. */
const FEATURED_FAMILIES = new Set([0, 1])

export function planHistory(rnd: Random, input: HistoryInput): PlannedSubmission[] {
  return new HistoryPlanner(rnd, input).plan()
}

class HistoryPlanner {
  private readonly busy = new Set<string>()
  private readonly out: PlannedSubmission[] = []
  private readonly current: string[]
  private readonly now: DateTime

  constructor(private readonly rnd: Random, private readonly input: HistoryInput) {
    this.current = [...input.pastDays, ...(input.todayIsSchoolDay ? [input.today] : [])]
    this.now = DateTime.fromMillis(input.nowMs, { zone: input.timeZone })
  }

  plan(): PlannedSubmission[] {
    this.scripted()
    this.everyday()
    return this.out.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
  }

  /** The stories a demo should show whatever the random draw. */
  private scripted(): void {
    const { pastDays: past, nextDay } = this.input
    const last = (n: number) => this.current.slice(-n)
    /** `count` school days starting `from` school days before today. */
    const ago = (from: number, count: number) => (past.length < from ? [] : past.slice(past.length - from, past.length - from + count))

    // A long absence reaching today: 連続欠席 and, past ten days, the 累計 badge.
    const long = this.pickPupil(last(12), (p) => p.grade >= 3 && p.grade <= 5)
    if (long) this.dailyAbsence(long, last(12), ['頭痛', 'その他'])

    // Fever since the day before yesterday: a three-day streak on today's board.
    const feverish = this.pickPupil(last(3), (p) => p.grade === 2)
    if (feverish) this.dailyAbsence(feverish, last(3), ['発熱'])

    // A cold over four days two weeks ago, reported each morning.
    const cold = this.pickPupil(ago(10, 4), (p) => p.grade === 5)
    if (cold) this.dailyAbsence(cold, ago(10, 4), ['かぜ症状'])

    // インフルエンザ: one report for the days the doctor said (出席停止, not counted as 欠席).
    const flu = ago(16, 5)
    const fluPupil = this.pickPupil(flu, (p) => p.grade === 3)
    if (fluPupil && flu.length > 0) this.submit(fluPupil.guardianIds[0]!, [{ pupil: fluPupil, kind: 'absent', days: flu, text: suspensionText(this.rnd, 'インフルエンザ', monthDay(flu.at(-1)!)) }])
    const covid = ago(20, 4)
    const covidPupil = this.pickPupil(covid, (p) => p.grade === 6)
    if (covidPupil && covid.length > 0) this.submit(covidPupil.guardianIds[0]!, [{ pupil: covidPupil, kind: 'absent', days: covid, text: suspensionText(this.rnd, '新型コロナ', monthDay(covid.at(-1)!)) }])

    const mourning = ago(6, 2)
    const mourner = this.pickPupil(mourning, () => true)
    if (mourner && mourning.length > 0) this.submit(mourner.guardianIds[0]!, [{ pupil: mourner, kind: 'absent', days: mourning, text: bereavementText() }])

    // Two siblings down with the same cold: one form, two reports.
    const together = ago(8, 1)
    const family = this.rnd.shuffle(this.families()).find((kids) => kids.length >= 2 && kids.every((k) => this.isFree(k, together)))
    if (family && together.length > 0) {
      const text = { ...absenceText(this.rnd, 'かぜ症状'), message: '二人ともかぜをひいてしまったため、お休みします。' }
      this.submit(family[0]!.guardianIds[0]!, family.slice(0, 2).map((pupil) => ({ pupil, kind: 'absent' as const, days: together, text })))
    }

    // hogosha1 (a 1年1組 child and an older sibling) and hogosha2 (one 1年1組 child).
    const [younger, older] = this.pupilsOf(0)
    const [only] = this.pupilsOf(1)
    if (younger && older) {
      this.submit(younger.guardianIds[0]!, [younger, older].map((pupil) => ({
        pupil, kind: 'absent' as const, days: ago(13, 1), text: { ...absenceText(this.rnd, '家庭の事情'), message: '親戚の法事のため、お休みします。' },
      })))
      this.dailyAbsence(younger, ago(6, 2), ['発熱'])
      this.submit(older.guardianIds[0]!, [{ pupil: older, kind: 'late', days: ago(3, 1), text: { reason: '通院', time: '9:40', message: '通院のため2時間目から登校します。', symptoms: [], temperature: null } }])
    }
    if (only) {
      this.submit(only.guardianIds[0]!, [{ pupil: only, kind: 'early_leave', days: ago(4, 1), text: { reason: '通院', time: '13:30', message: '歯科の予約があるため、13:30に迎えに行きます。', symptoms: [], temperature: null } }])
    }

    // Reported ahead for the next school day: the board shows tomorrow too.
    if (nextDay) {
      const ahead: [ReportKind, ReportText & { time?: string }][] = [
        ['late', lateText(this.rnd)],
        ['early_leave', earlyLeaveText(this.rnd)],
        ['absent', { ...absenceText(this.rnd, '通院'), message: '大学病院の検査のため、お休みします。' }],
      ]
      for (const [kind, text] of ahead) {
        const pupil = this.pickPupil([nextDay], () => true)
        if (pupil) this.submit(pupil.guardianIds[0]!, [{ pupil, kind, days: [nextDay], text }])
      }
    }
  }

  /** The ordinary mornings: a handful of 欠席・遅刻・早退 every school day. */
  private everyday(): void {
    const pupils = this.input.pupils.length
    this.current.forEach((day, i) => {
      const episodes = Math.round(pupils * (0.02 + this.rnd.next() * 0.015))
      for (let n = 0; n < episodes; n++) {
        const kind = this.rnd.weighted<ReportKind>([['absent', 70], ['late', 18], ['early_leave', 12]])
        if (kind !== 'absent') {
          const pupil = this.pickPupil([day], () => true)
          if (pupil) this.submit(this.guardianOf(pupil), [{ pupil, kind, days: [day], text: kind === 'late' ? lateText(this.rnd) : earlyLeaveText(this.rnd) }])
          continue
        }
        const reason = this.rnd.weighted(ABSENCE_REASONS)
        const illness = reason === '発熱' || reason === 'かぜ症状' || reason === '腹痛'
        const length = illness ? this.rnd.weighted([[1, 75], [2, 20], [3, 5]]) : 1
        const days = this.current.slice(i, i + length)
        const pupil = this.pickPupil(days, () => true)
        if (pupil) this.dailyAbsence(pupil, days, [reason])
      }
    })
  }

  /** An absence over several mornings, one report each morning ("今日もお休みします"). */
  private dailyAbsence(pupil: HistoryPupil, days: string[], reasons: string[]): void {
    const guardianId = this.guardianOf(pupil)
    days.forEach((day, i) => {
      const reason = i === 0 ? reasons[0]! : this.rnd.pick(reasons)
      this.submit(guardianId, [{ pupil, kind: 'absent', days: [day], text: absenceText(this.rnd, reason, i > 0) }])
    })
  }

  /** One form: a report per entry. Entries for days a pupil was not yet enrolled (or already has a report) are dropped. */
  private submit(guardianId: number, all: Entry[]): void {
    const entries = all.filter((e) => e.days.length > 0 && this.isFree(e.pupil, e.days))
    const days = entries.flatMap((e) => e.days)
    if (days.length === 0) return
    for (const e of entries) for (const d of e.days) this.busy.add(`${e.pupil.pupilId}|${d}`)
    const first = days.reduce((a, b) => (a < b ? a : b))
    const submittedAt = this.submittedAt(first)
    this.out.push({
      guardianId,
      submittedAt: submittedAt.toUTC().toISO()!,
      reports: entries.map((e) => {
        const { time, ...text } = e.text
        return { ...text, pupilId: e.pupil.pupilId, kind: e.kind, days: e.days, time: time ?? null, ack: this.ack(e.pupil, e.days[0]!, submittedAt) }
      }),
    })
  }

  /** Early morning of the first day, sometimes the evening before; never after "now". */
  private submittedAt(first: string): DateTime {
    const { today, timeZone } = this.input
    if (first > today) return this.now.minus({ minutes: this.rnd.int(5, 240) })
    const day = DateTime.fromISO(first, { zone: timeZone })
    const at = this.rnd.chance(0.75)
      ? day.set({ hour: 6, minute: 10 }).plus({ minutes: this.rnd.int(0, 125) })
      : day.minus({ days: 1 }).set({ hour: 19, minute: 0 }).plus({ minutes: this.rnd.int(0, 210) })
    return at < this.now ? at : this.now.minus({ minutes: this.rnd.int(2, 45) })
  }

  /**
   * 確認済 for most past reports, by the homeroom teacher in the morning (or the 教頭, who
   * takes the early calls); today's only once the staff room has opened, and about half.
   */
  private ack(pupil: HistoryPupil, first: string, submittedAt: DateTime): PlannedReport['ack'] {
    const { today, timeZone, vicePrincipalId, yearStartsOn } = this.input
    const opens = DateTime.fromISO(first, { zone: timeZone }).set({ hour: 7, minute: 40 })
    const staffId = first < yearStartsOn || this.rnd.chance(0.15) ? vicePrincipalId : pupil.homeroomStaffId
    if (first < today) {
      if (!this.rnd.chance(0.93)) return null
      const earliest = submittedAt > opens ? submittedAt : opens
      return { staffId, at: earliest.plus({ minutes: this.rnd.int(3, 40) }).toUTC().toISO()! }
    }
    if (first > today || this.now < opens || !this.rnd.chance(0.5)) return null
    const earliest = submittedAt > opens ? submittedAt : opens
    const at = earliest.plus({ minutes: this.rnd.int(1, 20) })
    return { staffId, at: (at < this.now ? at : this.now).toUTC().toISO()! }
  }

  private guardianOf(pupil: HistoryPupil): number {
    return this.rnd.pick(pupil.guardianIds)
  }

  private isFree(pupil: HistoryPupil, days: string[]): boolean {
    return days.every((d) => d >= pupil.enrolledOn && !this.busy.has(`${pupil.pupilId}|${d}`))
  }

  /** A random pupil (outside the featured families) enrolled and without a report on those days. */
  private pickPupil(days: string[], fits: (p: HistoryPupil) => boolean): HistoryPupil | null {
    if (days.length === 0) return null
    for (let tries = 0; tries < 50; tries++) {
      const p = this.rnd.pick(this.input.pupils)
      if (!FEATURED_FAMILIES.has(p.family) && fits(p) && this.isFree(p, days)) return p
    }
    return null
  }

  private pupilsOf(family: number): HistoryPupil[] {
    return this.input.pupils.filter((p) => p.family === family).sort((a, b) => a.grade - b.grade)
  }

  private families(): HistoryPupil[][] {
    const byFamily = new Map<number, HistoryPupil[]>()
    for (const p of this.input.pupils) if (!FEATURED_FAMILIES.has(p.family)) byFamily.set(p.family, [...(byFamily.get(p.family) ?? []), p])
    return [...byFamily.values()]
  }
}

/** `2026-11-18` → `11月18日`, as a parent would write it. */
function monthDay(date: string): string {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日`
}
