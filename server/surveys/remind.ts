import { DateTime } from 'luxon'
import { formatDay } from '../../shared/i18n/guardian/dates.js'
import { addAllCatalogues } from '../../shared/i18n/guardian/catalogues.js'
import { translator } from '../../shared/i18n/guardian/translate.js'
import { GuardianLanguage } from '../../shared/i18n/languages.js'
import { SCHOOL_ZONE } from '../../shared/time/zone.js'
import { authorize } from '../auth/guards.js'
import type { StaffPrincipal } from '../auth/principal.js'
import { surveyForUpdate, surveyPupilIds, type SurveyRow } from '../data/surveys.js'
import type { Q } from '../db/types.js'
import type { Deps } from '../deps.js'
import { AppError } from '../errors.js'
import { mailMode } from '../notices/sendNotices.js'
import { startPeriodic, type Periodic } from '../ops/periodic.js'
import { queuePush } from '../push/queue.js'
import type { ChangeScope } from '../realtime/change.js'
import { isOpen } from './answers.js'
import { ownSurvey, surveyChange } from './build.js'

// Reminders are written in each guardian's language.
addAllCatalogues()

/** A guardian who is reminded, with the children whose answer is missing. */
export interface ReminderRecipient {
  guardianId: number
  name: string
  email: string | null
  language: string | null
  children: string[]
}

/**
 * The guardians of the children (or families) that have not answered, and no one else: a
 * family that answered, through any of its guardians, is not reminded.
 */
export async function nonResponderGuardians(q: Q, s: Pick<SurveyRow, 'id' | 'per'>): Promise<ReminderRecipient[]> {
  const subject = s.per === 'family' ? q`sp.family_key` : q`sp.pupil_id`
  const rows = await q<{ guardianId: number; name: string; email: string | null; language: string | null; child: string }[]>`
    select g.id as guardian_id, g.family_name || ' ' || g.given_name as name, g.email, g.language, p.given_name as child
    from survey_pupil sp
    join guardian_pupil gp on gp.pupil_id = sp.pupil_id
    join guardian g on g.id = gp.guardian_id and g.disabled_at is null
    join pupil p on p.id = sp.pupil_id
    where sp.survey_id = ${s.id}
      and not exists (select 1 from survey_answer a where a.survey_id = sp.survey_id and a.subject = ${subject})
    order by g.id, sp.pupil_id`
  const byGuardian = new Map<number, ReminderRecipient>()
  for (const r of rows) {
    const g = byGuardian.get(r.guardianId) ?? { guardianId: r.guardianId, name: r.name, email: r.email, language: r.language, children: [] }
    g.children.push(r.child)
    byGuardian.set(r.guardianId, g)
  }
  return [...byGuardian.values()]
}

/** The reminder as one guardian reads it; a guardian who never chose a language reads Japanese. */
export function reminderText(language: string | null, v: { school: string; title: string; guardian: string; children: string[]; deadline: string; link: string }): { subject: string; body: string } {
  const parsed = GuardianLanguage.safeParse(language)
  const lang = parsed.success ? parsed.data : 'ja'
  const t = translator(lang)
  const d = DateTime.fromISO(v.deadline).setZone(SCHOOL_ZONE)
  const values = { ...v, children: v.children.join('、'), deadline: `${formatDay(d.toISODate()!, lang)} ${d.toFormat('H:mm')}` }
  return { subject: t('emailSurveyReminderSubject', values), body: t('emailSurveyReminderBody', values) }
}

/** The push of a reminder: the survey's title and deadline, opening the guardian page's surveys. */
function pushText(language: string | null, s: Pick<SurveyRow, 'id' | 'title' | 'deadline'>) {
  const lang = GuardianLanguage.safeParse(language).data ?? 'ja'
  const t = translator(lang)
  const d = DateTime.fromISO(s.deadline).setZone(SCHOOL_ZONE)
  return {
    title: `${t('surveysHeading')}: ${s.title}`.slice(0, 80),
    body: t('surveyDeadline', { when: `${formatDay(d.toISODate()!, lang)} ${d.toFormat('H:mm')}` }),
    url: '/guardian/#surveys',
    tag: `survey-${s.id}`,
  }
}

