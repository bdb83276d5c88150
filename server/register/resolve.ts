import type { ResolveResult } from '../../shared/protocol/register.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { appendMarks } from '../data/reports.js'
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { recordAudit } from '../audit/record.js'
import { runChange } from '../realtime/change.js'
import { readableClass } from './access.js'
import { schoolDaysOf } from './counts.js'

/**
 * End-of-day resolution of a class's day (or when the roll is confirmed): an enrolled pupil
 * with no mark is 出席 (a system row records it); a 未登校 is left as it is and returned, so
 * the teacher resolves it to 遅刻 or 欠席.
 */
export async function resolveDay(deps: Deps, who: StaffPrincipal, classId: number, date: string): Promise<ResolveResult> {
  const cls = await readableClass(deps.sql, who, 'register.correct', classId)
  if (date < cls.year.startsOn || date > cls.year.endsOn) throw new AppError('DATE_OUTSIDE_SCHOOL_YEAR')
  if ((await schoolDaysOf(deps.sql, who.schoolId, date, date)).length === 0) throw new AppError('NOT_A_SCHOOL_DAY')
  const nowIso = new Date(deps.clock.now()).toISOString()
  return runChange(deps, who.schoolId, async (tx, change) => {
    const rows = await tx<{ pupilId: number; name: string; codeId: number | null; provisional: boolean | null }[]>`
      select m.pupil_id, p.family_name || ' ' || p.given_name as name, cur.code_id, c.provisional
      from class_membership m join pupil p on p.id = m.pupil_id
      left join attendance_mark cur on cur.pupil_id = m.pupil_id and cur.date = ${date}
      left join attendance_code c on c.id = cur.code_id
      where m.class_id = ${classId} and p.enrolled_on <= ${date} and (p.left_on is null or p.left_on >= ${date})
      order by m.attendance_number`
    const blank = rows.filter((r) => r.codeId === null)
    const [present] = await tx<{ id: number }[]>`select id from attendance_code where school_id = ${who.schoolId} and code = 'present'`
    const marked = blank.length > 0 && !!present
    if (marked) {
      await appendMarks(tx, blank.map((r) => ({
        schoolId: who.schoolId, seq: change.seq, pupilId: r.pupilId, date, codeId: present.id, suggestedCodeId: null, source: 'system' as const,
        actorStaffId: who.staffId, actorGuardianId: null, reportId: null, atTime: null, note: '記録なし→出席(終業時の確定)', recordedAt: nowIso,
      })))
      change.pupilDays(blank.map((r) => ({ pupilId: r.pupilId, date })))
      await recordAudit(tx, who, { action: 'register.resolve', classId, dateFrom: date, detail: `記録なし${blank.length}人を出席に` }, deps.clock.now())
    } else change.unchanged()
    return { ok: true, markedPresent: marked ? blank.length : 0, unresolved: rows.filter((r) => r.provisional).map((r) => ({ pupilId: r.pupilId, name: r.name })) } satisfies ResolveResult
  })
}
