import { DateTime } from 'luxon'
import { EMPTY_COUNTS } from '../../shared/domain/register.js'
import type { RegisterCell, RegisterCode, RegisterMonth, RegisterPupil } from '../../shared/protocol/register.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { getSchool } from '../data/schools.js'
import type { Q } from '../db/types.js'
import { AppError } from '../errors.js'
import { readableClass, readableClasses } from './access.js'
import { registerCounts, schoolDaysOf } from './counts.js'

/** The first and last date of `YYYY-MM`. */
export function monthRange(month: string): { from: string; to: string } {
  const d = DateTime.fromISO(`${month}-01`, { zone: 'utc' })
  return { from: d.toISODate()!, to: d.endOf('month').toISODate()! }
}

/**
 * One class's register for a month: the grid of current marks and, per pupil, the counts for
 * the month and for the school year so far. Counts stop at `today`: days still to come are
 * not yet 出席. All counting happens in the database (counts.ts).
 */
export async function registerMonth(q: Q, who: StaffPrincipal, classId: number, month: string, today: string): Promise<RegisterMonth> {
  const cls = await readableClass(q, who, 'register.read', classId)
  const { from, to } = monthRange(month)
  if (to < cls.year.startsOn || from > cls.year.endsOn) throw new AppError('DATE_OUTSIDE_SCHOOL_YEAR')
  const school = (await getSchool(q, who.schoolId))!
  const yearDays = await schoolDaysOf(q, who.schoolId, cls.year.startsOn, to < cls.year.endsOn ? to : cls.year.endsOn)
  const days = yearDays.filter((d) => d >= from)
  const counted = yearDays.filter((d) => d <= today)
  const counts = new Map((await registerCounts(q, { schoolId: who.schoolId, schoolYearId: cls.year.id, yearDays: counted, periodFrom: from, classId })).map((c) => [c.pupilId, c]))

  const pupils = await q<Omit<RegisterPupil, 'cells' | 'month' | 'year' | 'streak'>[]>`
    select p.id as pupil_id, m.attendance_number, p.family_name || ' ' || p.given_name as name,
           p.family_kana || ' ' || p.given_kana as kana, p.enrolled_on, p.left_on
    from class_membership m join pupil p on p.id = m.pupil_id
    where m.class_id = ${classId} order by m.attendance_number`
  const marks = await q<{ pupilId: number; date: string; codeId: number | null; rows: number }[]>`
    select a.pupil_id, a.date, a.code_id,
           -- More than one row: the day was corrected (the register shows it).
           (select count(*)::int from attendance_log l where l.pupil_id = a.pupil_id and l.date = a.date) as rows
    from attendance_mark a
    where a.school_id = ${who.schoolId} and a.date between ${from} and ${to}
      and a.pupil_id in (select pupil_id from class_membership where class_id = ${classId})`
  const closures = await q<{ fromDate: string; toDate: string }[]>`
    select from_date, to_date from class_closure
    where school_id = ${who.schoolId} and school_year_id = ${cls.year.id} and (class_id = ${classId} or grade = ${cls.grade})
      and to_date >= ${from} and from_date <= ${to}`
  const codes = await q<RegisterCode[]>`
    select id, code, label, short_label, counts_absent, excused, provisional from attendance_code
    where school_id = ${who.schoolId} order by sort_order, id`
  const codeById = new Map(codes.map((c) => [c.id, c]))

  const cellsOf = new Map<number, Record<string, RegisterCell>>()
  const cell = (pupilId: number, date: string): RegisterCell => {
    if (!cellsOf.has(pupilId)) cellsOf.set(pupilId, {})
    return (cellsOf.get(pupilId)![date] ??= { codeId: null, shortLabel: null, label: null, corrected: false, closed: false })
  }
  for (const m of marks) {
    const c = cell(m.pupilId, m.date)
    const code = m.codeId === null ? null : codeById.get(m.codeId)
    Object.assign(c, { codeId: m.codeId, shortLabel: code?.shortLabel ?? null, label: code?.label ?? null, corrected: Number(m.rows) > 1 })
  }
  for (const p of pupils) for (const d of days) if (closures.some((c) => d >= c.fromDate && d <= c.toDate)) cell(p.pupilId, d).closed = true

  return {
    ok: true,
    schoolName: school.name,
    classId,
    classLabel: cls.label,
    month,
    days,
    classes: await readableClasses(q, who, cls.year.id),
    codes,
    pupils: pupils.map((p) => {
      const c = counts.get(p.pupilId)
      return { ...p, cells: cellsOf.get(p.pupilId) ?? {}, month: c?.period ?? EMPTY_COUNTS, year: c?.year ?? EMPTY_COUNTS, streak: c?.streak ?? 0 }
    }),
    consecutiveAbsenceBadge: school.settings.consecutiveAbsenceBadge,
    cumulativeAbsenceBadges: school.settings.cumulativeAbsenceBadges,
  }
}