/**
 * Writes a reminder for every guardian of a non-responder into the outbox (in-app at once,
 * e-mail for the worker) and queues a push to their devices, in the change's transaction: the
 * one place both the office's and the scheduled reminders go through. Returns who was reminded.
 */
async function remindInside(deps: Deps, tx: Q, change: ChangeScope, s: SurveyRow, nowIso: string): Promise<ReminderRecipient[]> {
  const recipients = await nonResponderGuardians(tx, s)
  const [school] = await tx<{ name: string }[]>`select name from school where id = ${s.schoolId}`
  const link = `${deps.mail?.publicUrl?.replace(/\/$/, '') ?? ''}/guardian/#surveys`
  const mode = mailMode(deps)
  const rows = recipients.flatMap((g) => {
    const text = reminderText(g.language, { school: school!.name, title: s.title, guardian: g.name, children: g.children, deadline: s.deadline, link })
    const base = { schoolId: s.schoolId, surveyId: s.id, guardianId: g.guardianId, ...text, createdAt: nowIso, nextAttemptAt: nowIso }
    return [
      { ...base, channel: 'in_app', recipient: g.name, status: 'sent', sentAt: nowIso },
      ...(g.email && mode !== 'off' ? [{ ...base, channel: 'email', recipient: g.email, status: mode === 'smtp' ? 'pending' : 'captured', sentAt: mode === 'smtp' ? null : nowIso }] : []),
    ]
  })
  for (let i = 0; i < rows.length; i += 2000) await tx`insert into outbox ${tx(rows.slice(i, i + 2000))}`
  // Web Push to the same guardians' devices: only that there is a survey to answer, in their language.
  await queuePush(tx, { guardianIds: recipients.map((g) => g.guardianId) }, (language) => pushText(language, s), { schoolId: s.schoolId, kind: 'survey', now: nowIso })
  await tx`update survey set reminded_at = ${nowIso} where id = ${s.id}`
  change.families(await surveyPupilIds(tx, s.id))
  return recipients
}

/** The office reminds the families that have not answered an open survey, by hand. */
export async function remindNow(deps: Deps, who: StaffPrincipal, id: number): Promise<number> {
  authorize(who, 'survey.remind', { schoolId: who.schoolId })
  await ownSurvey(deps.sql, who, id)
  const nowMs = deps.clock.now()
  const recipients = await surveyChange(deps, who.schoolId, async (tx, change) => {
    const s = await surveyForUpdate(tx, id)
    if (!s || !isOpen(s, nowMs)) throw new AppError('SURVEY_NOT_OPEN')
    const sent = await remindInside(deps, tx, change, s, new Date(nowMs).toISOString())
    if (sent.length === 0) change.unchanged()
    return sent
  })
  return recipients.length
}

/**
 * The scheduled reminders that are due: each survey's once, to the families that have not
 * answered by then. Safe with several processes: the survey row is locked and marked done in
 * the transaction that writes the reminders.
 */
export async function sendDueReminders(deps: Deps): Promise<number> {
  const nowMs = deps.clock.now()
  const nowIso = new Date(nowMs).toISOString()
  const due = await deps.sql<{ id: number; schoolId: number }[]>`
    select id, school_id from survey where status = 'open' and not scheduled_reminder_done and remind_at <= ${nowIso} and deadline > ${nowIso} order by remind_at`
  let reminded = 0
  for (const { id, schoolId } of due) {
    const sent = await surveyChange(deps, schoolId, async (tx, change) => {
      // The update waits for and re-reads a row another process is reminding: only one sends.
      const claimed = await tx`update survey set scheduled_reminder_done = true where id = ${id} and not scheduled_reminder_done returning id`
      const s = claimed.length > 0 ? await surveyForUpdate(tx, id) : null
      if (!s || !isOpen(s, nowMs)) {
        change.unchanged()
        return []
      }
      return remindInside(deps, tx, change, s, nowIso)
    })
    reminded += sent.length
  }
  return reminded
}

/** Checks for due reminders every `everyMs` until stopped; each survey's row is claimed by the process that reminds. */
export function startSurveyReminders(deps: Deps, everyMs = 60_000): Periodic {
  return startPeriodic({
    name: 'survey reminders',
    everyMs,
    log: deps.log,
    work: async () => {
      const n = await sendDueReminders(deps)
      if (n > 0) deps.log.info('survey reminders', { guardians: n })
    },
  })
}
