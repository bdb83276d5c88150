import { z } from 'zod'
import { GuardianLanguage } from '../i18n/languages.js'
import { Ok } from './primitives.js'
import { put } from './route.js'

export const SetLanguageRequest = z.object({ language: GuardianLanguage })
export type SetLanguageRequest = z.infer<typeof SetLanguageRequest>

/** A guardian's own settings. */
export const guardianSettingsRoutes = {
  /** The language of the guardian's page, notices and e-mails, remembered on the account. */
  setLanguage: put('/api/guardian/settings/language', { body: SetLanguageRequest, response: Ok }),
}
