import type { GuardianLanguage } from '../languages.js'
import type { Glossary } from './glossary.js'
import { ja, jaTerms, type GuardianCatalogue } from './ja.js'
import { addCatalogue, hasCatalogue } from './translate.js'

type Loaded = readonly [GuardianCatalogue, Glossary]

/** Each catalogue and its terms as one chunk: a phone downloads only the language it shows. */
const LOADERS: Record<GuardianLanguage, () => Promise<Loaded>> = {
  ja: async () => [ja, jaTerms] as const,
  'ja-easy': () => import('./jaEasy.js').then((m) => [m.jaEasy, m.jaEasyTerms] as const),
  en: () => import('./en.js').then((m) => [m.en, m.enTerms] as const),
  'zh-Hans': () => import('./zhHans.js').then((m) => [m.zhHans, m.zhHansTerms] as const),
  vi: () => import('./vi.js').then((m) => [m.vi, m.viTerms] as const),
  'pt-BR': () => import('./ptBR.js').then((m) => [m.ptBR, m.ptBRTerms] as const),
  fil: () => import('./fil.js').then((m) => [m.fil, m.filTerms] as const),
  ne: () => import('./ne.js').then((m) => [m.ne, m.neTerms] as const),
  ko: () => import('./ko.js').then((m) => [m.ko, m.koTerms] as const),
}

/** Loads a language's catalogue (once) so `translator` speaks it. */
export async function loadCatalogue(language: GuardianLanguage): Promise<void> {
  if (!hasCatalogue(language)) addCatalogue(language, ...(await LOADERS[language]()))
}
