import type { GuardianLanguage } from '../languages.js'
import { en } from './en.js'
import { fil } from './fil.js'
import { ja, type GuardianCatalogue } from './ja.js'
import { jaEasy } from './jaEasy.js'
import { ko } from './ko.js'
import { ne } from './ne.js'
import { ptBR } from './ptBR.js'
import { GLOSSARY } from './glossary.js'
import { addCatalogue } from './translate.js'
import { vi } from './vi.js'
import { zhHans } from './zhHans.js'

/** Every guardian catalogue, by language: for the server (e-mails) and the tests. */
export const CATALOGUES: Record<GuardianLanguage, GuardianCatalogue> = { ja, 'ja-easy': jaEasy, en, 'zh-Hans': zhHans, vi, 'pt-BR': ptBR, fil, ne, ko }

/** Makes every language available to `translator`. */
export function addAllCatalogues(): void {
  for (const [language, catalogue] of Object.entries(CATALOGUES)) addCatalogue(language as GuardianLanguage, catalogue, GLOSSARY[language as GuardianLanguage])
}
