import type { z } from 'zod'
import { SendNoticesRequest, type SendNoticesResult } from '../../shared/protocol/index.js'
import { authorize } from '../auth/guards.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { guardiansOf, insertNotice, insertOutbox, noticeExists, notArrivedToday, type OutboxRow } from '../data/notices.js'
import { pupilPlace } from '../data/roll.js'
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { runChange } from '../realtime/change.js'
import { staffToday } from '../roll/today.js'
import { noticeInLanguage } from './inLanguage.js'
import { noticeLink, renderTemplate } from './template.js'

/** How notices are e-mailed when the deployment did not say: captured in the embedded demo. */
export function mailMode(deps: Deps): 'smtp' | 'capture' | 'off' {
  return deps.mail?.mode ?? (deps.dbMode === 'embedded' ? 'capture' : 'off')
}

/**
 * The office sends "your child has not arrived" notices. Eligibility is decided inside the
 * transaction, under the school's sequence lock, so a teacher's mark or a guardian's report
 * that commits first wins: never to a family that explained, never twice, never to a pupil
 * marked present. The notices and their outbox rows are written together, or not at all.
 */
export async function sendNotices(deps: Deps, who: StaffPrincipal, cmd: z.output<typeof SendNoticesRequest>): Promise<SendNoticesResult> {
  authorize(who, 'notices.send', undefined, 'FORBIDDEN', '職員室・管理職のみ送信できます。')
  const t = await staffToday(deps, who, { requireSchoolDay: true })
  if (cmd.pupilIds !== 'all') {
    for (const id of cmd.pupilIds) if (!(await pupilPlace(deps.sql, who.schoolId, t.year.id, id))) throw new AppError('PUPIL_NOT_FOUND')
  }
  const mode = mailMode(deps)
  const s = t.school.settings
  const result: SendNoticesResult = { ok: true, sent: [], skipped: [] }
  await runChange(deps, t.school.id, async (tx, change) => {
      const waiting = new Map((await notArrivedToday(tx, t.school.id, t.today)).map((p) => [p.pupilId, p]))
      const wanted = cmd.pupilIds === 'all' ? [...waiting.keys()] : [...new Set(cmd.pupilIds)]
      for (const pupilId of wanted) {
        const w = waiting.get(pupilId)
        if (!w) result.skipped.push({ pupilId, why: '未登校ではありません' })
        else if (w.hasReport) result.skipped.push({ pupilId, why: '連絡済' })
        else if (await noticeExists(tx, pupilId, t.today)) result.skipped.push({ pupilId, why: '送信済' })
        else result.sent.push(pupilId)
      }
      // Nothing eligible: nothing is written and the sequence number is not used.
      if (result.sent.length === 0) return change.unchanged()
      for (const pupilId of result.sent) {
        const place = (await pupilPlace(tx, who.schoolId, t.year.id, pupilId))!
        const values = { school: t.school.name, pupil: place.name, date: t.today, link: '', guardian: '保護者' }
        const noticeId = await insertNotice(tx, {
          schoolId: t.school.id, pupilId, date: t.today, sentBy: who.staffId, sentAt: t.nowIso,
          subject: renderTemplate(s.noticeSubject, values), body: renderTemplate(s.noticeBody, { ...values, link: '' }).trim(),
        })
        const rows: OutboxRow[] = []
        for (const g of await guardiansOf(tx, pupilId)) {
          const personal = { ...values, guardian: g.name, link: noticeLink(deps.mail?.publicUrl ?? null, noticeId) }
          const text = noticeInLanguage(g.language, { subject: s.noticeSubject, body: s.noticeBody }, personal)
          const base = { schoolId: t.school.id, noticeId, guardianId: g.guardianId, ...text, createdAt: t.nowIso, nextAttemptAt: t.nowIso }
          rows.push({ ...base, channel: 'in_app', recipient: g.name, status: 'sent', sentAt: t.nowIso })
          if (g.email && mode !== 'off') rows.push({ ...base, channel: 'email', recipient: g.email, status: mode === 'smtp' ? 'pending' : 'captured', sentAt: mode === 'smtp' ? null : t.nowIso })
        }
        await insertOutbox(tx, rows)
      }
      // The entries do not change, but the event tells every office screen to refresh its lists.
      change.pupilDays(result.sent.map((pupilId) => ({ pupilId, date: t.today })))
  })
  return result
}
