import { isSchoolDay } from '../../shared/domain/calendar.js'
import type { CorrectMarkRequest, MarkHistoryRow } from '../../shared/protocol/register.js'
import { schoolWide } from '../../shared/policy/policy.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { appendMarks } from '../data/reports.js'
import { calendarRules } from '../data/schools.js'
import type { Deps } from '../deps.js'
import type { Q } from '../db/types.js'
import { AppError } from '../errors.js'
import { recordAudit } from '../audit/record.js'
import { runChange } from '../realtime/change.js'
import { readablePupilClass } from './access.js'

/** Every log row of a pupil-day, newest first, with who wrote it and why. */
export async function markHistory(q: Q, who: StaffPrincipal, pupilId: number, date: string, nowMs: number): Promise<MarkHistoryRow[]> {
  const cls = await readablePupilClass(q, who, 'register.read', pupilId, date)
  const rows = await q<MarkHistoryRow[]>`
    select l.id::int as id, c.label as code_label, s.label as suggested_label, l.source,
           coalesce(st.family_name || ' ' || st.given_name, g.family_name || ' ' || g.given_name) as actor,
           l.note, l.recorded_at
    from attendance_log l
    left join attendance_code c on c.id = l.code_id
    left join attendance_code s on s.id = l.suggested_code_id
    left join staff st on st.id = l.actor_staff_id
    left join guardian g on g.id = l.actor_guardian_id
    where l.school_id = ${who.schoolId} and l.pupil_id = ${pupilId} and l.date = ${date}
    order by l.id desc`
  await recordAudit(q, who, { action: 'register.history', pupilId, classId: cls.id, dateFrom: date }, nowMs)
  return rows
}

/**
 * A correction: a new row in the append-only log with the staff member, the time and the
 * reason. Nothing is overwritten, so the register keeps what was there before (as the paper
 * register forbids correction fluid).
 */
export async function correctMark(deps: Deps, who: StaffPrincipal, m: CorrectMarkRequest): Promise<void> {
  const cls = await readablePupilClass(deps.sql, who, 'register.correct', m.pupilId, m.date)
  if (!isSchoolDay(m.date, await calendarRules(deps.sql, who.schoolId, m.date, m.date))) throw new AppError('NOT_A_SCHOOL_DAY')
  let label = '記録なし'
  if (m.codeId !== null) {
    const [code] = await deps.sql<{ label: string }[]>`select label from attendance_code where id = ${m.codeId} and school_id = ${who.schoolId}`
    if (!code) throw new AppError('CODE_NOT_FOUND')
    label = code.label
  }
  const nowIso = new Date(deps.clock.now()).toISOString()
  await runChange(deps, who.schoolId, async (tx, change) => {
    await appendMarks(tx, [{
      schoolId: who.schoolId, seq: change.seq, pupilId: m.pupilId, date: m.date, codeId: m.codeId, suggestedCodeId: null,
      source: schoolWide(who, 'register.correct') ? 'office' : 'teacher', actorStaffId: who.staffId, actorGuardianId: null, reportId: null,
      atTime: null, note: m.note, recordedAt: nowIso,
    }])
    change.pupilDays([{ pupilId: m.pupilId, date: m.date }])
    await recordAudit(tx, who, { action: 'register.correct', pupilId: m.pupilId, classId: cls.id, dateFrom: m.date, detail: `${label}:${m.note}` }, deps.clock.now())
  })
}
