import { COUNT_COLUMNS } from '../../shared/domain/register.js'
import { LONG_ABSENCE_REASON_LABEL, type LongAbsenceReason } from '../../shared/protocol/guidance.js'
import { recordAudit } from '../audit/record.js'
import { readsHealthNotes } from '../auth/guards.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { getSchool, schoolYearOn } from '../data/schools.js'
import type { Q } from '../db/types.js'
import { AppError } from '../errors.js'
import { toCsv } from '../register/csv.js'
import { registerCounts, schoolDaysOf } from '../register/counts.js'
import { monthRange } from '../register/month.js'

/** 長期欠席: 30 or more 欠席 days in the school year (MEXT survey definition). */
export const LONG_ABSENCE_DAYS = 30

/**
 * The monthly long-term-absence list for the board of education: pupils at or above 30 欠席
 * days in the school year up to the end of the month (or `today`), with the reason category
 * staff chose. No memo: it is internal.
 */
export async function longAbsenceCsv(q: Q, who: StaffPrincipal, month: string, today: string): Promise<string> {
  const { from, to: monthEnd } = monthRange(month)
  const to = monthEnd < today ? monthEnd : today
  const year = await schoolYearOn(q, who.schoolId, from)
  if (!year) throw new AppError('DATE_OUTSIDE_SCHOOL_YEAR')
  const yearDays = await schoolDaysOf(q, who.schoolId, year.startsOn, to)
  const counts = (await registerCounts(q, { schoolId: who.schoolId, schoolYearId: year.id, yearDays, periodFrom: from })).filter((c) => c.year.absentDays >= LONG_ABSENCE_DAYS)
  const ids = counts.map((c) => c.pupilId)
  const people = new Map((await q<{ pupilId: number; grade: number; className: string; attendanceNumber: number; name: string; kana: string; reason: LongAbsenceReason | null; reportedAt: string | null }[]>`
    select m.pupil_id, sc.grade, sc.name as class_name, m.attendance_number, p.family_name || ' ' || p.given_name as name,
           p.family_kana || ' ' || p.given_kana as kana, n.long_absence_reason as reason, n.reported_to_board_at as reported_at
    from class_membership m join school_class sc on sc.id = m.class_id join pupil p on p.id = m.pupil_id
    left join guidance_note n on n.pupil_id = m.pupil_id and n.school_year_id = m.school_year_id
    where m.school_year_id = ${year.id} and m.pupil_id = any(${ids}::int[])`).map((r) => [r.pupilId, r]))
  const rows = counts
    .map((c) => ({ c, p: people.get(c.pupilId)! }))
    .sort((a, b) => a.p.grade - b.p.grade || a.p.className.localeCompare(b.p.className) || a.p.attendanceNumber - b.p.attendanceNumber)
    .map(({ c, p }) => [p.grade, p.className, p.attendanceNumber, p.name, p.kana, c.year.absentDays, c.period.absentDays, c.year.excusedDays, c.year.schoolDays,
      p.reason ? LONG_ABSENCE_REASON_LABEL[p.reason] : '未選択', p.reportedAt ? p.reportedAt.slice(0, 10) : ''])
  return toCsv([
    ['学年', '学級', '番号', '氏名', 'ふりがな', '欠席日数(年度累計)', '欠席日数(当月)', COUNT_COLUMNS[1]!.label, COUNT_COLUMNS[0]!.label, '理由区分', '教育委員会報告日'],
    ...rows,
  ])
}

/**
 * Daily absentees by class and symptom, in the shape of the school absence and infectious
 * disease information system (学校等欠席者・感染症情報システム): per class the enrolment, 欠席,
 * 出席停止・忌引等 (as the register counts the day: a closure of the class makes it 出席停止・
 * 忌引等, a non-school day has neither), then one column per reason and per symptom the
 * families reported for those pupils. The symptom columns are health notes: only the
 * school's health-note roles get them.
 */
export async function dailyAbsenteesCsv(q: Q, who: StaffPrincipal, date: string, nowMs: number): Promise<string> {
  const year = await schoolYearOn(q, who.schoolId, date)
  if (!year) throw new AppError('DATE_OUTSIDE_SCHOOL_YEAR')
  const day = await schoolDaysOf(q, who.schoolId, date, date)
  const counted = await registerCounts(q, { schoolId: who.schoolId, schoolYearId: year.id, yearDays: day, periodFrom: date })
  const kindOf = new Map(counted.map((c) => [c.pupilId, c.period.absentDays > 0 ? 'absent' : c.period.excusedDays > 0 ? 'excused' : null]))
  const classes = await q<{ id: number; grade: number; className: string }[]>`
    select id, grade, name as class_name from school_class where school_year_id = ${year.id} order by grade, sort_order, name`
  const pupils = await q<{ pupilId: number; classId: number; reason: string | null; symptoms: string[] | null }[]>`
    select m.pupil_id, m.class_id, sr.label as reason, r.symptoms
    from class_membership m join pupil p on p.id = m.pupil_id
    left join attendance_mark a on a.pupil_id = m.pupil_id and a.date = ${date}
    left join attendance_log cur on cur.id = a.log_id
    left join guardian_report r on r.id = cur.report_id
    left join school_reason sr on sr.id = r.reason_id
    where m.school_year_id = ${year.id} and p.enrolled_on <= ${date} and (p.left_on is null or p.left_on >= ${date})`
  const rows = classes.map((c) => {
    const mine = pupils.filter((p) => p.classId === c.id)
    const away = mine.filter((p) => kindOf.get(p.pupilId))
    return {
      ...c,
      enrolled: mine.length,
      absent: away.filter((p) => kindOf.get(p.pupilId) === 'absent').length,
      excused: away.filter((p) => kindOf.get(p.pupilId) === 'excused').length,
      reasons: away.flatMap((p) => (p.reason ? [p.reason] : [])),
      symptoms: away.flatMap((p) => p.symptoms ?? []),
    }
  })
  const reasonCols = [...new Set(rows.flatMap((r) => r.reasons))].sort()
  const healthNotes = readsHealthNotes(who, (await getSchool(q, who.schoolId))!)
  const symptomCols = healthNotes ? [...new Set(rows.flatMap((r) => r.symptoms))].sort() : []
  const tally = (xs: string[], k: string) => xs.filter((x) => x === k).length
  // Symptoms handed out are a read of health notes: the audit log says who took them.
  if (symptomCols.length) await recordAudit(q, who, { action: 'health.export', dateFrom: date, detail: '欠席者数CSV(症状つき)' }, nowMs)
  return toCsv([
    ['日付', '学年', '学級', '在籍者数', '欠席者数', '出席停止・忌引等', ...reasonCols.map((r) => `理由:${r}`), ...symptomCols.map((s) => `症状:${s}`)],
    ...rows.map((r) => [date, r.grade, r.className, r.enrolled, r.absent, r.excused, ...reasonCols.map((k) => tally(r.reasons, k)), ...symptomCols.map((k) => tally(r.symptoms, k))]),
  ])
}
