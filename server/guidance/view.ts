import { thresholdsCrossed } from '../../shared/domain/register.js'
import type { GuidancePupil, GuidanceView, LongAbsenceReason } from '../../shared/protocol/guidance.js'
import { schoolWide } from '../../shared/policy/policy.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { getSchool, schoolYearOn } from '../data/schools.js'
import type { Q } from '../db/types.js'
import { AppError } from '../errors.js'
import { gridSql, schoolDaysOf } from '../register/counts.js'
import { planEachCall } from '../db/planEachCall.js'

interface Row {
  pupilId: number
  classLabel: string
  attendanceNumber: number
  name: string
  cumulative: number
  monthAbsent: number
  streak: number
  trend: number[]
  memo: string | null
  longAbsenceReason: LongAbsenceReason | null
  reportedToBoardAt: string | null
}

/**
 * The guidance view (生徒指導): every pupil (of the caller's classes, for a homeroom teacher)
 * ranked by cumulative 欠席 up to `date`, with the streak, the last six weeks' trend, the
 * thresholds crossed this month and the memo. One query over the register grid.
 */
export async function guidanceView(q: Q, who: StaffPrincipal, date: string): Promise<GuidanceView> {
  const year = await schoolYearOn(q, who.schoolId, date)
  if (!year) throw new AppError('DATE_OUTSIDE_SCHOOL_YEAR')
  const school = (await getSchool(q, who.schoolId))!
  const yearDays = await schoolDaysOf(q, who.schoolId, year.startsOn, date)
  const monthFrom = `${date.slice(0, 7)}-01`
  const thresholds = school.settings.cumulativeAbsenceBadges
  const base = { ok: true as const, date, consecutiveAbsenceBadge: school.settings.consecutiveAbsenceBadge, cumulativeAbsenceBadges: thresholds }
  if (yearDays.length === 0) return { ...base, pupils: [] }
  const classIds = schoolWide(who, 'guidance.read') ? undefined : who.homeroomClassIds
  const grid = gridSql(q, { schoolId: who.schoolId, schoolYearId: year.id, yearDays, periodFrom: monthFrom, classIds })
  // Week k (0 = the 7 days ending at `date`) of the trend; TREND_WEEKS = 6 buckets.
  const wk = (k: number) => q`count(*) filter (where kind = 'absent' and ${date}::date - date between ${7 * k} and ${7 * k + 6})::int`
  const rows = await planEachCall(q<Row[]>`
    ${grid}, agg as (
      select pupil_id, coalesce(max(streak), 0) as streak,
        count(*) filter (where kind = 'absent')::int as cumulative,
        count(*) filter (where in_period and kind = 'absent')::int as month_absent,
        array[${wk(5)}, ${wk(4)}, ${wk(3)}, ${wk(2)}, ${wk(1)}, ${wk(0)}] as trend
      from rows
      group by pupil_id
      having max(school_days) > 0
    )
    select agg.*, sc.grade || '年' || sc.name as class_label, m.attendance_number, pu.family_name || ' ' || pu.given_name as name,
           n.memo, n.long_absence_reason, n.reported_to_board_at
    from agg
    join class_membership m on m.pupil_id = agg.pupil_id and m.school_year_id = ${year.id}
    join school_class sc on sc.id = m.class_id
    join pupil pu on pu.id = agg.pupil_id
    left join guidance_note n on n.pupil_id = agg.pupil_id and n.school_year_id = ${year.id}
    order by agg.cumulative desc, agg.streak desc, sc.grade, sc.sort_order, sc.name, m.attendance_number`)
  const pupils: GuidancePupil[] = rows.map((r) => ({
    ...r,
    trend: r.trend.map(Number),
    memo: r.memo ?? '',
    crossed: thresholdsCrossed(r.cumulative - r.monthAbsent, r.cumulative, thresholds),
  }))
  return { ...base, pupils }
}
