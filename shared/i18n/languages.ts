import { z } from 'zod'

/**
 * The languages a guardian can choose. `ja-easy` is やさしい日本語: Japanese in short sentences
 * with common words, for families still learning the language (the page is still `lang="ja"`).
 */
export const GUARDIAN_LANGUAGES = ['ja', 'ja-easy', 'en', 'zh-Hans', 'vi', 'pt-BR', 'fil', 'ne', 'ko'] as const
export const GuardianLanguage = z.enum(GUARDIAN_LANGUAGES)
export type GuardianLanguage = z.infer<typeof GuardianLanguage>

/**
 * The languages of the staff pages: Japanese, and English for staff who read it better (an
 * ALT, a teacher from abroad). A subset of the guardians' languages, so dates share their rules.
 */
export const STAFF_LANGUAGES = ['ja', 'en'] as const satisfies readonly GuardianLanguage[]
export const StaffLanguage = z.enum(STAFF_LANGUAGES)
export type StaffLanguage = z.infer<typeof StaffLanguage>

export interface LanguageInfo {
  /** The language's own name, as the picker shows it. */
  nativeName: string
  /** Its name in Japanese, for the staff pages' language label. */
  japaneseName: string
  /** `lang` of the page. */
  htmlLang: string
  /** The locale for Intl and Luxon: dates, times and plural rules. */
  intlLocale: string
}

export const LANGUAGE_INFO: Record<GuardianLanguage, LanguageInfo> = {
  ja: { nativeName: '日本語', japaneseName: '日本語', htmlLang: 'ja', intlLocale: 'ja' },
  'ja-easy': { nativeName: 'やさしい にほんご', japaneseName: 'やさしい日本語', htmlLang: 'ja', intlLocale: 'ja' },
  en: { nativeName: 'English', japaneseName: '英語', htmlLang: 'en', intlLocale: 'en' },
  'zh-Hans': { nativeName: '中文(简体)', japaneseName: '中国語', htmlLang: 'zh-Hans', intlLocale: 'zh-CN' },
  vi: { nativeName: 'Tiếng Việt', japaneseName: 'ベトナム語', htmlLang: 'vi', intlLocale: 'vi' },
  'pt-BR': { nativeName: 'Português (Brasil)', japaneseName: 'ポルトガル語', htmlLang: 'pt-BR', intlLocale: 'pt-BR' },
  fil: { nativeName: 'Filipino', japaneseName: 'フィリピノ語', htmlLang: 'fil', intlLocale: 'fil' },
  ne: { nativeName: 'नेपाली', japaneseName: 'ネパール語', htmlLang: 'ne', intlLocale: 'ne' },
  ko: { nativeName: '한국어', japaneseName: '韓国語', htmlLang: 'ko', intlLocale: 'ko' },
}

/** Browser language prefixes for each choice, most specific first. */
const BROWSER_MATCH: readonly [string, GuardianLanguage][] = [
  ['zh', 'zh-Hans'],
  ['pt', 'pt-BR'],
  ['tl', 'fil'],
  ['fil', 'fil'],
  ['vi', 'vi'],
  ['ne', 'ne'],
  ['ko', 'ko'],
  ['en', 'en'],
  ['ja', 'ja'],
]

/**
 * The language to offer on a first visit, from the browser's preferred languages
 * (`navigator.languages`); Japanese when none of them is one we have.
 */
export function languageFromBrowser(preferred: readonly string[]): GuardianLanguage {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0]!
    const hit = BROWSER_MATCH.find(([prefix]) => prefix === primary)
    if (hit) return hit[1]
  }
  return 'ja'
}

/** The staff page language to offer before anyone chose one: English for an English browser, else Japanese. */
export function staffLanguageFromBrowser(preferred: readonly string[]): StaffLanguage {
  return languageFromBrowser(preferred) === 'en' ? 'en' : 'ja'
}
