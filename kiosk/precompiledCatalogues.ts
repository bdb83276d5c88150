import { parse } from '@formatjs/icu-messageformat-parser'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Plugin } from 'vite'
import type { GuardianLanguage } from '../shared/i18n/languages.js'
import { CATALOGUES } from '../shared/i18n/guardian/catalogues.js'
import { GLOSSARY } from '../shared/i18n/guardian/glossary.js'

/** Each catalogue module of `shared/i18n/guardian/` by its file name, which is also its export's name. */
const MODULES: Record<string, GuardianLanguage> = {
  ja: 'ja', jaEasy: 'ja-easy', en: 'en', zhHans: 'zh-Hans', vi: 'vi', ptBR: 'pt-BR', fil: 'fil', ne: 'ne', ko: 'ko',
}
const CATALOGUE_FILE = /[\\/]shared[\\/]i18n[\\/]guardian[\\/](\w+)\.ts$/

/**
 * The guardian catalogues reach the pages already parsed: each message as the ICU syntax tree
 * `intl-messageformat` formats from, so the pages do without the ICU parser (a third of the
 * language code, about 10 KB compressed), as formatjs advises for a build. The catalogues stay
 * the one source in `shared/` (the server and the tests read them as written, and
 * `catalogues.test.ts` checks that every message parses); only their shipped form changes.
 * Builds only: the dev server parses as the server does, so an edited catalogue shows at once.
 */
export function precompiledCatalogues(): Plugin {
  const parser = dirname(createRequire(import.meta.url).resolve('@formatjs/icu-messageformat-parser/package.json'))
  return {
    name: 'asagao-precompiled-catalogues',
    enforce: 'pre',
    apply: 'build',
    config: () => ({ resolve: { alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: join(parser, 'lib', 'no-parser.js') }] } }),
    load(id) {
      const name = CATALOGUE_FILE.exec(id)?.[1]
      const language = name ? MODULES[name] : undefined
      if (!name || !language) return null
      const parsed = Object.fromEntries(Object.entries(CATALOGUES[language]).map(([key, message]) => [key, parse(message, { ignoreTag: true })]))
      return `export const ${name} = ${JSON.stringify(parsed)}\nexport const ${name}Terms = ${JSON.stringify(GLOSSARY[language])}\n`
    },
  }
}
