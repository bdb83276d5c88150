import { NoticeAnswerRequest } from '../../shared/protocol/index.js'
import type { GuardianPrincipal } from '../auth/principal.js'
import { noticeForGuardian } from '../data/notices.js'
import { activeReason, appendMarks, codeIdByName, type MarkRow } from '../data/reports.js'
import { getSchool } from '../data/schools.js'
import type { Deps } from '../deps.js'
import { AppError, parseInput } from '../http/errors.js'
import { runChange } from '../realtime/change.js'
import { schoolNow } from '../reports/schoolDates.js'

/**
 * A guardian answers a not-arrived notice with one tap. 遅刻します and 欠席します mark the
 * register (source 保護者) and so update the board; the other two answers leave the mark as
 * 未登校 but show on the office's list. Only the family's own notice, only today, only once.
 */
export async function answerNotice(deps: Deps, who: GuardianPrincipal, noticeId: number, body: unknown): Promise<void> {
  const cmd = parseInput(NoticeAnswerRequest, body)
  const notice = await noticeForGuardian(deps.sql, noticeId, who.guardianId)
  if (!notice) throw new AppError('NOTICE_NOT_FOUND')
  const school = (await getSchool(deps.sql, notice.schoolId))!
  const nowMs = deps.clock.now()
  if (schoolNow(school, nowMs).today !== notice.date) throw new AppError('NOTICE_EXPIRED')
  if (notice.answeredAt) throw new AppError('NOTICE_ALREADY_ANSWERED')
  const reason = cmd.answer === 'absent' ? await activeReason(deps.sql, school.id, cmd.reasonId!) : null
  if (cmd.answer === 'absent' && !reason) throw new AppError('REASON_NOT_FOUND')
  const nowIso = new Date(nowMs).toISOString()
  await runChange(deps, school.id, async (tx, change) => {
    const seq = change.seq
    const updated = await tx`
      update not_arrived_notice set answer = ${cmd.answer}, answer_time = ${cmd.answer === 'late' ? cmd.time : null},
        answer_reason_id = ${reason?.id ?? null}, answer_message = ${cmd.message}, answered_by = ${who.guardianId}, answered_at = ${nowIso}
      where id = ${noticeId} and answered_at is null returning id`
    // Two guardians answering at once: the first one wins, the second is told.
    if (updated.length === 0) throw new AppError('NOTICE_ALREADY_ANSWERED')
    if (cmd.answer === 'late' || cmd.answer === 'absent') {
      const codeId = cmd.answer === 'absent' ? reason!.suggestedCodeId : await codeIdByName(tx, school.id, 'late')
      const mark: MarkRow = {
        schoolId: school.id, seq, pupilId: notice.pupilId, date: notice.date, codeId, suggestedCodeId: codeId, source: 'guardian',
        actorStaffId: null, actorGuardianId: who.guardianId, reportId: null, atTime: cmd.answer === 'late' ? cmd.time : null,
        note: ['お知らせへの回答', reason?.label, cmd.message].filter(Boolean).join(' ・ '), recordedAt: nowIso,
      }
      await appendMarks(tx, [mark])
    }
    change.pupilDays([{ pupilId: notice.pupilId, date: notice.date }])
  })
}
