import { addAllCatalogues } from '../../shared/i18n/guardian/catalogues.js'
import { translator } from '../../shared/i18n/guardian/translate.js'
import { GuardianLanguage, LANGUAGE_INFO } from '../../shared/i18n/languages.js'
import { DRILL_MARK, SAFETY_QUESTIONS, type SafetySituation } from '../../shared/protocol/index.js'
import { insertSafetyOutbox, type OutboxSafetyRow, type SafetyFamily } from '../data/safety.js'
import type { Deps } from '../deps.js'
import type { Q } from '../db/types.js'
import { mailMode } from '../notices/sendNotices.js'
import { queuePush } from '../push/queue.js'

// The server writes to guardians in every language.
addAllCatalogues()

/** Where a guardian answers: the guardian page, opened on that confirmation. */
export function safetyLink(publicUrl: string | null, confirmationId: number): string {
  return `${publicUrl ? publicUrl.replace(/\/$/, '') : ''}/guardian/?safety=${confirmationId}`
}

export interface SafetyMailInput {
  school: string
  guardian: string
  children: readonly string[]
  link: string
  drill: boolean
  situation: SafetySituation
  title: string
  message: string
  reminder: boolean
}

/**
 * A confirmation's e-mail as one guardian receives it: the catalogue's text in their language,
 * then the school's own words in Japanese as written (the title, the message, the question),
 * marked 【訓練】 for a drill. A guardian who never chose a language reads Japanese.
 */
export function safetyMail(language: string | null, v: SafetyMailInput): { subject: string; body: string } {
  const parsed = GuardianLanguage.safeParse(language)
  const lang = parsed.success ? parsed.data : 'ja'
  const t = translator(lang)
  const children = new Intl.ListFormat(LANGUAGE_INFO[lang].intlLocale, { type: 'conjunction' }).format(v.children)
  const values = { school: v.school, guardian: v.guardian, children, link: v.link, drill: v.drill ? 'yes' : 'no' }
  const original = [`${v.drill ? DRILL_MARK : ''}${v.title}`, v.message, SAFETY_QUESTIONS[v.situation].lead].filter((s) => s !== '').join('\n\n')
  const body = t('emailSafetyBody', values)
  return {
    subject: t(v.reminder ? 'emailSafetyReminderSubject' : 'emailSafetySubject', values),
    body: lang === 'ja' ? `${body}\n\n${original}` : `${body}\n\n----\n${t('emailOriginal')}\n\n${original}`,
  }
}

/** A push must not wait in a queue for hours: an old alarm is worse than none. */
const SAFETY_PUSH_TTL_SECONDS = 6 * 3600

/**
 * The notification a device shows: the e-mail's subject (no child's name; the answer screen
 * says the rest), urgent, and replaced on the lock screen by the confirmation's next push.
 */
function safetyPush(language: string | null, c: { schoolName: string; confirmationId: number; drill: boolean; reminder: boolean }) {
  const t = translator(GuardianLanguage.safeParse(language).data ?? 'ja')
  const title = t(c.reminder ? 'emailSafetyReminderSubject' : 'emailSafetySubject', { school: c.schoolName, drill: c.drill ? 'yes' : 'no' })
  return { title: [...title].slice(0, 80).join(''), url: `/guardian/?safety=${c.confirmationId}`, tag: `safety-${c.confirmationId}` }
}

/**
 * Reaches the families of a confirmation through every channel they have, inside the change's
 * transaction: the guardian page reads the confirmation itself (nothing to write), e-mail and
 * Web Push go into their outboxes for the worker, so starting one for a whole school never
 * waits on SMTP or a push service. A further channel is added here, and only here.
 */
export async function notifyFamilies(
  tx: Q,
  deps: Deps,
  c: { schoolId: number; schoolName: string; confirmationId: number; drill: boolean; situation: SafetySituation; title: string; message: string; reminder: boolean; nowIso: string },
  families: readonly SafetyFamily[],
): Promise<{ emails: number; pushDevices: number }> {
  const mode = mailMode(deps)
  const rows: OutboxSafetyRow[] = []
  if (mode !== 'off') {
    const link = safetyLink(deps.mail?.publicUrl ?? null, c.confirmationId)
    for (const f of families) {
      if (!f.email) continue
      const text = safetyMail(f.language, { school: c.schoolName, guardian: f.name, children: f.children.map((x) => x.name), link, drill: c.drill, situation: c.situation, title: c.title, message: c.message, reminder: c.reminder })
      rows.push({
        schoolId: c.schoolId, safetyId: c.confirmationId, guardianId: f.guardianId, channel: 'email', recipient: f.email, ...text,
        status: mode === 'smtp' ? 'pending' : 'captured', nextAttemptAt: c.nowIso, sentAt: mode === 'smtp' ? null : c.nowIso, createdAt: c.nowIso,
      })
    }
  }
  await insertSafetyOutbox(tx, rows)
  const pushed = await queuePush(tx, { guardianIds: families.map((f) => f.guardianId) }, (language) => safetyPush(language, c), {
    schoolId: c.schoolId, kind: 'safety', now: c.nowIso, urgency: 'high', ttlSeconds: SAFETY_PUSH_TTL_SECONDS,
  })
  return { emails: rows.length, pushDevices: pushed.devices }
}
