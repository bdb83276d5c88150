import { formatDay } from '../../shared/i18n/guardian/dates.js'
import { addAllCatalogues } from '../../shared/i18n/guardian/catalogues.js'
import { translator } from '../../shared/i18n/guardian/translate.js'
import { GuardianLanguage } from '../../shared/i18n/languages.js'
import { renderTemplate, type TemplateValues } from './template.js'

// The server writes to guardians in every language.
addAllCatalogues()

export interface NoticeText {
  subject: string
  body: string
}

/**
 * A not-arrived notice as one guardian receives it. In Japanese it is the school's own
 * template; in another language it is that language's text, followed by the school's Japanese
 * original (the school may have written more than the catalogue knows).
 */
export function noticeInLanguage(language: string | null, template: NoticeText, v: TemplateValues): NoticeText {
  const school = { subject: renderTemplate(template.subject, v), body: renderTemplate(template.body, v) }
  const parsed = GuardianLanguage.safeParse(language)
  if (!parsed.success || parsed.data === 'ja') return school
  const t = translator(parsed.data)
  const values = { school: v.school, pupil: v.pupil, guardian: v.guardian, date: formatDay(v.date, parsed.data), link: v.link }
  return {
    subject: t('emailNoticeSubject', values),
    body: `${t('emailNoticeBody', values)}\n\n----\n${t('emailOriginal')}\n\n${school.body}`,
  }
}
