import type { GuardianLanguage } from '../languages.js'
import { enTerms } from './en.js'
import { filTerms } from './fil.js'
import { jaTerms } from './ja.js'
import { jaEasyTerms } from './jaEasy.js'
import { koTerms } from './ko.js'
import { neTerms } from './ne.js'
import { ptBRTerms } from './ptBR.js'
import { viTerms } from './vi.js'
import { zhHansTerms } from './zhHans.js'

/**
 * The school's words, one set per language, so every message says 欠席 the same way. Messages
 * use them as arguments (`{termAbsent}`); the formatter supplies them. The `…Explained` terms
 * carry the Japanese word and what it means, for where a family meets it the first time.
 * Each language's terms sit at the end of its catalogue file (`viTerms` in `vi.ts`), so a page
 * downloads only the terms of the language it shows.
 */
export interface Glossary {
  termAbsent: string
  termLate: string
  termEarlyLeave: string
  termSuspension: string
  termSuspensionExplained: string
  termClassClosure: string
  termClassClosureExplained: string
  termAcknowledged: string
}

/** Every language's terms: for the server (e-mails) and the tests. */
export const GLOSSARY: Record<GuardianLanguage, Glossary> = {
  ja: jaTerms, 'ja-easy': jaEasyTerms, en: enTerms, 'zh-Hans': zhHansTerms, vi: viTerms, 'pt-BR': ptBRTerms, fil: filTerms, ne: neTerms, ko: koTerms,
}
