import { IntlMessageFormat } from 'intl-messageformat'
import { LANGUAGE_INFO, type GuardianLanguage } from '../languages.js'
import { en } from './en.js'
import { fil } from './fil.js'
import { GLOSSARY } from './glossary.js'
import { ja, type GuardianCatalogue, type GuardianMessageKey } from './ja.js'
import { jaEasy } from './jaEasy.js'
import { ko } from './ko.js'
import { ne } from './ne.js'
import { ptBR } from './ptBR.js'
import { vi } from './vi.js'
import { zhHans } from './zhHans.js'

export type { GuardianCatalogue, GuardianMessageKey } from './ja.js'

/** Every guardian catalogue, by language. */
export const CATALOGUES: Record<GuardianLanguage, GuardianCatalogue> = {
  ja,
  'ja-easy': jaEasy,
  en,
  'zh-Hans': zhHans,
  vi,
  'pt-BR': ptBR,
  fil,
  ne,
  ko,
}

export type MessageValues = Record<string, string | number>
export type Translate = (key: GuardianMessageKey, values?: MessageValues) => string

const cache = new Map<GuardianLanguage, Translate>()

/**
 * The guardian messages of one language as a function: ICU plural and select rules of that
 * language, the glossary's school terms supplied as arguments. Compiled messages are kept.
 */
export function translator(language: GuardianLanguage): Translate {
  const known = cache.get(language)
  if (known) return known
  const compiled = new Map<GuardianMessageKey, IntlMessageFormat>()
  const locale = LANGUAGE_INFO[language].intlLocale
  const glossary = GLOSSARY[language]
  const t: Translate = (key, values) => {
    let f = compiled.get(key)
    if (!f) {
      f = new IntlMessageFormat(CATALOGUES[language][key], locale, undefined, { ignoreTag: true })
      compiled.set(key, f)
    }
    return String(f.format({ ...glossary, ...values }))
  }
  cache.set(language, t)
  return t
}
