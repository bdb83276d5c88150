import { addAllCatalogues } from '../../shared/i18n/guardian/catalogues.js'
import { translator } from '../../shared/i18n/guardian/translate.js'
import { GuardianLanguage, LANGUAGE_INFO } from '../../shared/i18n/languages.js'
import { DRILL_MARK, SAFETY_QUESTIONS, type SafetySituation } from '../../shared/protocol/index.js'
import { insertSafetyOutbox, type OutboxSafetyRow, type SafetyFamily } from '../data/safety.js'
import type { Deps } from '../deps.js'
import type { Q } from '../db/types.js'
import { mailMode } from '../notices/sendNotices.js'

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

/**
 * Reaches the families of a confirmation through every channel they have, inside the change's
 * transaction: the guardian page reads the confirmation itself (nothing to write), e-mail goes
 * into the outbox for the worker, so starting one for a whole school never waits on SMTP.
 * Further channels (Web Push) are added here, and only here.
 */
export async function notifyFamilies(
  tx: Q,
  deps: Deps,
  c: { schoolId: number; schoolName: string; confirmationId: number; drill: boolean; situation: SafetySituation; title: string; message: string; reminder: boolean; nowIso: string },
  families: readonly SafetyFamily[],
): Promise<{ emails: number }> {
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
  return { emails: rows.length }
}
