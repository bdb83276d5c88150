import { IntlMessageFormat } from 'intl-messageformat'
import { LANGUAGE_INFO, type GuardianLanguage } from '../languages.js'
import type { Glossary } from './glossary.js'
import { ja, jaTerms, type GuardianCatalogue, type GuardianMessageKey } from './ja.js'
import { errorKey, isGuardianErrorCode } from './serverErrors.js'

export type { GuardianCatalogue, GuardianMessageKey } from './ja.js'

export type MessageValues = Record<string, string | number>
export type Translate = (key: GuardianMessageKey, values?: MessageValues) => string

/** Catalogues at hand: Japanese always; the server adds every one, a page the one it shows. */
const available = new Map<GuardianLanguage, { catalogue: GuardianCatalogue; terms: Glossary }>([['ja', { catalogue: ja, terms: jaTerms }]])
const cache = new Map<GuardianLanguage, Translate>()

export function addCatalogue(language: GuardianLanguage, catalogue: GuardianCatalogue, terms: Glossary): void {
  available.set(language, { catalogue, terms })
}

export function hasCatalogue(language: GuardianLanguage): boolean {
  return available.has(language)
}

/**
 * The guardian messages of one language as a function: ICU plural and select rules of that
 * language, the glossary's school terms supplied as arguments. Japanese until the language's
 * catalogue has been added. Compiled messages are kept.
 */
export function translator(language: GuardianLanguage): Translate {
  const found = available.get(language)
  if (!found) return translator('ja')
  const { catalogue, terms } = found
  const known = cache.get(language)
  if (known) return known
  const compiled = new Map<GuardianMessageKey, IntlMessageFormat>()
  const locale = LANGUAGE_INFO[language].intlLocale
  const t: Translate = (key, values) => {
    let f = compiled.get(key)
    if (!f) {
      f = new IntlMessageFormat(catalogue[key], locale, undefined, { ignoreTag: true })
      compiled.set(key, f)
    }
    return String(f.format({ ...terms, ...values }))
  }
  cache.set(language, t)
  return t
}

/**
 * A refusal from the server, in the guardian's language: the catalogue's message for the code.
 * Japanese keeps the server's own message, which can be more precise than the code's
 * (「15分後(8:20)にもう一度…」, the school's own cut-off time), as it does for a code no guardian
 * request gets.
 */
export function refusalText(language: GuardianLanguage, code: string, serverMessage: string): string {
  if (language === 'ja' || !isGuardianErrorCode(code)) return serverMessage
  return translator(language)(errorKey(code))
}

/** The `/join/` form's fields a guardian fills in, each with its own message. */
const FIELD_KEYS = {
  code: 'fieldCode', familyName: 'fieldFamilyName', givenName: 'fieldGivenName', loginId: 'fieldLoginId', password: 'fieldPassword', email: 'fieldEmail',
} as const satisfies Record<string, GuardianMessageKey>

/**
 * A form field's problem in the guardian's language. The schema's and the server's field texts
 * are Japanese: Japanese keeps them (they are the most precise); other languages get the
 * field's catalogue message, or the refusal itself when the field is fine but taken (a login
 * ID in use).
 */
export function fieldErrorText(language: GuardianLanguage, code: string, field: string, serverText: string): string {
  if (language === 'ja') return serverText
  if (code !== 'BAD_REQUEST' && isGuardianErrorCode(code)) return translator(language)(errorKey(code))
  const key = FIELD_KEYS[field as keyof typeof FIELD_KEYS]
  return key ? translator(language)(key) : serverText
}
