import type { GuardianLanguage } from '../languages.js'
import type { GuardianCatalogue } from './ja.js'
import { addCatalogue, hasCatalogue } from './translate.js'

/** Each catalogue as its own chunk: a phone downloads only the language it shows. */
const LOADERS: Record<GuardianLanguage, () => Promise<GuardianCatalogue>> = {
  ja: () => import('./ja.js').then((m) => m.ja),
  'ja-easy': () => import('./jaEasy.js').then((m) => m.jaEasy),
  en: () => import('./en.js').then((m) => m.en),
  'zh-Hans': () => import('./zhHans.js').then((m) => m.zhHans),
  vi: () => import('./vi.js').then((m) => m.vi),
  'pt-BR': () => import('./ptBR.js').then((m) => m.ptBR),
  fil: () => import('./fil.js').then((m) => m.fil),
  ne: () => import('./ne.js').then((m) => m.ne),
  ko: () => import('./ko.js').then((m) => m.ko),
}

/** Loads a language's catalogue (once) so `translator` speaks it. */
export async function loadCatalogue(language: GuardianLanguage): Promise<void> {
  if (!hasCatalogue(language)) addCatalogue(language, await LOADERS[language]())
}
