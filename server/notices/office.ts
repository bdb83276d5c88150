import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import type { z } from 'zod'
import { CallRecordRequest, NoticeTemplateRequest, type CapturedMail, type GuardianNotice, type OfficeNotice } from '../../shared/protocol/index.js'
import { schoolDateOf } from '../../shared/time/schoolTime.js'
import type { Action } from '../../shared/policy/policy.js'
import { authorize } from '../auth/guards.js'
import type { GuardianPrincipal, StaffPrincipal } from '../auth/principal.js'
import { pupilPlace } from '../data/roll.js'
import { getSchool } from '../data/schools.js'
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { runChange } from '../realtime/change.js'
import { staffToday } from '../roll/today.js'

/** The office's view of today's notices, the call list, call records, the template. */

function requireOffice(who: StaffPrincipal, action: Action): void {
  authorize(who, action, undefined, 'FORBIDDEN', '職員室・管理職のみ使えます。')
}

/** Today's notices with their answers, deliveries, phone numbers and calls. */
export async function officeNotices(deps: Deps, who: StaffPrincipal): Promise<{ date: string; callListAfterMinutes: number; notices: OfficeNotice[] }> {
  requireOffice(who, 'notices.read')
  const t = await staffToday(deps, who, { requireSchoolDay: false })
  const wait = t.school.settings.callListAfterMinutes
  const rows = await deps.sql<(Omit<OfficeNotice, 'toCall'> & { stillWaiting: boolean })[]>`
    select n.id, n.pupil_id, m.class_id, p.family_name || ' ' || p.given_name as pupil_name, c.grade || '年' || c.name as class_label,
           m.attendance_number, n.sent_at, s.family_name || ' ' || s.given_name as sent_by,
           n.answer, to_char(n.answer_time, 'FMHH24:MI') as answer_time, n.answer_message, n.answered_at,
           coalesce((select json_agg(json_build_object('channel', o.channel, 'recipient', o.recipient, 'status', o.status, 'attempts', o.attempts, 'lastError', o.last_error) order by o.id)
                     from outbox o where o.notice_id = n.id), '[]') as deliveries,
           coalesce((select json_agg(json_build_object('guardian', g.family_name || ' ' || g.given_name, 'phone', g.phone) order by g.id)
                     from guardian_pupil gp join guardian g on g.id = gp.guardian_id where gp.pupil_id = n.pupil_id and g.phone is not null), '[]') as phones,
           coalesce((select json_agg(json_build_object('at', cr.called_at, 'by', cs.family_name || ' ' || cs.given_name, 'outcome', cr.outcome, 'note', cr.note) order by cr.id desc)
                     from call_record cr join staff cs on cs.id = cr.staff_id where cr.pupil_id = n.pupil_id and cr.date = n.date), '[]') as calls,
           coalesce((select ac.provisional from attendance_mark a join attendance_code ac on ac.id = a.code_id
                     where a.pupil_id = n.pupil_id and a.date = n.date), false) as still_waiting
    from not_arrived_notice n
    join pupil p on p.id = n.pupil_id
    join class_membership m on m.pupil_id = n.pupil_id and m.school_year_id = ${t.year.id}
    join school_class c on c.id = m.class_id
    join staff s on s.id = n.sent_by
    where n.school_id = ${who.schoolId} and n.date = ${t.today}
    order by c.grade, c.sort_order, c.name, m.attendance_number`
  const now = deps.clock.now()
  const notices = rows.map(({ stillWaiting, ...n }) => ({
    ...n,
    calls: n.calls.map((c) => ({ ...c, at: new Date(c.at).toISOString() })),
    // Still not in school, and either no answer after the wait, or the family says the child
    // left for school (登校しているはずです): the most urgent call of all.
    toCall: stillWaiting && (n.answer === 'should_be_at_school' || (!n.answer && now - Date.parse(n.sentAt) >= wait * 60_000)),
  }))
  return { date: t.today, callListAfterMinutes: wait, notices }
}

/** The office records a call to a family: who, when, outcome, note. */
export async function recordCall(deps: Deps, who: StaffPrincipal, cmd: z.output<typeof CallRecordRequest>): Promise<void> {
  requireOffice(who, 'calls.record')
  const t = await staffToday(deps, who, { requireSchoolDay: false })
  if (!(await pupilPlace(deps.sql, who.schoolId, t.year.id, cmd.pupilId))) throw new AppError('PUPIL_NOT_FOUND')
  await runChange(deps, t.school.id, async (tx, change) => {
    await tx`insert into call_record (school_id, pupil_id, date, staff_id, called_at, outcome, note)
      values (${who.schoolId}, ${cmd.pupilId}, ${t.today}, ${who.staffId}, ${t.nowIso}, ${cmd.outcome}, ${cmd.note})`
    // The pupil's entry is unchanged; the event lets every office screen refresh.
    change.pupilDays([{ pupilId: cmd.pupilId, date: t.today }])
  })
}

export async function noticeTemplate(deps: Deps, who: StaffPrincipal): Promise<{ subject: string; body: string }> {
  requireOffice(who, 'notices.read')
  const s = (await getSchool(deps.sql, who.schoolId))!.settings
  return { subject: s.noticeSubject, body: s.noticeBody }
}

export async function saveNoticeTemplate(deps: Deps, who: StaffPrincipal, cmd: z.output<typeof NoticeTemplateRequest>): Promise<void> {
  requireOffice(who, 'notices.template')
  await runChange(deps, who.schoolId, async (tx, change) => {
    await tx`update school set settings = settings || ${tx.json({ noticeSubject: cmd.subject, noticeBody: cmd.body })} where id = ${who.schoolId}`
    change.school('settings')
  })
}

/** Mail kept instead of sent (the embedded demo), for administrators only. */
export async function capturedMail(deps: Deps, who: StaffPrincipal): Promise<CapturedMail[]> {
  authorize(who, 'mail.captured')
  return deps.sql<CapturedMail[]>`
    select id, recipient, subject, body, created_at, status from outbox
    where school_id = ${who.schoolId} and channel = 'email' and status = 'captured' order by id desc limit 200`
}

/** A family's notices of the last week; open ones can be answered. */
export async function guardianNotices(deps: Deps, who: GuardianPrincipal): Promise<GuardianNotice[]> {
  const rows = await deps.sql<Omit<GuardianNotice, 'open'>[]>`
    select n.id, n.pupil_id, p.family_name || ' ' || p.given_name as pupil_name, n.date, n.subject,
           -- The text addressed to this guardian (their name, the link), as it was delivered in the app.
           coalesce((select o.body from outbox o where o.notice_id = n.id and o.guardian_id = ${who.guardianId} and o.channel = 'in_app' order by o.id limit 1), n.body) as body,
           n.sent_at,
           n.answer, to_char(n.answer_time, 'FMHH24:MI') as answer_time, n.answer_message, n.answered_at
    from not_arrived_notice n
    join guardian_pupil gp on gp.pupil_id = n.pupil_id and gp.guardian_id = ${who.guardianId}
    join pupil p on p.id = n.pupil_id
    join school sc on sc.id = n.school_id
    where n.sent_at > ${new Date(deps.clock.now() - 7 * 86_400_000).toISOString()}
    order by n.sent_at desc`
  const now = deps.clock.now()
  return rows.map((n) => ({ ...n, open: !n.answeredAt && schoolDateOf(now, SCHOOL_ZONE) === n.date }))
}
