import { parse } from '@formatjs/icu-messageformat-parser'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Plugin } from 'vite'
import type { GuardianLanguage } from '../shared/i18n/languages.js'
import { CATALOGUES } from '../shared/i18n/guardian/catalogues.js'
import { GLOSSARY } from '../shared/i18n/guardian/glossary.js'
import { STAFF_CATALOGUES } from '../shared/i18n/staff/catalogues.js'

/** Each catalogue module of `shared/i18n/guardian/` by its file name, which is also its export's name. */
const MODULES: Record<string, GuardianLanguage> = {
  ja: 'ja', jaEasy: 'ja-easy', en: 'en', zhHans: 'zh-Hans', vi: 'vi', ptBR: 'pt-BR', fil: 'fil', ne: 'ne', ko: 'ko',
}
const CATALOGUE_FILE = /[\\/]shared[\\/]i18n[\\/]guardian[\\/](\w+)\.ts$/
/** A staff area's catalogue: `shared/i18n/staff/<language>/<area>.ts`. */
const STAFF_FILE = /[\\/]shared[\\/]i18n[\\/]staff[\\/](ja|en)[\\/](\w+)\.ts$/

const parsedCatalogue = (catalogue: Record<string, string>) =>
  JSON.stringify(Object.fromEntries(Object.entries(catalogue).map(([key, message]) => [key, parse(message, { ignoreTag: true })])))

/**
 * The guardian and staff catalogues reach the pages already parsed: each message as the ICU syntax tree
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
      const staff = STAFF_FILE.exec(id)
      if (staff) {
        const [, language, area] = staff as unknown as [string, 'ja' | 'en', string]
        const catalogue = STAFF_CATALOGUES[language][area]
        if (!catalogue) throw new Error(`${id}: add the area to shared/i18n/staff/catalogues.ts`)
        return `export const ${area} = ${parsedCatalogue(catalogue)}\n`
      }
      const name = CATALOGUE_FILE.exec(id)?.[1]
      const language = name ? MODULES[name] : undefined
      if (!name || !language) return null
      return `export const ${name} = ${parsedCatalogue(CATALOGUES[language])}\nexport const ${name}Terms = ${JSON.stringify(GLOSSARY[language])}\n`
    },
  }
}
